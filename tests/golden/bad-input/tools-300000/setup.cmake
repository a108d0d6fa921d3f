# 300,000 tools, one a line; the last one misspells "limits".
execute_process(COMMAND ${MAKE_INPUT} ${WORK_DIR}/policy.json numbered 300000
                "{\n  \"version\": \"1\",\n  \"default\": \"deny\",\n  \"tools\": {\n"
                "    \"tool_#\": {}" ",\n"
                ",\n    \"last\": {\"limts\": []}\n  }\n}\n"
                COMMAND_ERROR_IS_FATAL ANY)
