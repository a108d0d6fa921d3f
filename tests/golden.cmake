# Golden end-to-end cases: every directory under tests/golden/ that holds an `args` file is one
# ctest case. The runner executes `mcpolicy <args>` inside that directory (stdin from `stdin` when
# present) and compares stdout with `expected` and the exit code with `exit`, exactly; `stderr`,
# when present, must match standard error too.
#
# Cases that write files or need inputs made at test time run in a scratch directory instead:
#   files/           copied (permissions kept) into the scratch directory, which is the working
#                    directory of the run
#   setup.cmake      included before the run with WORK_DIR (the scratch directory), CASE,
#                    MCPOLICY and MAKE_INPUT (tests/support/make_input.cc, which writes large
#                    numbered or random inputs) set: make FIFOs, symlinks or large inputs there
#   expected-files/  each file in it must equal, byte for byte, the file of the same relative path
#                    in the scratch directory after the run (rewritten by MCPOLICY_UPDATE_GOLDEN=1)
#   expected.sarif   instead of `expected`: stdout with the absolute source root of a SARIF log
#                    (run.originalUriBaseIds) written as file:///SRCROOT/
#   check.cmake      included after the run (same variables plus RC, OUT, ERR); FATAL_ERROR fails.
#                    A case with check.cmake may leave out `expected`: check.cmake then judges
#                    stdout (for outputs too large to commit)
#   timeout          seconds the run may take (default 20)
#   needs-root       the case runs only as root (reported as skipped otherwise)
#   fsize            bytes a file written by the run may grow to (prlimit --fsize; a full disk)
add_executable(mcpolicy_make_input ${CMAKE_CURRENT_SOURCE_DIR}/support/make_input.cc)
target_link_libraries(mcpolicy_make_input PRIVATE mcpolicy_warnings)

file(GLOB_RECURSE MCPOLICY_GOLDEN_ARGS CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/golden/*/args)
foreach(args_file IN LISTS MCPOLICY_GOLDEN_ARGS)
  get_filename_component(case_dir ${args_file} DIRECTORY)
  file(RELATIVE_PATH case_name ${CMAKE_CURRENT_SOURCE_DIR}/golden ${case_dir})
  add_test(NAME "golden: ${case_name}"
           COMMAND ${CMAKE_COMMAND} -DMCPOLICY=$<TARGET_FILE:mcpolicy> -DCASE=${case_dir}
                   -DMAKE_INPUT=$<TARGET_FILE:mcpolicy_make_input>
                   -DMCP_TEST_SERVER=$<TARGET_FILE:mcpolicy_mcp_test_server>
                   -DSCRATCH=${CMAKE_CURRENT_BINARY_DIR}/golden-scratch/${case_name}
                   -P ${CMAKE_CURRENT_SOURCE_DIR}/support/run_golden.cmake)
  set_tests_properties("golden: ${case_name}" PROPERTIES TIMEOUT 120
                       SKIP_REGULAR_EXPRESSION "SKIPPED: needs root")
endforeach()

# A stdio MCP server that can misbehave on request, for the fetch cases (tests/golden/fetch/*:
# their setup.cmake links it into the scratch directory as ./server).
add_executable(mcpolicy_mcp_test_server ${CMAKE_CURRENT_SOURCE_DIR}/support/mcp_test_server.cc)
target_link_libraries(mcpolicy_mcp_test_server PRIVATE nlohmann_json::nlohmann_json)
