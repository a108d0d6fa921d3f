execute_process(COMMAND chmod 640 ${WORK_DIR}/policy.json)
