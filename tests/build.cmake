# The build itself: a build-step tool that fails says why, and the generated sources build with
# the Makefile generator too (Ninja creates output directories by itself; Make does not).
add_test(NAME "build: the catalog index step names why it failed"
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/support/build_steps_test.sh
                 $<TARGET_FILE:mcpolicy_catalog_index> ${PROJECT_SOURCE_DIR})
add_test(NAME "build: Unix Makefiles generate the catalog index and embedded data"
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/support/makefiles_test.sh ${PROJECT_SOURCE_DIR}
                 "${CMAKE_CXX_COMPILER_LAUNCHER}")
set_tests_properties("build: Unix Makefiles generate the catalog index and embedded data"
                     PROPERTIES TIMEOUT 600)
