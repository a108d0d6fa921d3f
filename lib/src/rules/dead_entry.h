// dead-entry: a tools entry or limit that precedence or a stricter limit keeps from ever applying.
#ifndef MCPOLICY_RULES_DEAD_ENTRY_H_
#define MCPOLICY_RULES_DEAD_ENTRY_H_

#include "rules/context.h"

namespace mcpolicy {

class DeadEntry {
 public:
  static constexpr RuleInfo info() {
    return {"dead-entry", Severity::kWarning,
            "A tools entry or limit that can never apply (the tool is hidden, or a stricter limit always binds first).",
            &RunCheck<DeadEntry>};
  }
  void Check(const PolicyContext& context, DiagnosticSink& sink) const;
};

}  // namespace mcpolicy

#endif  // MCPOLICY_RULES_DEAD_ENTRY_H_
