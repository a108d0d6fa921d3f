file(MAKE_DIRECTORY ${WORK_DIR}/report)
