#include "rules/reachable_financial.h"

namespace mcpolicy {

void ReachableFinancial::Check(const PolicyContext& context, DiagnosticSink& sink) const {
  for (const ResolvedTool& tool : context.resolution.tools) {
    if (!rules::Judged(tool) || tool.category != Category::kFinancial || !tool.reachable() ||
        tool.has_conditions) {
      continue;
    }
    if (tool.catalog && !tool.catalog->operations.empty()) continue;  // unguarded-multiplexer's
    std::string how = tool.has_limits ? " is allowed with only a limit and no argument condition"
                                      : " is allowed with no argument condition";
    Diagnostic& d = sink.Report(info().name, tool.rules->key_loc,
                rules::Describe(tool) + how +
                    ", so an agent can move any amount of money; hide it, or add a budget guard "
                    "such as " + context.wording.GuardSnippet("args.amount", "gt", "10000"));
    d.remedy = rules::TierRemedy(tool, tool.category);
  }
}

}  // namespace mcpolicy
