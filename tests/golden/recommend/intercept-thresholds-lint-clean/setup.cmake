# recommend --dialect intercept writes into a repository whose .mcpolicy.json sets ceilings below the
# tier's rows; what it writes must lint clean there (no loose-limit), as the JSON policies do.
file(MAKE_DIRECTORY ${WORK_DIR}/policies)
foreach(run "recommended;" "permissive;--tier;permissive" "flag;--other;100/minute"
            "approve;--approve")
  list(POP_FRONT run name)
  execute_process(COMMAND ${MCPOLICY} recommend --server kestra-io/mcp-server-python
                          --dialect intercept -o policies/${name}.yaml ${run}
                  WORKING_DIRECTORY ${WORK_DIR} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "recommend (${name}) failed with ${rc}")
  endif()
endforeach()
