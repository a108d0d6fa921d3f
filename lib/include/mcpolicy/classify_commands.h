// Entry points of `mcpolicy classify`, `mcpolicy catalog list` and `mcpolicy catalog show`, in the
// style of commands.h: the CLI fills a request, calls one function, prints the output.
#ifndef MCPOLICY_CLASSIFY_COMMANDS_H_
#define MCPOLICY_CLASSIFY_COMMANDS_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mcpolicy/commands.h"

namespace mcpolicy {

struct CatalogListRequest {
  std::vector<std::string> catalog_dirs;  // --catalog: user files that replace bundled servers
  bool json = false;
  // When the bundled catalog's files last changed (YYYY-MM-DD; empty: unknown), stated in the text
  // summary with "bundled", or "bundled, with --catalog files" when catalog_dirs add to it.
  std::string bundled_date;
};
// One line per server: id, name, tool count and the count of each category.
CommandOutput RunCatalogList(const CatalogListRequest& request);

struct CatalogShowRequest {
  std::string server;  // id or alias
  std::vector<std::string> catalog_dirs;
  bool json = false;
};
// Every tool of one server: name, category, risk, summary, operations. An unknown server is
// exit 2 with "did you mean".
CommandOutput RunCatalogShow(const CatalogShowRequest& request);

enum class ClassifyFormat { kText, kJson, kJsonl };
std::optional<ClassifyFormat> ParseClassifyFormat(std::string_view name);

struct ClassifyRequest {
  // Tool names from the command line; used when `tools_path` is empty.
  std::vector<std::string> names;
  // --tools: a file or "-" (standard input) holding a tools/list result, a JSON-RPC response
  // wrapping one, an array of tool objects, JSONL (tool objects or tools/list results, one per
  // line) or plain text with one name per line (blank lines and lines starting with '#' skipped).
  std::string tools_path;
  std::string stdin_filename;  // the name "-" is reported under ("<stdin>" when empty)
  // Resolve names against this catalog server (id or alias) instead of inferring one.
  std::string server;
  bool use_catalog = true;  // false: the heuristic alone (--no-catalog)
  std::vector<std::string> catalog_dirs;
  ClassifyFormat format = ClassifyFormat::kText;
  bool color = false;   // ANSI colours by risk in text output
  bool summary = true;  // text: a closing line counting the categories
  unsigned jobs = 0;    // classification threads for big inputs; 0 = one per core
  // Largest whole JSON document, and longest line of JSONL or plain text, accepted.
  uint64_t max_bytes = 64ull << 20;
};

// Classifies every tool and writes the output through `write` as it goes: JSONL and plain-text
// inputs are read, classified and written in batches, so memory stays bounded however long the
// input is. A catalog server is inferred (Catalog::Infer) from the first batch (all of a JSON
// document). Returns errors and the exit code with `out` empty: 0 every tool classified, 1 some
// input entries were skipped (each reported), 2 nothing could be done (unreadable or malformed
// input, unknown server, bad --catalog file).
CommandOutput RunClassify(const ClassifyRequest& request,
                          const std::function<void(std::string_view)>& write);
// The same, collecting the output in CommandOutput::out.
CommandOutput RunClassify(const ClassifyRequest& request);

}  // namespace mcpolicy

#endif  // MCPOLICY_CLASSIFY_COMMANDS_H_
