# Script mode: runs the built mcpolicy (MCPOLICY) to write, into DIR, the man page (mcpolicy.1
# and mcpolicy.1.gz) and the bash, zsh and fish completions, all generated from the program's own
# command line; gzips CHANGELOG into DIR/changelog.gz. gzip -n: no name or time stamp, so the
# files are the same at every build. Each failure says which command failed and why.
function(run_to_file output)
  execute_process(COMMAND ${ARGN} OUTPUT_FILE ${output}.tmp RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    string(REPLACE ";" " " command "${ARGN}")
    message(FATAL_ERROR "Docs.cmake: `${command}` failed (${rc}) writing ${output}: ${err}")
  endif()
  file(RENAME ${output}.tmp ${output})
endfunction()

find_program(GZIP gzip REQUIRED)
file(MAKE_DIRECTORY ${DIR})
run_to_file(${DIR}/mcpolicy.1 ${MCPOLICY} manpage)
run_to_file(${DIR}/mcpolicy.bash ${MCPOLICY} completion bash)
run_to_file(${DIR}/_mcpolicy ${MCPOLICY} completion zsh)
run_to_file(${DIR}/mcpolicy.fish ${MCPOLICY} completion fish)
run_to_file(${DIR}/mcpolicy.1.gz ${GZIP} -9 -n -c ${DIR}/mcpolicy.1)
run_to_file(${DIR}/changelog.gz ${GZIP} -9 -n -c ${CHANGELOG})
