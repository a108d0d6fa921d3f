// Rule groups: names that --enable and --disable take for a whole family of rules (`risk`,
// `hygiene`, ...). Every rule is in exactly one group (a unit test holds the table and the rule
// registry together); reports that want a category (GitLab Code Quality) take it from the group.
#ifndef MCPOLICY_RULE_GROUPS_H_
#define MCPOLICY_RULE_GROUPS_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mcpolicy {

struct RuleGroup {
  std::string_view name;
  std::string_view summary;
  std::span<const std::string_view> rules;  // sorted
};

// Every group, sorted by name.
std::span<const RuleGroup> AllRuleGroups();

// The group with this name, or nullptr.
const RuleGroup* FindRuleGroup(std::string_view name);

// The group `rule` belongs to, or nullptr.
const RuleGroup* GroupOfRule(std::string_view rule);

// Replaces group names in --enable/--disable lists by their rules. A rule named on its own wins
// over a group on the other side, so `--enable risk --disable loose-limit` turns on every risk
// rule but loose-limit. Other names are left as they are (and reported as unknown rules later).
void ExpandRuleGroups(std::vector<std::string>& enable, std::vector<std::string>& disable);

}  // namespace mcpolicy

#endif  // MCPOLICY_RULE_GROUPS_H_
