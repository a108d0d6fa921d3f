# A directory holding no .json file (only a README and a hidden one).
file(MAKE_DIRECTORY ${WORK_DIR}/policies/.git)
file(WRITE ${WORK_DIR}/policies/README.md "policies go here\n")
file(WRITE ${WORK_DIR}/policies/.git/config.json "{}\n")
