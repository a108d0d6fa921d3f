# End to end against real MCP servers from npm (installed by .ci/install-deps into build-tools/):
# fetch -> recommend --tools - -> lint --tools, over stdio.
set(MCPOLICY_NPM_BIN ${PROJECT_SOURCE_DIR}/build-tools/node_modules/.bin)
add_test(NAME "live: fetch, recommend and lint real npm servers"
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/support/live_e2e_test.sh
                 $<TARGET_FILE:mcpolicy> ${MCPOLICY_NPM_BIN})
set_tests_properties("live: fetch, recommend and lint real npm servers" PROPERTIES TIMEOUT 180)
# fetch --url over streamable HTTP: a stateless test server (tests/support/mcp_http_server.py) and
# server-everything's streamableHttp mode, compared with the same server over stdio.
add_test(NAME "live: fetch --url over streamable HTTP"
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/support/fetch_http_test.sh
                 $<TARGET_FILE:mcpolicy> ${MCPOLICY_NPM_BIN})
set_tests_properties("live: fetch --url over streamable HTTP" PROPERTIES TIMEOUT 180)
# The first test checks that no reference server outlives fetch (by process name); the second runs
# one on purpose. They must not overlap.
set_tests_properties("live: fetch, recommend and lint real npm servers"
                     "live: fetch --url over streamable HTTP" PROPERTIES RESOURCE_LOCK npm_reference_servers)
