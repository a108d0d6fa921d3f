file(MAKE_DIRECTORY ${WORK_DIR}/tools.json)
