# recommend --dialect intercept for several catalog servers, in each tier and with --approve; what
# it writes is what the case lints (each policy's server is inferred from its tool names).
file(MAKE_DIRECTORY ${WORK_DIR}/policies)
set(servers kestra-io/mcp-server-python stripe/agent-toolkit github/github-mcp-server
            modelcontextprotocol/servers/filesystem CrowdStrike/falcon-mcp Adyen/adyen-mcp)
set(i 0)
foreach(server IN LISTS servers)
  foreach(run "recommended" "strict;--tier;strict" "permissive;--tier;permissive"
              "approve;--approve" "approve-strict;--approve;--tier;strict")
    list(POP_FRONT run name)
    math(EXPR i "${i} + 1")
    execute_process(COMMAND ${MCPOLICY} recommend --server ${server} --dialect intercept
                            -o policies/${i}-${name}.yaml ${run}
                    WORKING_DIRECTORY ${WORK_DIR} RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "recommend ${server} ${run} failed with ${rc}")
    endif()
  endforeach()
endforeach()
