# End to end against real MCP servers from npm (installed by .ci/install-deps into build-tools/):
# fetch -> recommend --tools - -> lint --tools, over stdio.
set(MCPOLICY_NPM_BIN ${PROJECT_SOURCE_DIR}/build-tools/node_modules/.bin)
add_test(NAME "live: fetch, recommend and lint real npm servers"
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/support/live_e2e_test.sh
                 $<TARGET_FILE:mcpolicy> ${MCPOLICY_NPM_BIN})
set_tests_properties("live: fetch, recommend and lint real npm servers" PROPERTIES TIMEOUT 180)
