// mcpolicy lint and validate: read files, parse them with positions, check them against a schema,
// and collect findings.
#ifndef MCPOLICY_LINT_H_
#define MCPOLICY_LINT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "mcpolicy/diagnostic.h"

namespace mcpolicy {

struct LintOptions {
  uint64_t max_bytes = 64ull << 20;  // files larger than this are refused (exit 2)
  std::string stdin_filename;        // the name "-" is reported under ("<stdin>" when empty)
  unsigned jobs = 0;                 // worker threads; 0 = one per core
  // Skip named files too when they parse but do not look like a policy (for pre-commit, which
  // passes every JSON file). Files that do not parse are always reported.
  bool policies_only = false;
};

struct LintResult {
  std::vector<Diagnostic> diagnostics;  // sorted with DiagnosticLess
  std::vector<std::string> errors;      // the tool could not do its job: "path: reason"
  std::vector<std::string> skipped;     // "path: reason" for files found in directories and passed over
  size_t files_checked = 0;
};

// Lints PolicyLayer hosted policies. `paths` are files (always linted unless policies_only),
// directories (searched recursively for *.json files; hidden folders and node_modules are not
// entered) or "-" for standard input. A file found in a directory that parses but whose top level
// has none of "default", "tools", "hide", "all_tools" is skipped as not a policy.
LintResult LintPaths(const std::vector<std::string>& paths, const LintOptions& options);

// Lints one in-memory policy reported under `display_path` (used by LintPaths and by tests).
std::vector<Diagnostic> LintText(const std::string& display_path, std::string text,
                                 const LintOptions& options);

struct ValidateOptions {
  uint64_t max_bytes = 64ull << 20;
  std::string stdin_filename;
  std::string remote_directory;  // where $refs to other documents are looked up; "" = schema's dir
  unsigned jobs = 0;
};

// Validates each file against the draft-07 schema at `schema_path`. A schema that cannot be read
// or compiled is reported in `errors` (exit 2) and no file is checked.
LintResult ValidatePaths(const std::string& schema_path, const std::vector<std::string>& paths,
                         const ValidateOptions& options);

// 0 when nothing is at or above `fail_level`, 1 when something is, 2 when the tool failed.
int ExitCode(const LintResult& result, Severity fail_level, bool exit_zero);

}  // namespace mcpolicy

#endif  // MCPOLICY_LINT_H_
