file(CREATE_LINK ${WORK_DIR}/policy.json ${WORK_DIR}/other-name.json)
