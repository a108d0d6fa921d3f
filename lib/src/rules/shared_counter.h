// shared-counter: one counter used with different windows or maxima, or named after another tool.
#ifndef MCPOLICY_RULES_SHARED_COUNTER_H_
#define MCPOLICY_RULES_SHARED_COUNTER_H_

#include "rules/context.h"

namespace mcpolicy {

class SharedCounter {
 public:
  static constexpr RuleInfo info() {
    return {"shared-counter", Severity::kWarning,
            "Limits share a counter with different windows or maxima, or a counter is named after another tool.",
            &RunCheck<SharedCounter>};
  }
  void Check(const PolicyContext& context, DiagnosticSink& sink) const;
};

}  // namespace mcpolicy

#endif  // MCPOLICY_RULES_SHARED_COUNTER_H_
