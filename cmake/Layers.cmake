# The library as one static library per layer of cmake/layers.txt (bottom first: base, syntax,
# knowledge, model, analysis, commands), each linking only the layers below it, and mcpolicy_lib,
# an INTERFACE target linking them all for the CLI, the tests and the benchmarks.
#
# Each layer compiles against build/layers/<layer>/, a directory of links to its own areas
# (lib/src/<area>) and public headers (lib/include/mcpolicy/<header>), plus the directories of the
# layers below it. An #include that runs up the layers therefore does not compile, though every
# area is still one folder of lib/src. cmake/layers.py checks the same table (ctest "layers").

# Every source file, by area (a folder of lib/src). A .cc file in lib/src that is listed here under
# no area stops the configuration: add it below.
set(MCPOLICY_AREA_SOURCES_util atomic_write.cc diagnostic.cc embedded.cc escape.cc io.cc
  output_conflict.cc sink.cc suggest.cc text.cc)
set(MCPOLICY_AREA_SOURCES_source document.cc json_parser.cc utf8.cc)
set(MCPOLICY_AREA_SOURCES_schema compiled.cc compiler.cc embedded_schema.cc equality.cc formats.cc
  messages.cc metaschema.cc regex.cc resolver.cc schema.cc uri.cc validator.cc)
set(MCPOLICY_AREA_SOURCES_yaml emit.cc input.cc parser.cc problems.cc recognise.cc scalar.cc tree.cc)
set(MCPOLICY_AREA_SOURCES_classify analyzer.cc classifier.cc evidence.cc features.cc lexicon.cc
  model.cc signals.cc tokenizer.cc)
set(MCPOLICY_AREA_SOURCES_catalog catalog.cc loader.cc tool_input.cc tools_server.cc)
set(MCPOLICY_AREA_SOURCES_policy hosted_wording.cc output_dialect.cc reader.cc remedy.cc resolve.cc)
set(MCPOLICY_AREA_SOURCES_config baseline.cc config.cc glob.cc resolver.cc)
set(MCPOLICY_AREA_SOURCES_intercept checks.cc keys.cc model.cc read.cc report.cc shape.cc write.cc)
set(MCPOLICY_AREA_SOURCES_rules context.cc dead_entry.cc default_allow.cc deny_all.cc
  invalid_tool_name.cc limit_blocks_all.cc loose_limit.cc reachable_destructive.cc
  reachable_financial.cc registry.cc runner.cc shared_counter.cc unguarded_multiplexer.cc
  uncertain_tool.cc unknown_tool.cc unlimited_execute.cc unlimited_write.cc)
set(MCPOLICY_AREA_SOURCES_lint configuration.cc dialect_hints.cc lint.cc recognise.cc)
set(MCPOLICY_AREA_SOURCES_fix diff.cc driver.cc edits.cc pass.cc planner.cc style.cc)
list(APPEND MCPOLICY_AREA_SOURCES_fix yaml_pass.cc yaml_planner.cc yaml_style.cc)
set(MCPOLICY_AREA_SOURCES_report ci_reports.cc machine_reports.cc rule_groups.cc sarif.cc text_report.cc)
set(MCPOLICY_AREA_SOURCES_commands lint.cc lint_fix.cc schema.cc statistics.cc)
set(MCPOLICY_AREA_SOURCES_classify_command catalog_commands.cc rows.cc run.cc)
set(MCPOLICY_AREA_SOURCES_convert run.cc to_intercept.cc to_json.cc)
set(MCPOLICY_AREA_SOURCES_recommend decide.cc format.cc format_intercept.cc run.cc)
set(MCPOLICY_AREA_SOURCES_diff compare.cc describe.cc diff.cc format.cc git_mode.cc input.cc run.cc
  version.cc)
set(MCPOLICY_AREA_SOURCES_live channel.cc child_process.cc client_config.cc drift_command.cc
  drift_compare.cc dump.cc fetch_command.cc http_channel.cc mcp_client.cc scan_command.cc sha256.cc
  snapshot.cc)

# Files generated in the build tree, by layer.
set(MCPOLICY_LAYER_GENERATED_base ${PROJECT_BINARY_DIR}/generated/embedded_data.cc)

set(mcpolicy_layer_root ${PROJECT_BINARY_DIR}/layers)
set(mcpolicy_src ${PROJECT_SOURCE_DIR}/lib/src)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/cmake/layers.txt)

# Read the table: one line per area, "layer area header.h...".
file(STRINGS ${PROJECT_SOURCE_DIR}/cmake/layers.txt mcpolicy_rows REGEX "^[a-z]")
set(MCPOLICY_LAYERS "")
set(mcpolicy_listed "")
# Links from an earlier configuration are removed one by one (never recursively: a link to a
# directory must not take the directory's files with it).
file(GLOB mcpolicy_old_links LIST_DIRECTORIES true ${mcpolicy_layer_root}/*/* ${mcpolicy_layer_root}/*/mcpolicy/*)
foreach(link IN LISTS mcpolicy_old_links)
  if(IS_SYMLINK ${link})
    file(REMOVE ${link})
  endif()
endforeach()
foreach(row IN LISTS mcpolicy_rows)
  string(REGEX REPLACE "#.*" "" row "${row}")
  string(STRIP "${row}" row)
  string(REGEX REPLACE "[ \t]+" ";" words "${row}")
  list(POP_FRONT words layer area)
  if(NOT layer IN_LIST MCPOLICY_LAYERS)
    list(APPEND MCPOLICY_LAYERS ${layer})
    set(MCPOLICY_LAYER_SOURCES_${layer} ${MCPOLICY_LAYER_GENERATED_${layer}})
    file(MAKE_DIRECTORY ${mcpolicy_layer_root}/${layer}/mcpolicy)
  endif()
  if(NOT DEFINED MCPOLICY_AREA_SOURCES_${area})
    message(FATAL_ERROR "cmake/layers.txt names area ${area}; list its sources in cmake/Layers.cmake")
  endif()
  foreach(f IN LISTS MCPOLICY_AREA_SOURCES_${area})
    list(APPEND MCPOLICY_LAYER_SOURCES_${layer} ${mcpolicy_src}/${area}/${f})
    list(APPEND mcpolicy_listed ${mcpolicy_src}/${area}/${f})
  endforeach()
  file(CREATE_LINK ${mcpolicy_src}/${area} ${mcpolicy_layer_root}/${layer}/${area} SYMBOLIC)
  foreach(header IN LISTS words)
    file(CREATE_LINK ${PROJECT_SOURCE_DIR}/lib/include/mcpolicy/${header}
         ${mcpolicy_layer_root}/${layer}/mcpolicy/${header} SYMBOLIC)
  endforeach()
endforeach()

# Every source file of lib/src is in exactly one list (the lists are explicit; this only checks).
file(GLOB_RECURSE mcpolicy_found CONFIGURE_DEPENDS ${mcpolicy_src}/*.cc)
foreach(f IN LISTS mcpolicy_found)
  if(NOT f IN_LIST mcpolicy_listed)
    file(RELATIVE_PATH rel ${PROJECT_SOURCE_DIR} ${f})
    message(FATAL_ERROR "${rel} is in no layer: add it to its area's list in cmake/Layers.cmake")
  endif()
endforeach()
foreach(f IN LISTS mcpolicy_listed)
  if(NOT EXISTS ${f})
    file(RELATIVE_PATH rel ${PROJECT_SOURCE_DIR} ${f})
    message(FATAL_ERROR "cmake/Layers.cmake lists ${rel}, which does not exist")
  endif()
endforeach()

set(mcpolicy_lower "")
foreach(layer IN LISTS MCPOLICY_LAYERS)
  add_library(mcpolicy_${layer} STATIC ${MCPOLICY_LAYER_SOURCES_${layer}})
  target_include_directories(mcpolicy_${layer} PUBLIC ${mcpolicy_layer_root}/${layer})
  target_link_libraries(mcpolicy_${layer}
    PUBLIC ${mcpolicy_lower} mcpolicy_re2 mcpolicy_libyaml mcpolicy_curl nlohmann_json::nlohmann_json
    PRIVATE mcpolicy_warnings mcpolicy_library_warnings mcpolicy_sanitizers)
  target_compile_definitions(mcpolicy_${layer} PRIVATE MCPOLICY_VERSION="${PROJECT_VERSION}"
                             MCPOLICY_DOCS_URL="${MCPOLICY_DOCS_URL}")
  set(mcpolicy_lower mcpolicy_${layer})
endforeach()

add_library(mcpolicy_lib INTERFACE)
target_link_libraries(mcpolicy_lib INTERFACE ${mcpolicy_lower})
target_include_directories(mcpolicy_lib INTERFACE ${PROJECT_SOURCE_DIR}/lib/include)
