file(CREATE_LINK ${MCP_TEST_SERVER} ${WORK_DIR}/server SYMBOLIC)
# The snapshot is written by fetch itself, as a user would.
execute_process(COMMAND ${MCPOLICY} fetch --write-snapshot snap.json -- ./server --era modern
                WORKING_DIRECTORY ${WORK_DIR} OUTPUT_QUIET ERROR_QUIET COMMAND_ERROR_IS_FATAL ANY)
