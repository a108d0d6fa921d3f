# One tool whose name is a 10 MB key: the message quotes 64 characters of it, the snippet 160.
string(REPEAT "k" 10000000 key)
file(WRITE ${WORK_DIR}/policy.json "{\"version\": \"1\", \"default\": \"deny\", \"tools\": {\"${key}\": {}}}\n")
