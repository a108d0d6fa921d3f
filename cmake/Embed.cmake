# mcpolicy_embed(NAME OUTPUT FILES...): generates OUTPUT, a C++ file defining the table behind
# mcpolicy/embedded.h, holding each file's bytes under its path relative to the project root (or,
# for a file generated in the build tree, relative to the build root: "generated/...").
function(mcpolicy_embed name output)
  set(files ${ARGN})
  list(SORT files)
  get_filename_component(output_dir ${output} DIRECTORY)
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${output_dir}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${output} -DROOT=${PROJECT_SOURCE_DIR} -DBINARY_ROOT=${PROJECT_BINARY_DIR}
            "-DFILES=${files}" -P ${PROJECT_SOURCE_DIR}/cmake/EmbedFiles.cmake
    DEPENDS ${files} ${PROJECT_SOURCE_DIR}/cmake/EmbedFiles.cmake
    COMMENT "Embedding ${name} (schemas, catalog, docs)"
    VERBATIM)
endfunction()
