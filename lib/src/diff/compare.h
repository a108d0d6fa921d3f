// The comparison behind mcpolicy diff: two resolved versions of one server's policy in, the
// changes to risk out (unsorted). The versions may be of different dialects: they are compared
// as neutral models, and the messages are worded in `words` (the reported file's dialect).
#ifndef MCPOLICY_DIFF_COMPARE_H_
#define MCPOLICY_DIFF_COMPARE_H_

#include <span>
#include <string>
#include <vector>

#include "diff/version.h"
#include "mcpolicy/diff.h"
#include "mcpolicy/policy.h"

namespace mcpolicy::diff {

// One version and its resolution. Both versions must have been resolved against the same server.
struct Side {
  const Version& version;
  const Resolution& resolution;
  const Policy& policy() const { return version.policy(); }
};

std::vector<DiffChange> Compare(const Side& old_side, const Side& new_side,
                                const DiffWording& words);

// "10/minute", "a spend cap per day"; "an unreadable limit" when the window or max is missing.
std::string LimitText(const Limit& limit);
// "limited to 10/minute", "limited by a spend cap per day".
std::string LimitedText(const Limit& limit);
// The limit allowing the fewest calls per minute, or nullptr when none can be read (a spend cap
// counts no calls, so it is never the strictest).
const Limit* Strictest(std::span<const Limit> limits);
// How a tool stands in one version: "hidden", "denied by default", "allowed with no limit",
// "allowed, limited to 10/minute, with argument conditions", ... in `words`.
std::string StateText(const ResolvedTool& tool, const Policy& policy, const DiffWording& words);

}  // namespace mcpolicy::diff

#endif  // MCPOLICY_DIFF_COMPARE_H_
