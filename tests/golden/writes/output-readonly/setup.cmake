execute_process(COMMAND chmod 444 ${WORK_DIR}/report.txt)
