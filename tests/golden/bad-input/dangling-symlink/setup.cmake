file(CREATE_LINK ${WORK_DIR}/moved-away.json ${WORK_DIR}/policy.json SYMBOLIC)
