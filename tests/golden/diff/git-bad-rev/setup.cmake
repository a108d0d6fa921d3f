# A repository with two commits of one policy: the second drops execute_flow's limit.
find_program(GIT git REQUIRED)
function(git_run)
  execute_process(COMMAND ${GIT} -c user.name=mcpolicy -c user.email=mcpolicy@example.invalid
                          -c init.defaultBranch=main -c commit.gpgsign=false ${ARGN}
                  WORKING_DIRECTORY ${WORK_DIR} RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "git ${ARGN}: ${err}")
  endif()
endfunction()
file(MAKE_DIRECTORY ${WORK_DIR}/policies)
git_run(init -q)
file(WRITE ${WORK_DIR}/policies/kestra.json [=[{
  "version": "1",
  "default": "deny",
  "tools": {
    "list_executions": {},
    "execute_flow": {
      "limits": [{ "counter": "execute_flow_rate", "window": "minute", "max": 10, "scope": "grant" }]
    }
  }
}
]=])
git_run(add policies/kestra.json)
git_run(commit -q -m first)
file(WRITE ${WORK_DIR}/policies/kestra.json [=[{
  "version": "1",
  "default": "deny",
  "tools": {
    "list_executions": {},
    "execute_flow": {}
  }
}
]=])
git_run(commit -q -a -m second)
