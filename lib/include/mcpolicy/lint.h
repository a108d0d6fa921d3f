// mcpolicy lint and validate: read files, parse them with positions, check them against a schema,
// and collect findings.
#ifndef MCPOLICY_LINT_H_
#define MCPOLICY_LINT_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "mcpolicy/catalog.h"
#include "mcpolicy/diagnostic.h"

namespace mcpolicy {

namespace json {
class Document;
}

// Fills in Diagnostic::fix_edits for the findings of one parsed JSON policy that carry a remedy
// (fix::DescribeFixes; the fixer is above the lint driver, so it is handed down).
using DescribeFixes = void (*)(const json::Document& doc, std::vector<Diagnostic>& diagnostics);

struct LintOptions {
  uint64_t max_bytes = 64ull << 20;  // files larger than this are refused (exit 2)
  std::string stdin_filename;        // the name "-" is reported under ("<stdin>" when empty)
  unsigned jobs = 0;                 // worker threads; 0 = one per core
  // Skip named files too when they parse but do not look like a policy (for pre-commit, which
  // passes every JSON file). Files that do not parse are always reported.
  bool policies_only = false;
  // The catalog server every policy is for (id or alias); "" = the configuration's mapping, else
  // inferred from each policy's tool names.
  std::string server;
  // A server the caller built (ServerFromTools, for --tools): every policy is judged against it,
  // before `server`, the configuration's mapping and inference. Must outlive the call.
  const CatalogServer* tools_server = nullptr;

  // Configuration (.mcpolicy.json, see mcpolicy/config.h). Lint only; validate ignores it.
  std::string config_file;           // this configuration for every file, instead of searching
  bool no_config = false;            // ignore configuration files (defaults for every file)
  std::vector<std::string> enable;   // rules turned on whatever the configuration says
  std::vector<std::string> disable;  // rules turned off whatever the configuration says
  bool no_suppressions = false;      // ignore every suppression (and report none about them)
  std::string today;                 // "YYYY-MM-DD" for suppression expiry; "" = local date

  // Baselines (schemas/baseline.schema.json): findings keyed by path + rule + JSON pointer.
  std::string baseline_file;        // drop the findings this baseline accepts
  std::string write_baseline_file;  // write every finding here (atomically); they then count as
                                    // accepted, so the run exits 0 unless mcpolicy failed

  // Texts to lint instead of reading the file, keyed by the path as passed or found ("-" for
  // standard input): lint --fix lints its fixed texts before writing them.
  const std::map<std::string, std::string>* contents = nullptr;

  // Set by lint --fix, which writes the files it reads: a directory walk does not follow a
  // symlink to a file outside the directory given (unless `follow_symlinks`), and a file named
  // twice (another path, a symlink, a hard link) is linted and fixed once.
  bool writing = false;
  bool follow_symlinks = false;

  // Globs relative to the working directory (`*`, `**`, `?`; a glob naming a directory covers
  // everything below it): files found in a directory, or named with policies_only, that match
  // one are skipped, as are those matching the configuration's "exclude".
  std::vector<std::string> exclude;

  // Set for reports that show each finding's fix as edits (JSON, SARIF).
  DescribeFixes describe_fixes = nullptr;
};

// The catalog server a policy was judged against, and how it was chosen.
struct PolicyServer {
  std::string path;
  std::string server;       // catalog id, or "tools from dump.json" (--tools)
  std::string source;       // "--server", "configuration", "inferred" or "--tools"
  size_t matched = 0;       // inferred: the policy's names the server has, of `total`
  size_t total = 0;
  std::string description;  // "kestra-io/mcp-server-python (inferred, 14 of 14 names)"
};

struct LintResult {
  std::vector<Diagnostic> diagnostics;  // sorted with DiagnosticLess
  std::vector<std::string> errors;      // the tool could not do its job: "path: reason"
  std::vector<std::string> skipped;     // "path: reason" for files found in directories and passed over
  std::vector<std::string> warnings;    // "path: reason" for files left alone (symlinks when writing)
  size_t files_checked = 0;  // policies (not the configuration files applied to them)
  std::vector<std::string> configs;  // the configuration files applied, as findings name them
  size_t baselined = 0;      // findings dropped because a baseline accepts them
  std::vector<PolicyServer> servers;  // per policy judged against a known server, in path order
  // Policies read as Intercept YAML, as findings name them, sorted: lint --fix does not edit that
  // dialect yet, so their findings carry no remedy.
  std::vector<std::string> intercept_files;
};

// Lints PolicyLayer hosted policies. `paths` are files (always linted unless policies_only),
// directories (searched recursively for *.json files; hidden folders and node_modules are not
// entered) or "-" for standard input. A file found in a directory (or named, with policies_only)
// is skipped when excluded, when it is a tools/list dump, or when it parses but no dialect
// recognises it as a policy (lint/recognise.h: a misspelt policy is still recognised). A dump
// named on the command line is an error.
LintResult LintPaths(const std::vector<std::string>& paths, const LintOptions& options);

// The files LintPaths reads for `paths` ("-" for standard input, directories expanded as
// LintPaths expands them) and the .mcpolicy.json files it finds for them: what an output must
// not overwrite.
std::vector<std::string> LintInputFiles(const std::vector<std::string>& paths,
                                        const LintOptions& options);

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
