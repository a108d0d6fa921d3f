# The YAML pair of intercept-increase, reported in another format.
file(COPY ${CASE}/../intercept-increase/old.yaml ${CASE}/../intercept-increase/new.yaml
     DESTINATION ${WORK_DIR})
# The scratch directory is the top of a work tree (it holds .git), so SARIF names the files
# relative to it under %SRCROOT%.
file(MAKE_DIRECTORY ${WORK_DIR}/.git)
