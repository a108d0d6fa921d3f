# The generated Kestra policy, written by recommend itself, is what the case lints.
execute_process(COMMAND ${MCPOLICY} recommend --server kestra-io/mcp-server-python -o policy.json
                WORKING_DIRECTORY ${WORK_DIR} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "recommend failed with ${rc}")
endif()
