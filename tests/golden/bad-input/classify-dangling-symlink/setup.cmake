file(CREATE_LINK ${WORK_DIR}/gone.json ${WORK_DIR}/tools.json SYMBOLIC)
