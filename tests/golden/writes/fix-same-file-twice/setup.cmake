file(CREATE_LINK policy.json ${WORK_DIR}/link.json SYMBOLIC)
