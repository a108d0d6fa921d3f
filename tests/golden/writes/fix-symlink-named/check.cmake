if(NOT IS_SYMLINK ${WORK_DIR}/link.json)
  message("link.json is no longer a symbolic link")
  set(failed TRUE)
endif()
