# The scratch directory is the top of a work tree (it holds .git), so SARIF names the files
# relative to it under %SRCROOT%.
file(MAKE_DIRECTORY ${WORK_DIR}/.git)
