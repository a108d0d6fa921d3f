// lint --fix for Intercept YAML: the same remedies the JSON planner (planner.h) carries out, as
// byte edits on the YAML text. Each change goes where an author would type it, in the file's own
// style (yaml_style.h): a name appended inside a flow `hide: [a, b]` or as a new `- name` of a
// block list, `hide: [name]` and `default: deny` added after `default:`/`description:`/`version:`,
// a hidden tool's entry removed line by line (the comments after it stay: they belong to the next
// key), `default: allow` turned into `deny` in its own quoting, and rules appended to a tool's
// `rules:` list (flow or block) or a new one:
//   kAddLimit  {name: "rate limit", rate_limit: N/window}
//   kGuard     {name: "guard <argument>", conditions: [{path: "args.<argument>", op: not_in,
//              value: [the operations]}]}   (an evaluate rule passes only calls whose every
//              condition holds, so the operations listed are refused)
//   kDenyByDefault lists read tools as `<tool>:` with `rules: []`.
// What cannot be edited safely is refused, the file left alone and the reason returned: a flow
// mapping under `tools:` or at the top, an alias where an edit goes, an anchor an alias elsewhere
// uses on or around it (the edit would change both), merge keys (`<<`) on a mapping that gains or
// loses a key.
#ifndef MCPOLICY_FIX_YAML_PLANNER_H_
#define MCPOLICY_FIX_YAML_PLANNER_H_

#include <string>
#include <vector>

#include "fix/driver.h"
#include "intercept/policy.h"
#include "mcpolicy/diagnostic.h"
#include "mcpolicy/fix.h"
#include "yaml/tree.h"

namespace mcpolicy::fix {

// Appends to `edits` the non-overlapping edits that carry out `remedies` on `tree` (parsed, ok(),
// no duplicate keys), read into `policy`. A hidden tool's other remedies are dropped. Returns ""
// or why the remedies cannot be applied safely; then `edits` is unchanged.
std::string PlanYamlEdits(const yaml::Tree& tree, const intercept::InterceptPolicy& policy,
                          const std::vector<const Remedy*>& remedies, std::vector<TextEdit>& edits);

// FixPass for a text lint reads as an Intercept policy (yaml::ReadsAsIntercept). The result is
// parsed again before it is returned: text that would not parse is never handed back.
PassOutcome FixInterceptPass(const std::string& text, const std::vector<const Diagnostic*>& findings);

}  // namespace mcpolicy::fix

#endif  // MCPOLICY_FIX_YAML_PLANNER_H_
