// loose-limit: a limit allowing more calls per minute than its tool's category's ceiling.
#ifndef MCPOLICY_RULES_LOOSE_LIMIT_H_
#define MCPOLICY_RULES_LOOSE_LIMIT_H_

#include "rules/context.h"

namespace mcpolicy {

class LooseLimit {
 public:
  static constexpr RuleInfo info() {
    return {"loose-limit", Severity::kWarning,
            "A limit allows more calls per minute than the ceiling for its tool's category.",
            &RunCheck<LooseLimit>};
  }
  void Check(const PolicyContext& context, DiagnosticSink& sink) const;
};

}  // namespace mcpolicy

#endif  // MCPOLICY_RULES_LOOSE_LIMIT_H_
