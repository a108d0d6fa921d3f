// The comparison behind mcpolicy diff: two resolved versions of one server's policy in, the
// changes to risk out (unsorted).
#ifndef MCPOLICY_DIFF_COMPARE_H_
#define MCPOLICY_DIFF_COMPARE_H_

#include <span>
#include <string>
#include <vector>

#include "mcpolicy/diff.h"
#include "mcpolicy/json.h"
#include "mcpolicy/policy.h"

namespace mcpolicy::diff {

// One version: its document (for positions), model and resolution. Both versions must have been
// resolved against the same server.
struct Side {
  const json::Document& doc;
  const Policy& policy;
  const Resolution& resolution;
};

std::vector<DiffChange> Compare(const Side& old_side, const Side& new_side);

// "10/minute"; "an unreadable limit" when the window or max is missing.
std::string LimitText(const Limit& limit);
// The limit allowing the fewest calls per minute, or nullptr when none can be read.
const Limit* Strictest(std::span<const Limit> limits);
// How a tool stands in one version: "hidden", "denied by default", "allowed with no limit",
// "allowed, limited to 10/minute, with argument conditions", ...
std::string StateText(const ResolvedTool& tool, const Policy& policy);

}  // namespace mcpolicy::diff

#endif  // MCPOLICY_DIFF_COMPARE_H_
