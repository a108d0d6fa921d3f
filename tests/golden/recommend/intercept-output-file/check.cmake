# Nothing on stdout (the policy went to the file) and no temporary file left beside it.
file(GLOB leftovers RELATIVE ${WORK_DIR} ${WORK_DIR}/*)
if(NOT leftovers STREQUAL "policy.yaml")
  message("expected policy.yaml only, found: ${leftovers}")
  set(failed TRUE)
endif()
