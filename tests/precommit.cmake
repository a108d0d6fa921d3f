# The mcpolicy-lint hook of .pre-commit-hooks.yaml, used through Debian's pre-commit as a user
# uses it: a remote hook repository (file:// URL, a tag), `pre-commit install`, `git commit`.
find_program(PRE_COMMIT pre-commit)
if(PRE_COMMIT)
  add_test(NAME "pre-commit: mcpolicy-lint hook from a repository URL"
           COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/support/precommit_test.sh
                   ${PROJECT_SOURCE_DIR} $<TARGET_FILE_DIR:mcpolicy>)
  set_tests_properties("pre-commit: mcpolicy-lint hook from a repository URL" PROPERTIES TIMEOUT 180)
else()
  message(WARNING "pre-commit not found: the hook test is not registered (run .ci/install-deps)")
endif()
