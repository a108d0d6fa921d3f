// reachable-financial: a financial tool the policy allows without a require or deny_if condition.
#ifndef MCPOLICY_RULES_REACHABLE_FINANCIAL_H_
#define MCPOLICY_RULES_REACHABLE_FINANCIAL_H_

#include "rules/context.h"

namespace mcpolicy {

class ReachableFinancial {
 public:
  static constexpr RuleInfo info() {
    return {"reachable-financial", Severity::kError,
            "A financial tool is allowed with no argument condition.",
            &RunCheck<ReachableFinancial>};
  }
  void Check(const PolicyContext& context, DiagnosticSink& sink) const;
};

}  // namespace mcpolicy

#endif  // MCPOLICY_RULES_REACHABLE_FINANCIAL_H_
