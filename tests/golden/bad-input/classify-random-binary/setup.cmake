execute_process(COMMAND ${MAKE_INPUT} ${WORK_DIR}/tools.json random 4096 11 COMMAND_ERROR_IS_FATAL ANY)
