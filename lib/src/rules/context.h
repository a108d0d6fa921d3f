// What every policy rule sees: the document (for node positions), the neutral model, its
// resolution against the server, and the configuration.
#ifndef MCPOLICY_RULES_CONTEXT_H_
#define MCPOLICY_RULES_CONTEXT_H_

#include <string>
#include <utility>
#include <vector>

#include "mcpolicy/config.h"
#include "mcpolicy/json.h"
#include "mcpolicy/policy.h"
#include "mcpolicy/rules.h"
#include "rules/sink.h"

namespace mcpolicy {

struct PolicyContext {
  const json::Document& doc;
  const Policy& policy;
  const Resolution& resolution;
  const Config& config;
};

// The table entry's check for rule class R: `R().Check(context, sink)`.
template <typename R>
void RunCheck(const PolicyContext& context, DiagnosticSink& sink) {
  R().Check(context, sink);
}

namespace rules {

// `"name"` as a JSON string literal, for messages; a name over 128 bytes is cut to 64 code points
// and "...".
std::string Quote(std::string_view name);
// `execute tool "execute_flow"`, with " (judged by its name)" when the heuristic decided. A
// multiplexer is named by its EffectiveCategory.
std::string Describe(const ResolvedTool& tool);
// The node a finding about `tool` points at: its `tools` key, else its hide entry, else kNoNode.
uint32_t NodeOf(const ResolvedTool& tool);
// A number as written in a message: "10", "0.5", "16.7".
std::string Number(double value);
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
// `"limits": [{"counter": "<tool>_rate", "window": "minute", "max": N, "scope": "grant"}]`.
std::string SuggestedLimit(const ResolvedTool& tool, const Thresholds& thresholds);

}  // namespace rules
}  // namespace mcpolicy

#endif  // MCPOLICY_RULES_CONTEXT_H_
