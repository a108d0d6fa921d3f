# examples/kestra-good.json to Intercept YAML and back; the case then diffs the original with the
# result, which must be no change in risk.
file(COPY ${CASE}/../../../../examples/kestra-good.json DESTINATION ${WORK_DIR}/examples)
execute_process(COMMAND ${MCPOLICY} convert examples/kestra-good.json --to intercept -o kestra.yaml
                WORKING_DIRECTORY ${WORK_DIR} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "convert to intercept failed with ${rc}")
endif()
execute_process(COMMAND ${MCPOLICY} convert kestra.yaml --to json -o kestra.json
                WORKING_DIRECTORY ${WORK_DIR} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "convert back to json failed with ${rc}")
endif()
