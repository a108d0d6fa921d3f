// uncertain-tool: a tool the heuristic only guessed to be read (or other), allowed with no limit
// and no condition.
#ifndef MCPOLICY_RULES_UNCERTAIN_TOOL_H_
#define MCPOLICY_RULES_UNCERTAIN_TOOL_H_

#include "rules/context.h"

namespace mcpolicy {

class UncertainTool {
 public:
  static constexpr RuleInfo info() {
    return {"uncertain-tool", Severity::kWarning,
            "A tool only guessed to be harmless is allowed with no limit and no condition.",
            &RunCheck<UncertainTool>};
  }
  void Check(const PolicyContext& context, DiagnosticSink& sink) const;
};

}  // namespace mcpolicy

#endif  // MCPOLICY_RULES_UNCERTAIN_TOOL_H_
