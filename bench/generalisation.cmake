# mcpolicy_generalisation: the classifier's accuracy on servers it never saw, by
# leave-one-repository-out over the catalog's labelled tools (bench/generalisation.cc), rules alone
# and with the learned model retrained per fold.
#   build/bench/mcpolicy_generalisation catalog/servers
# mcpolicy_train: trains the learned model on the whole catalog and writes
# catalog/classifier-model.json (bench/train.cc); rebuild afterwards to embed it.
add_library(mcpolicy_trainer STATIC ${CMAKE_CURRENT_LIST_DIR}/corpus.cc
  ${CMAKE_CURRENT_LIST_DIR}/trainer.cc)
target_include_directories(mcpolicy_trainer PUBLIC ${CMAKE_CURRENT_LIST_DIR}
  ${PROJECT_SOURCE_DIR}/lib/src)
target_link_libraries(mcpolicy_trainer PUBLIC mcpolicy_lib nlohmann_json::nlohmann_json
  PRIVATE mcpolicy_warnings mcpolicy_sanitizers)
add_executable(mcpolicy_generalisation ${CMAKE_CURRENT_LIST_DIR}/generalisation.cc)
target_link_libraries(mcpolicy_generalisation PRIVATE mcpolicy_trainer mcpolicy_warnings
  mcpolicy_sanitizers)
add_executable(mcpolicy_train ${CMAKE_CURRENT_LIST_DIR}/train.cc)
target_link_libraries(mcpolicy_train PRIVATE mcpolicy_trainer mcpolicy_warnings
  mcpolicy_sanitizers)
