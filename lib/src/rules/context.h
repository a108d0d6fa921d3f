// What every policy rule sees: the neutral model, its resolution against the server, the
// configuration, the file's SourceMap (only to name the line of another element in a message) and
// the dialect's wording for advice. Never a parsed document.
#ifndef MCPOLICY_RULES_CONTEXT_H_
#define MCPOLICY_RULES_CONTEXT_H_

#include <string>
#include <utility>
#include <vector>

#include "mcpolicy/config.h"
#include "mcpolicy/policy.h"
#include "mcpolicy/remedy.h"
#include "mcpolicy/rules.h"
#include "policy/wording.h"
#include "util/sink.h"
#include "util/text.h"

namespace mcpolicy {

struct PolicyContext {
  const SourceMap& source;
  const Policy& policy;
  const Resolution& resolution;
  const Config& config;
  const PolicyWording& wording;
};

// The table entry's check for rule class R: `R().Check(context, sink)`.
template <typename R>
void RunCheck(const PolicyContext& context, DiagnosticSink& sink) {
  R().Check(context, sink);
}

namespace rules {

// `execute tool "execute_flow"`, with " (judged by its name)" when the heuristic decided. A
// multiplexer is named by its EffectiveCategory.
std::string Describe(const ResolvedTool& tool);
// The element a finding about `tool` points at: its `tools` key, else its hide entry, else kNoLoc.
LocId LocOf(const ResolvedTool& tool);
// Calls per minute allowed for `category` by the configured thresholds (Thresholds::PerMinute:
// read falls back to the "other" ceiling, destructive and financial to the execute one).
double CeilingPerMinute(Category category, const Thresholds& thresholds);
// The risk rules judge a tool only when it is listed with a well-formed entry, has a valid name and
// is on the known server (schema, invalid-tool-name and unknown-tool report the rest).
bool Judged(const ResolvedTool& tool);
// Whether the tool's conditions on `path` (e.g. "args.action") deny a call that passes `value`
// there: a deny_if that matches it, or a require on strings that does not. Conditions mcpolicy
// cannot evaluate against a string (lt, exists, ...) stop nothing.
bool Stopped(const ToolRules& rules, std::string_view path, std::string_view value);
// A multiplexer's destructive and financial operations its conditions leave open, in catalog
// order (empty for any other tool).
std::vector<std::pair<std::string, Category>> OpenDangerousOperations(const ResolvedTool& tool);
// A multiplexer's worst operation its conditions leave open (read when all are stopped); any other
// tool's category.
Category EffectiveCategory(const ResolvedTool& tool);
// The recommended tier's remedy for `tool` judged as `category`: a limit, or hiding it (nullopt
// where the tier allows the category as it is).
std::optional<Remedy> TierRemedy(const ResolvedTool& tool, Category category);

// The limit a finding suggests: the ceiling for the tool's category, per minute, in the dialect's
// words (`"limits": [{"counter": "<tool>_rate", "window": "minute", "max": N, ...}]`).
std::string SuggestedLimit(const ResolvedTool& tool, const PolicyContext& context);

}  // namespace rules
}  // namespace mcpolicy

#endif  // MCPOLICY_RULES_CONTEXT_H_
