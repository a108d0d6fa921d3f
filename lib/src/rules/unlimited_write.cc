#include "rules/unlimited_write.h"

namespace mcpolicy {

void UnlimitedWrite::Check(const PolicyContext& context, DiagnosticSink& sink) const {
  for (const ResolvedTool& tool : context.resolution.tools) {
    if (!rules::Judged(tool) || rules::EffectiveCategory(tool) != Category::kWrite || !tool.reachable() ||
        tool.has_limits) {
      continue;
    }
    Diagnostic& d = sink.Report(info().name, tool.rules->key_loc,
                rules::Describe(tool) +
                    " is allowed with no limit, so an agent in a loop can change data as fast as "
                    "it can call; add " +
                    rules::SuggestedLimit(tool, context));
    d.remedy = rules::TierRemedy(tool, rules::EffectiveCategory(tool));
  }
}

}  // namespace mcpolicy
