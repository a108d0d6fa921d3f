// mcpolicy diff: what a change to a policy does to risk.
//
// Both versions are read (a file, "-" for standard input, or "git:REV:path", read with
// `git show REV:path`), parsed in their dialect (hosted JSON or Intercept YAML, each side chosen
// as lint chooses, so the two may differ), normalised into the neutral model and resolved
// against ONE server (the --server flag, else the configuration's mapping for the new path, else
// inferred from the names either version mentions). Every tool of the union is then compared, and so are the default and
// the all_tools limits. A change that lets more calls through is an increase; its mirror image a
// decrease. Formatting-only edits change nothing: the models are compared, never the text.
//
// A side that does not exist (/dev/null, a missing file with --new-file, a path absent at a git
// revision) is an empty policy that lets nothing through: every change a new policy brings is an
// increase, every change a removed one takes away a decrease. DiffGit compares every policy a
// `git diff BASE` names (added, removed, renamed, changed) between BASE and the working tree.
#ifndef MCPOLICY_DIFF_H_
#define MCPOLICY_DIFF_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mcpolicy/catalog.h"
#include "mcpolicy/classify.h"
#include "mcpolicy/commands.h"

namespace mcpolicy {

enum class DiffFormat : uint8_t { kText, kJson, kGithub, kSarif };
std::optional<DiffFormat> ParseDiffFormat(std::string_view name);

// Each kind has a mirror image: the first of each pair is an increase, the second a decrease.
enum class ChangeKind : uint8_t {
  kBecameReachable,    // denied by default -> allowed
  kBecameUnreachable,  // allowed -> denied by default
  kLeftHide,           // hidden -> allowed
  kHidden,             // allowed -> hidden
  kLostLimit,          // had limits of its own, has none
  kGainedLimit,
  kLoosenedLimit,  // its strictest limit allows more calls per minute
  kTightenedLimit,
  kLostGuard,  // a condition removed, or a multiplexer's operation no longer stopped
  kGainedGuard,
  kDefaultAllow,  // "default" deny -> allow: the unlisted tools became reachable
  kDefaultDeny,
  kLostAllToolsLimit,  // all_tools limits removed
  kGainedAllToolsLimit,
  kLoosenedAllToolsLimit,
  kTightenedAllToolsLimit,
};
// Stable kebab-case names: "became-reachable", "left-hide", "lost-limit", "default-allow", ...
std::string_view ChangeKindName(ChangeKind kind);

// A place in one version of the policy. line 0: the change has no node there (e.g. a removed
// entry); the pointer still names where it was or would be.
struct DiffPosition {
  uint32_t line = 0;
  uint32_t column = 0;
  std::string pointer;  // RFC 6901, "" = the whole document
};

struct DiffChange {
  std::string tool;  // "" for changes to the whole policy (default, all_tools)
  // For tool "": what changed, in the reported file's dialect ("default" or "all_tools" in hosted
  // JSON, "default:" or "\"*\" rules" in Intercept YAML); "" means the hosted JSON name.
  std::string subject;
  ChangeKind kind = ChangeKind::kLostLimit;
  bool increase = true;
  // The category the change exposes (or stops exposing): a multiplexer's worst operation left
  // open, the worst tool a default flip reaches. Unset when nothing about the tools is known.
  std::optional<Category> category;
  Risk risk = Risk::kLow;
  DiffPosition old_position;
  DiffPosition new_position;
  // What changed, after "tool (category, risk): ", e.g. "allowed with no limit, was denied by
  // default".
  std::string message;
};

struct DiffResult {
  std::string old_path;  // as reported: the path given, the path part of git:REV:path, or the
  std::string new_path;  // --stdin-filename ("<stdin>") for "-"
  bool old_absent = false;  // that side did not exist: compared as an empty policy
  bool new_absent = false;
  std::string server;    // ServerChoice::Describe(), "none" when no server is known
  std::vector<DiffChange> changes;  // sorted with DiffChangeLess
  std::vector<std::string> errors;  // the diff could not be made: one line each (exit 2)

  bool increased() const;
  // "added", "removed", "renamed" (the paths differ) or "changed".
  std::string_view status() const;
  // Where the changes are reported: the new path, or the old one for a removed policy.
  const std::string& path() const { return new_absent ? old_path : new_path; }
};

// Increases first; then higher risk first; then tool name ("" first), kind and new position.
bool DiffChangeLess(const DiffChange& a, const DiffChange& b);

struct DiffOptions {
  std::string server;  // catalog server id or alias; "" = configuration, else inferred
  std::vector<std::string> catalog_dirs;  // as for --catalog
  std::string config_file;  // this configuration instead of searching for .mcpolicy.json
  bool no_config = false;
  uint64_t max_bytes = 64ull << 20;
  std::string stdin_filename;  // the name "-" is reported under ("<stdin>" when empty)
  bool new_file = false;  // a file side that does not exist is an absent side (GNU diff -N)
  // A server built from a tools/list dump (ServerFromTools, for --tools): both versions are
  // resolved against it, before `server`, the mapping and inference. Must outlive the call.
  const CatalogServer* tools_server = nullptr;
};

struct DiffRequest {
  std::string old_input;  // a path, "-", or git:REV:path
  std::string new_input;
  // PR mode instead of two inputs: every policy `git diff BASE -- PATHS` names, BASE against
  // the working tree.
  std::string git_base;
  std::vector<std::string> git_paths;
  std::string tools_path;  // --tools: a tools/list dump both versions are judged against
  DiffOptions options;
  DiffFormat format = DiffFormat::kText;
  bool summary = true;  // text: the closing summary line
  bool verbose = false;  // text, --git: list the changed files skipped
  std::string tool_version;
  std::string output_file;  // -o: refused (exit 2) when it is one of the files read
};

// The policies one `diff --git BASE` compared.
struct DiffSet {
  std::string base;               // the revision, as given
  std::vector<DiffResult> files;  // one per changed policy, by path
  std::vector<std::string> skipped;  // "path: reason": changed files that are not policies
  std::vector<std::string> errors;   // files that could not be compared, or the run failed
  bool increased() const;
};

// Reads, resolves and compares both inputs.
DiffResult DiffInputs(const std::string& old_input, const std::string& new_input,
                      const DiffOptions& options);

// Compares two in-memory policies reported under the given names (no configuration lookup;
// options.server or inference chooses the server). For tests and embedders.
DiffResult DiffTexts(const std::string& old_path, std::string old_text, const std::string& new_path,
                     std::string new_text, const DiffOptions& options);

// Every policy `git diff --name-status -M BASE -- PATHS` names as added, removed, renamed or
// changed (a `*.json`, `*.yaml` or `*.yml` file that is a policy on either side, not excluded by
// the configuration), BASE's version (`git show`) against the working tree's. git runs without
// a shell.
DiffSet DiffGit(const std::string& base, const std::vector<std::string>& paths,
                const DiffOptions& options);

std::string FormatDiff(const DiffResult& result, DiffFormat format, bool summary,
                       const std::string& tool_version);
// Text: every file's changes, a line per file, one for the set; `verbose` lists skipped files.
std::string FormatDiffSet(const DiffSet& set, DiffFormat format, bool summary,
                          const std::string& tool_version, bool verbose = false);

// The command: errors on stderr with exit 2, else the report with exit 1 when risk increased.
// With git_base, every changed policy's changes in one report and one exit code (2 when one of
// them could not be compared, after reporting the others).
CommandOutput RunDiff(const DiffRequest& request);

}  // namespace mcpolicy

#endif  // MCPOLICY_DIFF_H_
