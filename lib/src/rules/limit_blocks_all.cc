#include "rules/limit_blocks_all.h"

namespace mcpolicy {

void LimitBlocksAll::Check(const PolicyContext& context, DiagnosticSink& sink) const {
  for (const ResolvedTool& tool : context.resolution.tools) {
    // A hidden tool's limits never apply: dead-entry's business.
    if (!rules::Judged(tool) || tool.decision == Decision::kHidden) continue;
    for (const Limit& limit : tool.rules->limits) {
      if (!limit.max || *limit.max != 0) continue;
      sink.Report(info().name, limit.max_loc,
                  "limit " + rules::Quote(limit.counter) + " on " + rules::Describe(tool) +
                      " has \"max\": 0, so every call is denied; to block a tool, list it in "
                      "\"hide\" and remove its \"tools\" entry");
    }
  }
  for (const Limit& limit : context.policy.all_tools_limits) {
    if (!limit.max || *limit.max != 0) continue;
    sink.Report(info().name, limit.max_loc,
                "all_tools limit " + rules::Quote(limit.counter) +
                    " has \"max\": 0, so every call to every tool is denied; to block tools, list "
                    "them in \"hide\" (or \"hide\": [\"*\"] for all of them)");
  }
}

}  // namespace mcpolicy
