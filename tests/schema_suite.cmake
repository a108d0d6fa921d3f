# The official JSON-Schema-Test-Suite (draft7): one ctest per file plus a summary over all of
# them, each compared with tests/schema_suite_known_failures.txt in both directions.
set(MCPOLICY_SCHEMA_SUITE_DIR "/usr/share/json-schema-test-suite" CACHE PATH
    "Root of the JSON-Schema-Test-Suite (holds tests/draft7 and remotes)")

add_executable(schema_suite_driver ${CMAKE_CURRENT_SOURCE_DIR}/schema_suite_driver.cc)
target_link_libraries(schema_suite_driver PRIVATE mcpolicy_lib mcpolicy_warnings mcpolicy_sanitizers)

if(EXISTS ${MCPOLICY_SCHEMA_SUITE_DIR}/tests/draft7)
  # content.json is left out: draft-07 makes contentMediaType/contentEncoding annotations only.
  file(GLOB MCPOLICY_SUITE_FILES RELATIVE ${MCPOLICY_SCHEMA_SUITE_DIR}/tests/draft7
       ${MCPOLICY_SCHEMA_SUITE_DIR}/tests/draft7/*.json
       ${MCPOLICY_SCHEMA_SUITE_DIR}/tests/draft7/optional/bignum.json
       ${MCPOLICY_SCHEMA_SUITE_DIR}/tests/draft7/optional/ecmascript-regex.json
       ${MCPOLICY_SCHEMA_SUITE_DIR}/tests/draft7/optional/zeroTerminatedFloats.json
       ${MCPOLICY_SCHEMA_SUITE_DIR}/tests/draft7/optional/format/*.json)
  list(SORT MCPOLICY_SUITE_FILES)
  set(MCPOLICY_SUITE_ARGS
      --suite ${MCPOLICY_SCHEMA_SUITE_DIR}
      --known ${CMAKE_CURRENT_SOURCE_DIR}/schema_suite_known_failures.txt)
  foreach(f IN LISTS MCPOLICY_SUITE_FILES)
    add_test(NAME "schema-suite: draft7/${f}" COMMAND schema_suite_driver ${MCPOLICY_SUITE_ARGS} ${f})
  endforeach()
  add_test(NAME "schema-suite: draft7 summary"
           COMMAND schema_suite_driver ${MCPOLICY_SUITE_ARGS} ${MCPOLICY_SUITE_FILES})
else()
  message(STATUS "JSON-Schema-Test-Suite not found at ${MCPOLICY_SCHEMA_SUITE_DIR}; suite tests skipped")
endif()
