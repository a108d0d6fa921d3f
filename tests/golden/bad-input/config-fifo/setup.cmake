execute_process(COMMAND mkfifo ${WORK_DIR}/mcpolicy.json COMMAND_ERROR_IS_FATAL ANY)
