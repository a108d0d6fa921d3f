// unguarded-multiplexer: a multiplexer tool allowed without a condition that stops its destructive or financial operations.
#ifndef MCPOLICY_RULES_UNGUARDED_MULTIPLEXER_H_
#define MCPOLICY_RULES_UNGUARDED_MULTIPLEXER_H_

#include "rules/context.h"

namespace mcpolicy {

class UnguardedMultiplexer {
 public:
  static constexpr RuleInfo info() {
    return {"unguarded-multiplexer", Severity::kError,
            "A tool whose operation argument can select a destructive or financial operation is allowed without a condition on that argument.",
            &RunCheck<UnguardedMultiplexer>};
  }
  void Check(const PolicyContext& context, DiagnosticSink& sink) const;
};

}  // namespace mcpolicy

#endif  // MCPOLICY_RULES_UNGUARDED_MULTIPLEXER_H_
