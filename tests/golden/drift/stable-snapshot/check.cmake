# Writing the same server's snapshot again gives the same bytes (sorted, deterministic).
file(READ ${WORK_DIR}/snap.json second)
execute_process(COMMAND ${MCPOLICY} fetch --write-snapshot again.json -- ./server --era legacy
                WORKING_DIRECTORY ${WORK_DIR} OUTPUT_QUIET ERROR_QUIET)
file(READ ${WORK_DIR}/again.json third)
if(NOT second STREQUAL third)
  message(FATAL_ERROR "the snapshot differs between two runs:\n${second}\n---\n${third}")
endif()
