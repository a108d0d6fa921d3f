# As root, the rename used to replace /dev/null with a regular file holding the report.
execute_process(COMMAND test -c /dev/null RESULT_VARIABLE is_char)
file(SIZE /dev/null size)
if(NOT is_char EQUAL 0 OR NOT size EQUAL 0)
  message("/dev/null is no longer an empty character device")
  set(failed TRUE)
endif()
