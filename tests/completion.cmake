# The generated shell completions loaded into bash, fish and zsh (tests/support/completion_test.sh).
add_test(NAME "completion: bash, fish and zsh complete from the generated scripts"
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/support/completion_test.sh $<TARGET_FILE:mcpolicy>)
set_tests_properties("completion: bash, fish and zsh complete from the generated scripts" PROPERTIES TIMEOUT 120)
