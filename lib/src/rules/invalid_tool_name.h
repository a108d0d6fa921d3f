// invalid-tool-name: a tools key or hide entry that no MCP server can have as a tool name.
#ifndef MCPOLICY_RULES_INVALID_TOOL_NAME_H_
#define MCPOLICY_RULES_INVALID_TOOL_NAME_H_

#include "rules/context.h"

namespace mcpolicy {

class InvalidToolName {
 public:
  static constexpr RuleInfo info() {
    return {"invalid-tool-name", Severity::kWarning,
            "A tool name breaks MCP's naming rules (1 to 128 characters of A-Za-z0-9_-.).",
            &RunCheck<InvalidToolName>};
  }
  void Check(const PolicyContext& context, DiagnosticSink& sink) const;
};

}  // namespace mcpolicy

#endif  // MCPOLICY_RULES_INVALID_TOOL_NAME_H_
