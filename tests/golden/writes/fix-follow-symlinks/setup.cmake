file(CREATE_LINK ../outside.json ${WORK_DIR}/policies/planted.json SYMBOLIC)
