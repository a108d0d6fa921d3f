execute_process(COMMAND chmod 444 ${WORK_DIR}/policy.json)
