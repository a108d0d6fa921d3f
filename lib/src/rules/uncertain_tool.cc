#include "rules/uncertain_tool.h"
#include "util/text.h"

#include <cmath>

namespace mcpolicy {
void UncertainTool::Check(const PolicyContext& context, DiagnosticSink& sink) const {
  for (const ResolvedTool& tool : context.resolution.tools) {
    // A guess of write or worse is already reported by that category's rule; a guessed read is
    // the one nothing else would flag.
    if (!rules::Judged(tool) || !tool.uncertain || !tool.reachable() || tool.has_limits ||
        tool.has_conditions || DangerRank(rules::EffectiveCategory(tool)) > 0) {
      continue;
    }
    sink.Report(info().name, tool.rules->key_loc,
                "tool " + QuotedName(tool.name) + " is allowed with no limit, but its category (" +
                    std::string(CategoryName(tool.category)) +
                    ") is only a guess: nothing says it is read-only, so it may change or delete "
                    "data; check what it does, then hide it or add " +
                    context.wording.LimitSnippet(
                        tool.name, Window::kMinute, std::floor(context.config.thresholds.write_per_minute)) +
                    " (or describe it in a catalog file, --catalog DIR)");
  }
}

}  // namespace mcpolicy
