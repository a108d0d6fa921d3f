// limit-blocks-all: a limit whose "max" is 0, which denies every call it counts.
#ifndef MCPOLICY_RULES_LIMIT_BLOCKS_ALL_H_
#define MCPOLICY_RULES_LIMIT_BLOCKS_ALL_H_

#include "rules/context.h"

namespace mcpolicy {

class LimitBlocksAll {
 public:
  static constexpr RuleInfo info() {
    return {"limit-blocks-all", Severity::kWarning,
            "A limit with \"max\": 0 denies every call; hide the tool instead.",
            &RunCheck<LimitBlocksAll>};
  }
  void Check(const PolicyContext& context, DiagnosticSink& sink) const;
};

}  // namespace mcpolicy

#endif  // MCPOLICY_RULES_LIMIT_BLOCKS_ALL_H_
