# A repository with two commits: the second loosens an Intercept policy (policies/github.yaml),
# adds one (policies/stripe.yml), and changes a GitHub Actions workflow and a compose file, YAML
# that is no policy. git-yaml-blob includes this file.
find_program(GIT git REQUIRED)
function(git_run)
  execute_process(COMMAND ${GIT} -c user.name=mcpolicy -c user.email=mcpolicy@example.invalid
                          -c init.defaultBranch=main -c commit.gpgsign=false ${ARGN}
                  WORKING_DIRECTORY ${WORK_DIR} RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "git ${ARGN}: ${err}")
  endif()
endfunction()
file(MAKE_DIRECTORY ${WORK_DIR}/policies ${WORK_DIR}/.github/workflows)
git_run(init -q)
configure_file(${CASE}/../intercept-increase/old.yaml ${WORK_DIR}/policies/github.yaml COPYONLY)
file(WRITE ${WORK_DIR}/.github/workflows/ci.yml [=[name: ci
on: [push]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
]=])
file(WRITE ${WORK_DIR}/compose.yaml [=[services:
  gateway:
    image: example/gateway:1
]=])
git_run(add -A)
git_run(commit -q -m base)
configure_file(${CASE}/../intercept-increase/new.yaml ${WORK_DIR}/policies/github.yaml COPYONLY)
file(WRITE ${WORK_DIR}/policies/stripe.yml [=[version: "1"
default: deny
tools:
  list_customers:
    rules: []
  create_refund:
    rules:
      - name: "daily refund cap"
        conditions: [ { path: "state.create_refund.daily_total", op: "lt", value: 50000 } ]
        state: { counter: "daily_total", window: "day", increment_from: "args.amount" }
]=])
file(APPEND ${WORK_DIR}/.github/workflows/ci.yml "      - run: make test\n")
file(WRITE ${WORK_DIR}/compose.yaml [=[services:
  gateway:
    image: example/gateway:2
]=])
git_run(add -A)
git_run(commit -q -m change)
