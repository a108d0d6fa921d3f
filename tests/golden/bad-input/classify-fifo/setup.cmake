execute_process(COMMAND mkfifo ${WORK_DIR}/tools.json COMMAND_ERROR_IS_FATAL ANY)
