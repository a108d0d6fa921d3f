// The labelled corpus of the generalisation benchmark and the model trainer: every tool of the
// catalog's server files (catalog/servers/*.json), with the facts a live `tools/list` would give
// (name, the catalog summary as its description, declared annotations, argument names, the
// values of an operation selector) and the catalog's category as the label.
#ifndef MCPOLICY_BENCH_CORPUS_H_
#define MCPOLICY_BENCH_CORPUS_H_

#include <string>
#include <string_view>
#include <vector>

#include "mcpolicy/classify.h"

namespace mcpolicy::bench {

struct LabelledTool {
  std::string repository;  // the group: tools of one repository are never split across folds
  std::string server;      // catalog id
  std::string name, description;
  ToolHints hints;
  std::vector<std::string> arguments;
  std::string selector;                   // operation argument, empty when none
  std::vector<std::string> operations;    // its values (names only, never their categories)
  Category label = Category::kOther;

  // Views into this tool; valid while it lives. `full` false gives the name alone.
  ToolInfo Info(bool full) const;
};

// Loads every *.json file under `dir` (sorted by name). Files of repositories reserved for
// independent evaluation are skipped (reported on stderr). False, with *error set, when a file
// cannot be read or is not a catalog server.
bool LoadCatalogCorpus(const std::string& dir, std::vector<LabelledTool>* out, std::string* error);

// True for the repositories kept out of every corpus (reserved for independent evaluation).
bool IsReservedRepository(std::string_view repository);

// Group index per tool (one group per repository), groups numbered in first-seen order.
std::vector<int> GroupsByRepository(const std::vector<LabelledTool>& tools, int* group_count);

}  // namespace mcpolicy::bench

#endif  // MCPOLICY_BENCH_CORPUS_H_
