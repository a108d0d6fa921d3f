// Conditions written the same way whatever their formatting, so they compare as text.
#ifndef MCPOLICY_DIFF_DESCRIBE_H_
#define MCPOLICY_DIFF_DESCRIBE_H_

#include <string>
#include <string_view>

#include "mcpolicy/json.h"
#include "mcpolicy/policy.h"

namespace mcpolicy::diff {

// `deny_if args.amount gt 10000`, `require args.reason exists`: the list name, path, op and the
// value in a canonical form (object keys sorted, numbers as doubles), so reformatting the
// condition does not change its text.
std::string ConditionText(const json::Document& doc, std::string_view list, const Condition& c);

}  // namespace mcpolicy::diff

#endif  // MCPOLICY_DIFF_DESCRIBE_H_
