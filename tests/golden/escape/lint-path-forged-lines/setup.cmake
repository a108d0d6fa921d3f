# A file name that would print a forged finding, set the terminal title and move the cursor.
string(ASCII 27 esc)
string(ASCII 7 bel)
file(WRITE "${WORK_DIR}/policies/ok\npolicies/p.json:1:1: error: all good [fake]${esc}]0;pwned${bel}\r${esc}[2K.json"
     "{\"version\":\"1\",\"default\":\"deny\",\"tools\":{\"execute_flow\":{}}}\n")
