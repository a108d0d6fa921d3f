execute_process(COMMAND ${MCPOLICY} lint --format json kestra-risky.json
                WORKING_DIRECTORY ${WORK_DIR} OUTPUT_VARIABLE report)
foreach(rule unlimited-execute unlimited-write reachable-destructive reachable-financial
             unguarded-multiplexer default-allow)
  string(FIND "${report}" "\"${rule}\"" at)
  if(NOT at EQUAL -1)
    message("${rule} is still reported after --fix")
    set(failed TRUE)
  endif()
endforeach()
