# new.json is not in HEAD: it is being added, so HEAD's side is an empty policy.
include(${CASE}/../git-pr/setup.cmake)
file(WRITE ${WORK_DIR}/added.json
     "{\"version\": \"1\", \"default\": \"deny\", \"tools\": {\"execute_flow\": {}}}\n")
