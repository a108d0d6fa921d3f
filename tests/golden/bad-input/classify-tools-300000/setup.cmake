# A tools/list result with 300,000 tools on one line.
execute_process(COMMAND ${MAKE_INPUT} ${WORK_DIR}/tools.json numbered 300000
                "{\"tools\": [" "{\"name\": \"delete_item_#\"}" "," "]}"
                COMMAND_ERROR_IS_FATAL ANY)
