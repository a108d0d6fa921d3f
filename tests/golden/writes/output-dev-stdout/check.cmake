# The report reached the pipe (compared as stdout) and /dev/stdout is still the symlink.
if(NOT IS_SYMLINK /dev/stdout)
  message("/dev/stdout is no longer a symbolic link")
  set(failed TRUE)
endif()
