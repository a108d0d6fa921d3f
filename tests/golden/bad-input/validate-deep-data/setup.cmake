# A recursive schema over 100,000 nested arrays: validation stops at the depth limit.
string(REPEAT "[" 100000 open)
string(REPEAT "]" 100000 close)
file(WRITE ${WORK_DIR}/data.json "${open}${close}\n")
