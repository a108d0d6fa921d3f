# The server ignores SIGTERM and has forked a grandchild: after fetch returns, neither may be alive.
file(READ ${WORK_DIR}/child.pid pid)
string(STRIP "${pid}" pid)
if(EXISTS /proc/${pid}/stat)
  file(READ /proc/${pid}/stat stat)
  if(NOT stat MATCHES "^[0-9]+ \\([^)]*\\) Z")
    message(FATAL_ERROR "the server's grandchild ${pid} is still running: ${stat}")
  endif()
endif()
