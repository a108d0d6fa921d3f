# mcpolicy_accuracy: the classifier's accuracy benchmark over labelled tools (bench/accuracy.cc).
# The data path is given on the command line, e.g.
#   build/bench/mcpolicy_accuracy ../shared/eval/dev
add_executable(mcpolicy_accuracy ${CMAKE_CURRENT_LIST_DIR}/accuracy.cc)
target_link_libraries(mcpolicy_accuracy PRIVATE mcpolicy_lib nlohmann_json::nlohmann_json
  mcpolicy_warnings mcpolicy_sanitizers)
