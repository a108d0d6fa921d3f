file(CREATE_LINK sub/real.json ${WORK_DIR}/policies/alias.json SYMBOLIC)
