#include "rules/unlimited_execute.h"

namespace mcpolicy {

void UnlimitedExecute::Check(const PolicyContext& context, DiagnosticSink& sink) const {
  for (const ResolvedTool& tool : context.resolution.tools) {
    if (!rules::Judged(tool) || rules::EffectiveCategory(tool) != Category::kExecute || !tool.reachable() ||
        tool.has_limits) {
      continue;
    }
    std::string how = tool.decision == Decision::kConditioned
                          ? " is allowed with argument conditions but no limit"
                          : " is allowed with no limit";
    Diagnostic& d = sink.Report(info().name, tool.rules->key_loc,
                rules::Describe(tool) + how + "; add " +
                    rules::SuggestedLimit(tool, context) + " or hide it");
    d.remedy = rules::TierRemedy(tool, rules::EffectiveCategory(tool));
  }
}

}  // namespace mcpolicy
