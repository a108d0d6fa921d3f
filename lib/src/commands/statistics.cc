#include "commands/statistics.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <vector>

#include "mcpolicy/fix.h"
#include "mcpolicy/rules.h"

namespace mcpolicy {
namespace {

struct RuleCount {
  std::string rule;
  Severity severity = Severity::kNote;  // the most severe of the rule's findings
  size_t count = 0;
};

}  // namespace

std::string FormatStatistics(const LintResult& result, bool json) {
  std::map<std::string, RuleCount> by_rule;
  for (const Diagnostic& d : result.diagnostics) {
    if (!d.suppression.empty()) continue;
    RuleCount& c = by_rule[d.rule];
    c.rule = d.rule;
    c.severity = std::max(c.severity, d.severity);
    ++c.count;
  }
  std::vector<RuleCount> rows;
  for (auto& [rule, count] : by_rule) rows.push_back(count);
  std::stable_sort(rows.begin(), rows.end(), [](const RuleCount& a, const RuleCount& b) { return a.count > b.count; });
  if (json) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const RuleCount& r : rows) {
      out.push_back({{"rule", r.rule},
                     {"severity", SeverityName(r.severity)},
                     {"count", r.count},
                     {"fixable", IsFixableRule(r.rule)}});
    }
    return out.dump(2) + "\n";
  }
  size_t count_width = 1, rule_width = 0;
  for (const RuleCount& r : rows) {
    count_width = std::max(count_width, std::to_string(r.count).size());
    rule_width = std::max(rule_width, r.rule.size());
  }
  std::string out;
  bool any_fixable = false;
  for (const RuleCount& r : rows) {
    std::string count = std::to_string(r.count);
    std::string severity(SeverityName(r.severity));
    const RuleInfo* info = FindRule(r.rule);
    const bool fixable = IsFixableRule(r.rule);
    any_fixable = any_fixable || fixable;
    out += std::string(count_width - count.size(), ' ') + count + "  " + r.rule +
           std::string(rule_width + 2 - r.rule.size(), ' ') + severity + std::string(9 - severity.size(), ' ') +
           (fixable ? "[*] " : "    ") + (info ? std::string(info->summary) : "") + "\n";
  }
  if (any_fixable) out += "[*] fixable with `mcpolicy lint --fix`\n";
  return out;
}

}  // namespace mcpolicy
