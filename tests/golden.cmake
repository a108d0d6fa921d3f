# Golden end-to-end cases: every directory under tests/golden/ that holds an `args` file is one
# ctest case. The runner executes `mcpolicy <args>` inside that directory (stdin from `stdin` when
# present) and compares stdout with `expected` and the exit code with `exit`, exactly; `stderr`,
# when present, must match standard error too.
file(GLOB_RECURSE MCPOLICY_GOLDEN_ARGS CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/golden/*/args)
foreach(args_file IN LISTS MCPOLICY_GOLDEN_ARGS)
  get_filename_component(case_dir ${args_file} DIRECTORY)
  file(RELATIVE_PATH case_name ${CMAKE_CURRENT_SOURCE_DIR}/golden ${case_dir})
  add_test(NAME "golden: ${case_name}"
           COMMAND ${CMAKE_COMMAND} -DMCPOLICY=$<TARGET_FILE:mcpolicy> -DCASE=${case_dir}
                   -P ${CMAKE_CURRENT_SOURCE_DIR}/support/run_golden.cmake)
  set_tests_properties("golden: ${case_name}" PROPERTIES TIMEOUT 30)
endforeach()
