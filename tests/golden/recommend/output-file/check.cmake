# Nothing on stdout (the policy went to the file) and no temporary file left beside the outputs.
file(GLOB leftovers RELATIVE ${WORK_DIR} ${WORK_DIR}/*)
list(SORT leftovers)
if(NOT leftovers STREQUAL "policy.json;why.txt")
  message("expected policy.json and why.txt only, found: ${leftovers}")
  set(failed TRUE)
endif()
