// The structured remedy of each fixable finding: what to change in the policy, not yet where in
// the text (the planner decides that).
#ifndef MCPOLICY_FIX_REMEDIES_H_
#define MCPOLICY_FIX_REMEDIES_H_

#include <optional>
#include <string>
#include <vector>

#include "mcpolicy/diagnostic.h"
#include "mcpolicy/policy.h"
#include "mcpolicy/remedy.h"

namespace mcpolicy::fix {

struct Remedy {
  enum class Kind : uint8_t {
    kHide,           // name `tool` in "hide" and drop its `tools` entry
    kAddLimit,       // add {counter: CounterName(tool), window, max, scope: grant} to its limits
    kGuard,          // add a deny_if {path, op: "in", value: values} to the tool
    kDenyByDefault,  // "default": "deny", and list `values` (read tools) as {}
  };
  Kind kind = Kind::kHide;
  std::string tool;
  Treatment limit;                  // kAddLimit
  std::string path;                 // kGuard: "args.action"
  std::vector<std::string> values;  // kGuard: operations; kDenyByDefault: tools to list
};

// The remedy for finding `d` of a fixable rule, from the model the finding was made on; nullopt
// when the finding names nothing the model knows or no remedy applies.
std::optional<Remedy> RemedyFor(const Diagnostic& d, const Policy& policy,
                                const Resolution& resolution);

}  // namespace mcpolicy::fix

#endif  // MCPOLICY_FIX_REMEDIES_H_
