// unknown-tool: a tools key or hide entry naming a tool the known server does not have.
#ifndef MCPOLICY_RULES_UNKNOWN_TOOL_H_
#define MCPOLICY_RULES_UNKNOWN_TOOL_H_

#include "rules/context.h"

namespace mcpolicy {

class UnknownTool {
 public:
  static constexpr RuleInfo info() {
    return {"unknown-tool", Severity::kWarning,
            "A tools key or hide entry names a tool the policy's server does not have.",
            &RunCheck<UnknownTool>};
  }
  void Check(const PolicyContext& context, DiagnosticSink& sink) const;
};

}  // namespace mcpolicy

#endif  // MCPOLICY_RULES_UNKNOWN_TOOL_H_
