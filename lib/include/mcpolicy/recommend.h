// mcpolicy recommend: a PolicyLayer hosted policy for one server, written from the tier table of
// remedy.h and each tool's category (catalog first, heuristic otherwise).
//
// The policy always denies by default. Each tool is treated by its category's row: listed as {},
// listed with one limit, or hidden. A multiplexer (one tool whose argument selects the operation)
// is listed with a deny_if naming the operation values whose category is hidden, limited like
// its strictest permitted operation; it is hidden when every operation is.
//
// Output layout (byte-for-byte deterministic): 2-space indent; top-level keys in the order
// version, default, hide, tools; hide entries and tools keys sorted by bytes; inside a tool
// deny_if before limits; each condition and each limit on one line; `hide` left out when empty.
#ifndef MCPOLICY_RECOMMEND_H_
#define MCPOLICY_RECOMMEND_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mcpolicy/catalog.h"
#include "mcpolicy/classify.h"
#include "mcpolicy/output_dialect.h"
#include "mcpolicy/remedy.h"

namespace mcpolicy {

struct RecommendRequest {
  // A catalog server (id or alias). With `tools_path` it only says where tool names are looked
  // up first; without it, the policy covers every tool of the server.
  std::string server;
  // A tools/list dump in any form `classify --tools` reads ("-": standard input).
  std::string tools_path;
  std::string stdin_filename;  // the name "-" is reported under ("<stdin>" when empty)
  std::vector<std::string> catalog_dirs;
  uint64_t max_bytes = 64ull << 20;

  // Settings: flags beat the configuration's "recommend" section, which beats the defaults
  // (tier recommended, no overrides).
  std::optional<Tier> tier;
  TreatmentOverrides overrides;
  std::string config_file;  // this configuration instead of searching up from the working directory
  bool no_config = false;

  bool explain = false;  // fill RecommendOutput::explain

  // The dialect the policy is written in. kIntercept writes FormatInterceptPolicy's layout.
  OutputDialect dialect = OutputDialect::kJson;
  // Intercept only (refused with kJson, whose hosted policies have no approval step): destructive
  // and financial tools, and a multiplexer's destructive and financial operations, wait for a
  // person's approval (a require_approval rule) instead of being hidden or denied.
  bool approve = false;

  // Where the caller will write the policy (-o) and the table (--explain-file): refused (exit 2)
  // when either is a file the command reads or both name the same file.
  std::string output_file;
  std::string explain_file;
};

// How one tool was decided: a row of the --explain table.
struct ToolDecision {
  std::string name;
  Category category = Category::kOther;
  double confidence = 1;
  bool from_catalog = false;
  // The heuristic's category was a guess (Classification::uncertain): the tool is never listed
  // as `{}`; it gets at least the write rule.
  bool uncertain = false;
  // Hidden, or listed with `limit` (kAllow: no limit) and, for a multiplexer, a deny_if on
  // `argument` naming `denied` (in the server's order).
  bool hidden = false;
  Treatment limit;
  std::string argument;
  std::vector<std::string> denied;
  std::vector<std::string> evidence;  // filled only when RecommendRequest::explain is set
  // A multiplexer's operations whose category the tier hides, with those categories, in the
  // server's order (kept when the whole tool is hidden; --approve reads them).
  std::vector<std::pair<std::string, Category>> hidden_operations;
  // With --approve: every call waits for a person (`approval`, the tool is then not hidden), or
  // calls selecting one of `approve` (operations on `argument`) do.
  bool approval = false;
  std::vector<std::string> approve;

  // "hide", "{}", "limit 10/minute", "deny_if action in [delete]; limit 10/minute",
  // "require_approval", "require_approval action in [delete]; limit 10/minute".
  std::string Rule() const;
};

struct RecommendOutput {
  std::string policy;                 // the policy text, ending in a newline
  std::string explain;                // the table, when requested
  std::vector<ToolDecision> tools;    // sorted by name
  std::string server;                 // the catalog server used (given or inferred), or ""
  Tier tier = Tier::kRecommended;     // the tier applied
  std::vector<std::string> warnings;  // input entries skipped, duplicate names
  std::vector<std::string> errors;    // why no policy could be made
  int exit_code = 0;                  // 0 policy made, 1 made but input entries skipped, 2 failed
};

RecommendOutput RunRecommend(const RecommendRequest& request);

// The pieces RunRecommend is made of, for tests and for lint --fix.

// The decision for a catalog tool under `tier` and `overrides`.
ToolDecision DecideCatalogTool(const CatalogTool& tool, std::string_view server_id, Tier tier,
                               const TreatmentOverrides& overrides);

// The policy text for `tools` (each name once), laid out as described at the top.
std::string FormatPolicy(const std::vector<ToolDecision>& tools);

// The same decisions as an Intercept YAML policy, in the layout of Intercept's scaffold policies:
// `default: deny`; hidden tools under hide:, tools under tools:, each group under comment
// headers by category (`# --- read ---`, in the order read, write, execute, destructive,
// financial, other) and sorted by name within it; a tool with no rule as `rules: []`; a guard as
// an evaluate rule "block operations" whose condition the permitted calls meet
// (`args.action not_in [delete]`); approval as a require_approval rule "approval" (with
// `args.action in [...]` for a multiplexer's operations); a limit as a rule named like the JSON
// counter (`<tool>_rate`) with `rate_limit: N/window`. A guessed (uncertain) tool gets a comment
// saying so. `server` ("" for none) and `tier` are named in the header comment.
std::string FormatInterceptPolicy(const std::vector<ToolDecision>& tools, std::string_view server,
                                  Tier tier);

// Applies --approve to one decision (see RecommendRequest::approve).
void ApplyApproval(ToolDecision& decision, Tier tier, const TreatmentOverrides& overrides);

// The --explain table: TOOL, CATEGORY, CONF, SOURCE, RULE, EVIDENCE, aligned, one line per tool.
std::string FormatExplain(const std::vector<ToolDecision>& tools);

}  // namespace mcpolicy

#endif  // MCPOLICY_RECOMMEND_H_
