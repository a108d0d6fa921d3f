# A repository with two commits: the second changes one policy, removes one, renames one (and
# loosens its limit), adds one, and changes a package.json and a tools/list dump beside them.
# The other git-pr-* cases include this file.
find_program(GIT git REQUIRED)
function(git_run)
  execute_process(COMMAND ${GIT} -c user.name=mcpolicy -c user.email=mcpolicy@example.invalid
                          -c init.defaultBranch=main -c commit.gpgsign=false ${ARGN}
                  WORKING_DIRECTORY ${WORK_DIR} RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "git ${ARGN}: ${err}")
  endif()
endfunction()
set(limited [=[{
  "version": "1",
  "default": "deny",
  "tools": {
    "list_executions": {},
    "search_flows": {},
    "execute_flow": {
      "limits": [{ "counter": "execute_flow_rate", "window": "minute", "max": 10, "scope": "grant" }]
    }
  }
}
]=])
file(MAKE_DIRECTORY ${WORK_DIR}/policies/team)
git_run(init -q)
file(WRITE ${WORK_DIR}/policies/kestra.json "${limited}")
file(WRITE ${WORK_DIR}/policies/retired.json "${limited}")
file(WRITE ${WORK_DIR}/policies/moved.json "${limited}")
file(WRITE ${WORK_DIR}/policies/tools.json
     "{\"tools\": [{\"name\": \"execute_flow\", \"inputSchema\": {\"type\": \"object\"}}]}\n")
file(WRITE ${WORK_DIR}/package.json "{\"name\": \"infra\", \"version\": \"1.0.0\"}\n")
git_run(add -A)
git_run(commit -q -m base)
string(REPLACE [=["execute_flow": {
      "limits": [{ "counter": "execute_flow_rate", "window": "minute", "max": 10, "scope": "grant" }]
    }]=] [=["execute_flow": {}]=] unlimited "${limited}")
file(WRITE ${WORK_DIR}/policies/kestra.json "${unlimited}")
git_run(rm -q policies/retired.json)
git_run(mv policies/moved.json policies/team/moved.json)
string(REPLACE "\"max\": 10" "\"max\": 100" loosened "${limited}")
file(WRITE ${WORK_DIR}/policies/team/moved.json "${loosened}")
file(WRITE ${WORK_DIR}/policies/new.json
     "{\"version\": \"1\", \"default\": \"deny\", \"tools\": {\"execute_flow\": {}, \"list_executions\": {}}}\n")
file(WRITE ${WORK_DIR}/policies/tools.json
     "{\"tools\": [{\"name\": \"execute_flow\", \"inputSchema\": {}}, {\"name\": \"list_executions\", \"inputSchema\": {}}]}\n")
file(WRITE ${WORK_DIR}/package.json "{\"name\": \"infra\", \"version\": \"1.0.1\"}\n")
git_run(add -A)
git_run(commit -q -m change)
