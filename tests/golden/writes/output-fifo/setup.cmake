# A FIFO with a reader copying what arrives into got.txt.
execute_process(COMMAND mkfifo ${WORK_DIR}/report.fifo COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND sh -c "cat report.fifo > got.txt 2>/dev/null </dev/null &"
                WORKING_DIRECTORY ${WORK_DIR})
