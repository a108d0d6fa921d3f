# 300,000 tools on one (minified) line, 20,000 of them with an invalid name: every finding
# is located on the same 4 MB line, which must stay linear.
execute_process(COMMAND ${MAKE_INPUT} ${WORK_DIR}/good.json numbered 280000
                "" "\"tool_#\": {}" "," ""
                COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND ${MAKE_INPUT} ${WORK_DIR}/bad.json numbered 20000
                "" "\"bad tool #\": {}" "," ""
                COMMAND_ERROR_IS_FATAL ANY)
file(READ ${WORK_DIR}/good.json good)
file(READ ${WORK_DIR}/bad.json bad)
file(WRITE ${WORK_DIR}/policy.json "{\"version\": \"1\", \"default\": \"deny\", \"tools\": {${good}, ${bad}}}")
