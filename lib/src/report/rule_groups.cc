// The rule groups. Membership is data here rather than a field of each rule, so adding a group
// touches no rule; rule_groups_test.cc fails when a rule is in no group or in two.
#include <algorithm>

#include "mcpolicy/rule_groups.h"

namespace mcpolicy {
namespace {

constexpr std::string_view kHygiene[] = {"dead-entry",       "deny-all",       "invalid-tool-name",
                                         "limit-blocks-all", "shared-counter", "unknown-tool"};
constexpr std::string_view kRisk[] = {"default-allow",        "loose-limit",           "reachable-destructive",
                                      "reachable-financial",  "uncertain-tool",        "unguarded-multiplexer",
                                      "unlimited-execute",    "unlimited-write"};
constexpr std::string_view kSuppressions[] = {"expired-suppression", "suppression-without-reason",
                                              "unused-suppression"};
constexpr std::string_view kSyntax[] = {"duplicate-key", "invalid-json", "invalid-rule", "invalid-yaml",
                                         "schema"};

constexpr RuleGroup kGroups[] = {
    {"hygiene", "Entries that never apply, names that cannot match, counters that collide", kHygiene},
    {"risk", "What an agent can reach and how often: limits, hidden tools, guards, the default", kRisk},
    {"suppressions", "The .mcpolicy.json suppressions themselves: reasons, expiry, use", kSuppressions},
    {"syntax", "Whether the file is one valid JSON document matching the policy schema", kSyntax},
};

bool Contains(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// `names` with each group replaced by its rules, less the rules `other` names on its own.
std::vector<std::string> Expand(const std::vector<std::string>& names, const std::vector<std::string>& other) {
  std::vector<std::string> out;
  for (const std::string& name : names) {
    const RuleGroup* group = FindRuleGroup(name);
    if (!group) {
      if (!Contains(out, name)) out.push_back(name);
      continue;
    }
    for (std::string_view rule : group->rules) {
      if (!Contains(other, rule) && !Contains(out, std::string(rule))) out.emplace_back(rule);
    }
  }
  return out;
}

}  // namespace

std::span<const RuleGroup> AllRuleGroups() { return kGroups; }

const RuleGroup* FindRuleGroup(std::string_view name) {
  for (const RuleGroup& g : kGroups) {
    if (g.name == name) return &g;
  }
  return nullptr;
}

const RuleGroup* GroupOfRule(std::string_view rule) {
  for (const RuleGroup& g : kGroups) {
    if (std::binary_search(g.rules.begin(), g.rules.end(), rule)) return &g;
  }
  return nullptr;
}

void ExpandRuleGroups(std::vector<std::string>& enable, std::vector<std::string>& disable) {
  std::vector<std::string> expanded_enable = Expand(enable, disable);
  std::vector<std::string> expanded_disable = Expand(disable, enable);
  enable = std::move(expanded_enable);
  disable = std::move(expanded_disable);
}

}  // namespace mcpolicy
