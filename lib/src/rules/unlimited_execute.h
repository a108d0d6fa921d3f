// unlimited-execute: an execute tool the policy allows with no limit.
#ifndef MCPOLICY_RULES_UNLIMITED_EXECUTE_H_
#define MCPOLICY_RULES_UNLIMITED_EXECUTE_H_

#include "rules/context.h"

namespace mcpolicy {

class UnlimitedExecute {
 public:
  static constexpr RuleInfo info() {
    return {"unlimited-execute", Severity::kError,
            "An execute tool is allowed with no limit.",
            &RunCheck<UnlimitedExecute>};
  }
  void Check(const PolicyContext& context, DiagnosticSink& sink) const;
};

}  // namespace mcpolicy

#endif  // MCPOLICY_RULES_UNLIMITED_EXECUTE_H_
