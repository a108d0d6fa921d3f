// lint --fix and lint --diff: the fix loop of fix/driver.h over files, then the writes or the diff.
#ifndef MCPOLICY_COMMANDS_LINT_FIX_H_
#define MCPOLICY_COMMANDS_LINT_FIX_H_

#include "mcpolicy/commands.h"

namespace mcpolicy {

// RunLint with request.fix or request.diff set.
CommandOutput RunLintFix(const LintRequest& request);

}  // namespace mcpolicy

#endif  // MCPOLICY_COMMANDS_LINT_FIX_H_
