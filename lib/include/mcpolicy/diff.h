// mcpolicy diff: what a change to a policy does to risk.
//
// Both versions are read (a file, "-" for standard input, or "git:REV:path", read with
// `git show REV:path`), parsed, normalised with ReadPolicy and resolved against ONE server (the
// --server flag, else the configuration's mapping for the new path, else inferred from the names
// either version mentions). Every tool of the union is then compared, and so are the default and
// the all_tools limits. A change that lets more calls through is an increase; its mirror image a
// decrease. Formatting-only edits change nothing: the models are compared, never the text.
#ifndef MCPOLICY_DIFF_H_
#define MCPOLICY_DIFF_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mcpolicy/classify.h"
#include "mcpolicy/commands.h"

namespace mcpolicy {

enum class DiffFormat : uint8_t { kText, kJson, kGithub };
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
  std::string server;    // ServerChoice::Describe(), "none" when no server is known
  std::vector<DiffChange> changes;  // sorted with DiffChangeLess
  std::vector<std::string> errors;  // the diff could not be made: one line each (exit 2)

  bool increased() const;
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
};

struct DiffRequest {
  std::string old_input;  // a path, "-", or git:REV:path
  std::string new_input;
  DiffOptions options;
  DiffFormat format = DiffFormat::kText;
  bool summary = true;  // text: the closing summary line
  std::string tool_version;
  std::string output_file;  // -o: refused (exit 2) when it is one of the files read
};

// Reads, resolves and compares both inputs.
DiffResult DiffInputs(const std::string& old_input, const std::string& new_input,
                      const DiffOptions& options);

// Compares two in-memory policies reported under the given names (no configuration lookup;
// options.server or inference chooses the server). For tests and embedders.
DiffResult DiffTexts(const std::string& old_path, std::string old_text, const std::string& new_path,
                     std::string new_text, const DiffOptions& options);

std::string FormatDiff(const DiffResult& result, DiffFormat format, bool summary,
                       const std::string& tool_version);

// The command: errors on stderr with exit 2, else the report with exit 1 when risk increased.
CommandOutput RunDiff(const DiffRequest& request);

}  // namespace mcpolicy

#endif  // MCPOLICY_DIFF_H_
