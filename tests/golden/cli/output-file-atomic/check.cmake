# The report went to the file, not stdout, and the write left no temporary file beside it.
file(GLOB leftovers ${WORK_DIR}/*)
list(LENGTH leftovers n)
if(NOT n EQUAL 2)
  message("expected policy.json and report.txt only, found: ${leftovers}")
  set(failed TRUE)
endif()
