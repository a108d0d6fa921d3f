# 100,000 nested objects inside "hide": one type error, no recursion anywhere.
string(REPEAT "{\"a\": " 100000 open)
string(REPEAT "}" 100000 close)
file(WRITE ${WORK_DIR}/policy.json "{\"version\": \"1\", \"default\": \"deny\", \"tools\": {\"list_executions\": {}}, \"hide\": [${open}1${close}]}\n")
