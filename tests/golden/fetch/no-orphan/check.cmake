# The server ignores SIGTERM and has forked a grandchild: after fetch returns, neither may be alive.
# fetch SIGKILLs the whole process group before it returns; the kernel finishes taking a killed
# process down on its own time, so on a loaded machine the grandchild may still be exiting for a
# moment: give it up to 3 s to be gone (or a zombie) before calling it alive.
file(READ ${WORK_DIR}/child.pid pid)
string(STRIP "${pid}" pid)
set(stat "")
foreach(attempt RANGE 30)
  if(NOT EXISTS /proc/${pid}/stat)
    set(stat "")
    break()
  endif()
  file(READ /proc/${pid}/stat stat)
  if(stat MATCHES "^[0-9]+ \\([^)]*\\) [ZX]")
    set(stat "")
    break()
  endif()
  execute_process(COMMAND sleep 0.1)
endforeach()
if(stat)
  message(FATAL_ERROR "the server's grandchild ${pid} is still running 3 s after fetch returned: ${stat}")
endif()
