// Conditions written the same way whatever their formatting or dialect, so they compare as text.
#ifndef MCPOLICY_DIFF_DESCRIBE_H_
#define MCPOLICY_DIFF_DESCRIBE_H_

#include <string>
#include <string_view>

#include "mcpolicy/policy.h"

namespace mcpolicy::diff {

// `deny_if args.amount gt 10000`, `require args.reason exists true`: the list's name, the path,
// the op and `value` (Version::ValueText, left out when empty).
std::string ConditionText(std::string_view list, const Condition& c, std::string_view value);

}  // namespace mcpolicy::diff

#endif  // MCPOLICY_DIFF_DESCRIBE_H_
