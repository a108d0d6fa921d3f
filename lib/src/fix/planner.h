// From remedies to text edits: remedies are grouped per container (three tools hidden make one
// edit of "hide", or one new "hide" key), rendered in the file's own style, and placed so the
// keys keep a sensible order ("hide" after "default", "limits" after "deny_if").
#ifndef MCPOLICY_FIX_PLANNER_H_
#define MCPOLICY_FIX_PLANNER_H_

#include <string>
#include <vector>

#include "mcpolicy/diagnostic.h"
#include "mcpolicy/fix.h"
#include "mcpolicy/json.h"
#include "mcpolicy/policy.h"

namespace mcpolicy::fix {

// Appends to `edits` the non-overlapping edits that carry out `remedies` on `doc` (parsed, ok(),
// and read into `policy`). A hidden tool's other remedies are dropped. Returns "" or why the
// remedies cannot be applied (e.g. "hide" is not an array); then `edits` is unchanged.
std::string PlanEdits(const json::Document& doc, const Policy& policy,
                      const std::vector<const Remedy*>& remedies, std::vector<TextEdit>& edits);

}  // namespace mcpolicy::fix

#endif  // MCPOLICY_FIX_PLANNER_H_
