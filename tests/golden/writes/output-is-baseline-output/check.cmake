if(EXISTS ${WORK_DIR}/out.json)
  message("out.json was written although the outputs were refused")
  set(failed TRUE)
endif()
