# The report was created where the link points; the link itself stays.
if(NOT IS_SYMLINK ${WORK_DIR}/report.txt)
  message("report.txt is no longer a symbolic link")
  set(failed TRUE)
endif()
