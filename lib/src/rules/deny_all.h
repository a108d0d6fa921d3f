// deny-all: a policy that denies by default and lists no tool, so the agent can call nothing.
#ifndef MCPOLICY_RULES_DENY_ALL_H_
#define MCPOLICY_RULES_DENY_ALL_H_

#include "rules/context.h"

namespace mcpolicy {

class DenyAll {
 public:
  static constexpr RuleInfo info() {
    return {"deny-all", Severity::kNote,
            "The policy denies by default and lists no tool, so every call is denied.",
            &RunCheck<DenyAll>};
  }
  void Check(const PolicyContext& context, DiagnosticSink& sink) const;
};

}  // namespace mcpolicy

#endif  // MCPOLICY_RULES_DENY_ALL_H_
