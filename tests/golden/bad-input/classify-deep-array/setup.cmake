# 100,000 nested arrays where an array of tool objects is expected.
string(REPEAT "[" 100000 open)
string(REPEAT "]" 100000 close)
file(WRITE ${WORK_DIR}/tools.json "${open}${close}\n")
