if(EXISTS ${WORK_DIR}/out.txt)
  message("out.txt was written although the outputs were refused")
  set(failed TRUE)
endif()
