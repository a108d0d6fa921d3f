# mcpolicy_generalisation: the classifier's accuracy on servers it never saw, by
# leave-one-repository-out over the catalog's labelled tools (bench/generalisation.cc).
#   build/bench/mcpolicy_generalisation catalog/servers
add_executable(mcpolicy_generalisation ${CMAKE_CURRENT_LIST_DIR}/generalisation.cc
  ${CMAKE_CURRENT_LIST_DIR}/corpus.cc)
target_link_libraries(mcpolicy_generalisation PRIVATE mcpolicy_lib nlohmann_json::nlohmann_json
  mcpolicy_warnings mcpolicy_sanitizers)
