# SARIF output validated by Microsoft's SARIF multitool (installed by .ci/install-deps into
# build-tools/), over the golden policies of every structural rule.
set(MCPOLICY_MULTITOOL ${PROJECT_SOURCE_DIR}/build-tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool)
add_test(NAME "sarif: multitool validates the SARIF report"
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/support/sarif_test.sh
                 $<TARGET_FILE:mcpolicy> ${MCPOLICY_MULTITOOL} ${CMAKE_CURRENT_SOURCE_DIR}/golden/rules)
set_tests_properties("sarif: multitool validates the SARIF report" PROPERTIES TIMEOUT 300)
add_test(NAME "sarif: multitool validates drift's SARIF"
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/support/sarif_file_test.sh ${MCPOLICY_MULTITOOL}
                 ${CMAKE_CURRENT_SOURCE_DIR}/golden/drift/format-sarif/expected)
set_tests_properties("sarif: multitool validates drift's SARIF" PROPERTIES TIMEOUT 300)
add_test(NAME "sarif: multitool validates diff's SARIF"
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/support/sarif_file_test.sh ${MCPOLICY_MULTITOOL}
                 ${CMAKE_CURRENT_SOURCE_DIR}/golden/diff/git-pr-sarif/expected.sarif)
set_tests_properties("sarif: multitool validates diff's SARIF" PROPERTIES TIMEOUT 300)
add_test(NAME "sarif: multitool validates lint's SARIF golden"
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/support/sarif_file_test.sh ${MCPOLICY_MULTITOOL}
                 ${CMAKE_CURRENT_SOURCE_DIR}/golden/cli/format-sarif/expected.sarif)
set_tests_properties("sarif: multitool validates lint's SARIF golden" PROPERTIES TIMEOUT 300)
add_test(NAME "sarif: multitool validates diff's SARIF of Intercept YAML"
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/support/sarif_file_test.sh ${MCPOLICY_MULTITOOL}
                 ${CMAKE_CURRENT_SOURCE_DIR}/golden/diff/intercept-sarif/expected.sarif)
set_tests_properties("sarif: multitool validates diff's SARIF of Intercept YAML" PROPERTIES TIMEOUT 300)
