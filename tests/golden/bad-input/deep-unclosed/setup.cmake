# 100,000 arrays opened and never closed.
string(REPEAT "[{\"a\": " 50000 open)
file(WRITE ${WORK_DIR}/policy.json "${open}\n")
