# Nobody ever writes to this FIFO: opening it for reading must not wait.
execute_process(COMMAND mkfifo ${WORK_DIR}/policy.json COMMAND_ERROR_IS_FATAL ANY)
