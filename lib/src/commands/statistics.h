// lint --statistics: how many findings each rule made, instead of the findings (as ruff's
// --statistics does).
#ifndef MCPOLICY_COMMANDS_STATISTICS_H_
#define MCPOLICY_COMMANDS_STATISTICS_H_

#include <string>

#include "mcpolicy/lint.h"

namespace mcpolicy {

// Text: one line per rule with findings, most first (then by name): count, rule, severity, "[*]"
// when `lint --fix` repairs one of them, "[-]" when only `lint --fix --unsafe-fixes` does, the
// rule's summary. JSON: an array of {"rule", "severity", "count", "fixable"} in the same order,
// "fixable" when some fix (safe or unsafe) repairs one of them. Suppressed findings are not
// counted.
std::string FormatStatistics(const LintResult& result, bool json);

}  // namespace mcpolicy

#endif  // MCPOLICY_COMMANDS_STATISTICS_H_
