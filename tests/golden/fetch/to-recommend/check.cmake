# What fetch wrote is what recommend --tools reads: the extra tool drop_everything must end up hidden.
execute_process(COMMAND ${MCPOLICY} recommend --tools tools.json WORKING_DIRECTORY ${WORK_DIR}
                OUTPUT_VARIABLE policy ERROR_VARIABLE policy_err RESULT_VARIABLE policy_rc)
if(NOT policy_rc EQUAL 0)
  message(FATAL_ERROR "recommend --tools failed (${policy_rc}): ${policy_err}")
endif()
string(JSON hidden GET "${policy}" hide)
if(NOT hidden MATCHES "drop_everything" OR NOT hidden MATCHES "delete_item")
  message(FATAL_ERROR "recommend did not hide the destructive tools: ${policy}")
endif()
string(JSON listed GET "${policy}" tools list_items)
