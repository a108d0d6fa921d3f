# 4 KiB of pseudo-random bytes (fixed seed).
execute_process(COMMAND ${MAKE_INPUT} ${WORK_DIR}/policy.json random 4096 7 COMMAND_ERROR_IS_FATAL ANY)
