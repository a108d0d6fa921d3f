# `mcpolicy schema` output used by an outside validator (tests/support/schema_command_test.py).
add_test(NAME "schema: printed schemas validate the examples with python3-jsonschema"
         COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/support/schema_command_test.py
                 $<TARGET_FILE:mcpolicy> ${PROJECT_SOURCE_DIR})
