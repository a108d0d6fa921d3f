file(MAKE_DIRECTORY ${WORK_DIR}/out)
file(CREATE_LINK out/real.txt ${WORK_DIR}/report.txt SYMBOLIC)
