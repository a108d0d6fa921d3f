// reachable-destructive: a destructive tool the policy allows without a deny_if guard.
#ifndef MCPOLICY_RULES_REACHABLE_DESTRUCTIVE_H_
#define MCPOLICY_RULES_REACHABLE_DESTRUCTIVE_H_

#include "rules/context.h"

namespace mcpolicy {

class ReachableDestructive {
 public:
  static constexpr RuleInfo info() {
    return {"reachable-destructive", Severity::kError,
            "A destructive tool is allowed with no deny_if guard.",
            &RunCheck<ReachableDestructive>};
  }
  void Check(const PolicyContext& context, DiagnosticSink& sink) const;
};

}  // namespace mcpolicy

#endif  // MCPOLICY_RULES_REACHABLE_DESTRUCTIVE_H_
