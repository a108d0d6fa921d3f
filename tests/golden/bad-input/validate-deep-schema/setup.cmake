# A schema nested 100,000 levels deep (through "not").
string(REPEAT "{\"not\": " 100000 open)
string(REPEAT "}" 100000 close)
file(WRITE ${WORK_DIR}/schema.json "${open}{}${close}\n")
