file(CREATE_LINK target.json ${WORK_DIR}/link.json SYMBOLIC)
