# The repository of the `git` case, and a working-tree edit on top (a hidden tool listed).
include(${CASE}/../git/setup.cmake)
file(WRITE ${WORK_DIR}/policies/kestra.json [=[{
  "version": "1",
  "default": "deny",
  "hide": ["delete_flow_logs"],
  "tools": {
    "list_executions": {},
    "execute_flow": {
      "limits": [{ "counter": "execute_flow_rate", "window": "minute", "max": 10, "scope": "grant" }]
    },
    "manage_executions": {}
  }
}
]=])
