file(CREATE_LINK /dev/zero ${WORK_DIR}/policy.json SYMBOLIC)
