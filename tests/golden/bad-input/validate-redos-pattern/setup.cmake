# ^(a+)+$ against 100,000 "a"s and a "b" takes exponential time with a backtracking engine;
# RE2 is linear. The same for a 100,000-character key against ^(x+x+)+y$.
string(REPEAT "a" 100000 a)
string(REPEAT "x" 100000 x)
file(WRITE ${WORK_DIR}/data.json "{\"name\": \"${a}b\", \"${x}\": 1}\n")
