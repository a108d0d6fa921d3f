// Writing an Intercept policy (intercept/policy.h) as YAML text: the one writer `recommend
// --dialect intercept` and `convert --to intercept` share. Node fields are ignored; every string is
// spelt by yaml/emit.h (plain when that reads back the same, else double-quoted and escaped).
//
// Layout: top-level keys in the order version, description, default, hide, tools, approvals;
// 2-space indent; hide as a block list; each tool a mapping with `rules: []` or a block list of
// rules, each rule's keys in the order name, action, rate_limit, conditions, state, on_deny,
// approval_timeout; each condition a block mapping {path, op, value} with list values in flow
// style. A rule's action is written only when it is not evaluate. Comments given in the layout go
// on their own line above the hide entry or tool they belong to.
#ifndef MCPOLICY_INTERCEPT_WRITE_H_
#define MCPOLICY_INTERCEPT_WRITE_H_

#include <string>
#include <vector>

#include "intercept/policy.h"

namespace mcpolicy::intercept {

struct WriteLayout {
  std::vector<std::string> header;         // comment lines at the top (without "# ")
  // By hide index and by tool index: comment lines above the entry (none when absent or empty).
  std::vector<std::vector<std::string>> hide_comments;
  std::vector<std::vector<std::string>> tool_comments;
};

std::string Write(const InterceptPolicy& policy, const WriteLayout& layout = {});

// A number as the shortest text that reads back as the same double (YAML .inf and .nan forms).
std::string NumberText(double value);

// One operand as a YAML flow value: numbers by NumberText, lists as [a, b]. A mapping operand
// is written as {} (the callers refuse to write one).
std::string OperandText(const Operand& operand);

}  // namespace mcpolicy::intercept

#endif  // MCPOLICY_INTERCEPT_WRITE_H_
