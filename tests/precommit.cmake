# Drives the mcpolicy-lint hook of .pre-commit-hooks.yaml with Debian's pre-commit on a scratch git
# repository holding one good and one bad policy (and a package.json the hook must pass over).
find_program(PRE_COMMIT pre-commit)
if(PRE_COMMIT)
  add_test(NAME "pre-commit: mcpolicy-lint hook"
           COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/support/precommit_test.sh
                   ${PROJECT_SOURCE_DIR} $<TARGET_FILE_DIR:mcpolicy>)
  set_tests_properties("pre-commit: mcpolicy-lint hook" PROPERTIES TIMEOUT 120)
else()
  message(WARNING "pre-commit not found: the hook test is not registered (run .ci/install-deps)")
endif()
