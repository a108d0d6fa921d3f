// unlimited-write: a write tool the policy allows with no limit.
#ifndef MCPOLICY_RULES_UNLIMITED_WRITE_H_
#define MCPOLICY_RULES_UNLIMITED_WRITE_H_

#include "rules/context.h"

namespace mcpolicy {

class UnlimitedWrite {
 public:
  static constexpr RuleInfo info() {
    return {"unlimited-write", Severity::kWarning,
            "A write tool is allowed with no limit.",
            &RunCheck<UnlimitedWrite>};
  }
  void Check(const PolicyContext& context, DiagnosticSink& sink) const;
};

}  // namespace mcpolicy

#endif  // MCPOLICY_RULES_UNLIMITED_WRITE_H_
