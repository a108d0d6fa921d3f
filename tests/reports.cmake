# The CI report formats read by outside tools (tests/support/ci_reports_test.py): GitLab Code
# Quality against its schema (python3-jsonschema), JUnit XML through junitparser, checkstyle
# through xmllint; --statistics against the JSON report. Debian's own python3, whose packages
# these are.
add_test(NAME "reports: GitLab Code Quality, JUnit and checkstyle read by outside tools"
         COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/support/ci_reports_test.py
                 $<TARGET_FILE:mcpolicy> ${CMAKE_CURRENT_SOURCE_DIR}/golden/rules
                 ${CMAKE_CURRENT_SOURCE_DIR}/schemas/gitlab-code-quality.schema.json)
set_tests_properties("reports: GitLab Code Quality, JUnit and checkstyle read by outside tools"
                     PROPERTIES TIMEOUT 300)
add_test(NAME "reports: the CI jobs of docs/ci.md parse and their diff scripts run"
         COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/support/ci_docs_test.py
                 $<TARGET_FILE:mcpolicy> ${PROJECT_SOURCE_DIR})
set_tests_properties("reports: the CI jobs of docs/ci.md parse and their diff scripts run" PROPERTIES TIMEOUT 120)
