#include "rules/limit_blocks_all.h"
#include "util/text.h"

namespace mcpolicy {

void LimitBlocksAll::Check(const PolicyContext& context, DiagnosticSink& sink) const {
  const PolicyWording& w = context.wording;
  for (const ResolvedTool& tool : context.resolution.tools) {
    // A hidden tool's limits never apply: dead-entry's business.
    if (!rules::Judged(tool) || tool.decision == Decision::kHidden) continue;
    for (const Limit& limit : tool.rules->limits) {
      if (!limit.max || *limit.max != 0) continue;
      sink.Report(info().name, limit.max_loc,
                  "limit " + QuotedName(limit.counter) + " on " + rules::Describe(tool) +
                      " has " + w.MaxIsZero() + ", so every call is denied; to block a tool, list it in " +
                      w.Key(PolicyKey::kHide) + " and remove its " + w.Key(PolicyKey::kTools) + " entry");
    }
  }
  for (const Limit& limit : context.policy.all_tools_limits) {
    if (!limit.max || *limit.max != 0) continue;
    sink.Report(info().name, limit.max_loc,
                w.SharedLimit() + " " + QuotedName(limit.counter) + " has " + w.MaxIsZero() +
                    ", so every call to every tool is denied; to block tools, list them in " +
                    w.Key(PolicyKey::kHide) + " (or " + w.HideAll() + " for all of them)");
  }
}

}  // namespace mcpolicy
