// Which files lint reads as policies when it finds them in a directory (or is given them by the
// pre-commit hook): one recogniser per policy dialect, in one table, and the files that are known
// not to be policies (a tools/list dump saved beside them).
#ifndef MCPOLICY_LINT_RECOGNISE_H_
#define MCPOLICY_LINT_RECOGNISE_H_

#include <span>
#include <string>
#include <string_view>

#include "mcpolicy/json.h"

namespace mcpolicy {

// One policy dialect lint can read. A second dialect (Intercept YAML) adds a row: its file
// extensions and a recogniser over its parsed document.
struct PolicyDialect {
  std::string_view name;                         // "PolicyLayer JSON"
  std::span<const std::string_view> extensions;  // ".json"
  // Whether a parsed document is meant as a policy of this dialect, misspelt or not: a policy
  // with a typo must be linted (and told "did you mean"), never skipped.
  bool (*recognise)(const json::Document& doc);
  // What the recogniser looks for, for the note on a skipped file.
  std::string_view looks_for;
};

// Every dialect, in the order they are tried.
std::span<const PolicyDialect> PolicyDialects();

// Whether a directory walk picks up a file with this name (its extension is some dialect's).
bool HasPolicyExtension(std::string_view file_name);

enum class FileKind {
  kPolicy,     // some dialect recognised it
  kToolsDump,  // a tools/list dump: {"tools": [...]}, a JSON-RPC response wrapping one, or
               // an array of tool objects (what `mcpolicy fetch` writes and --tools reads)
  kOther,      // neither
};

struct Recognition {
  FileKind kind = FileKind::kOther;
  const PolicyDialect* dialect = nullptr;  // kPolicy: the dialect that recognised it
  // kToolsDump and kOther: why the file is not linted, after "path: ".
  std::string reason;
};

// Recognises a parsed document (doc.ok()). A tools/list dump is told apart first: its "tools"
// key would otherwise make it look like a policy.
Recognition Recognise(const json::Document& doc);

// Whether a file is read as Intercept YAML: yaml::ReadsAsIntercept (yaml/recognise.h), which
// lint, diff and lint --fix share.

}  // namespace mcpolicy

#endif  // MCPOLICY_LINT_RECOGNISE_H_
