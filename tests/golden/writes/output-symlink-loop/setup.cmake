file(CREATE_LINK loop.txt ${WORK_DIR}/loop.txt SYMBOLIC)
