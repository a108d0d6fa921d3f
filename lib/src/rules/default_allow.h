// default-allow: a policy whose "default" is "allow", so every tool it does not list can be called.
#ifndef MCPOLICY_RULES_DEFAULT_ALLOW_H_
#define MCPOLICY_RULES_DEFAULT_ALLOW_H_

#include "rules/context.h"

namespace mcpolicy {

class DefaultAllow {
 public:
  static constexpr RuleInfo info() {
    return {"default-allow", Severity::kWarning,
            "The policy allows every tool it does not list (\"default\": \"allow\").",
            &RunCheck<DefaultAllow>};
  }
  void Check(const PolicyContext& context, DiagnosticSink& sink) const;
};

}  // namespace mcpolicy

#endif  // MCPOLICY_RULES_DEFAULT_ALLOW_H_
