if(NOT IS_SYMLINK ${WORK_DIR}/policies/alias.json)
  message("policies/alias.json is no longer a symbolic link")
  set(failed TRUE)
endif()
