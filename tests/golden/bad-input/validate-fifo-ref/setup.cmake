# The $ref names a FIFO nobody writes to: reading it must fail, not block.
execute_process(COMMAND mkfifo ${WORK_DIR}/defs.json COMMAND_ERROR_IS_FATAL ANY)
