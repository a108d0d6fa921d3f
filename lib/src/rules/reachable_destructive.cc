#include "rules/reachable_destructive.h"

namespace mcpolicy {

void ReachableDestructive::Check(const PolicyContext& context, DiagnosticSink& sink) const {
  const PolicyWording& w = context.wording;
  for (const ResolvedTool& tool : context.resolution.tools) {
    if (!rules::Judged(tool) || tool.category != Category::kDestructive || !tool.reachable() ||
        !tool.rules->deny_if.empty() || tool.rules->approval) {
      continue;
    }
    // A multiplexer's guard belongs on its operation argument: unguarded-multiplexer's business.
    if (tool.catalog && !tool.catalog->operations.empty()) continue;
    std::string how = tool.has_limits ? " is allowed with only a limit, which does not stop a single call,"
                                      : " is allowed";
    Diagnostic& d = sink.Report(info().name, tool.rules->key_loc,
                rules::Describe(tool) + how +
                    " and no " + w.Key(PolicyKey::kGuard) +
                    " guards it, so an agent can destroy data that cannot be recovered; move it "
                    "to " + w.Key(PolicyKey::kHide) + " (and drop this entry) or add " +
                    w.GuardAdvice() + " on the arguments that select what it deletes");
    d.remedy = rules::TierRemedy(tool, tool.category);
  }
}

}  // namespace mcpolicy
