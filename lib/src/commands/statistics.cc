#include "commands/statistics.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <vector>

#include "mcpolicy/fix.h"
#include "mcpolicy/report.h"
#include "mcpolicy/rules.h"

namespace mcpolicy {
namespace {

struct RuleCount {
  std::string rule;
  Severity severity = Severity::kNote;  // the most severe of the rule's findings
  size_t count = 0;
  bool safe_fix = false;    // one of its findings has a safe fix
  bool unsafe_fix = false;  // one of its findings has an unsafe fix
};

}  // namespace

std::string FormatStatistics(const LintResult& result, bool json) {
  std::map<std::string, RuleCount> by_rule;
  const std::set<std::string> unfixed = FilesLeftUnfixed(result);
  for (const Diagnostic& d : result.diagnostics) {
    if (!d.suppression.empty()) continue;
    RuleCount& c = by_rule[d.rule];
    c.rule = d.rule;
    c.severity = std::max(c.severity, d.severity);
    ++c.count;
    if (const FixInfo* fix = ShownFix(d, unfixed)) {
      (fix->applicability == Applicability::kSafe ? c.safe_fix : c.unsafe_fix) = true;
    }
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
                     {"fixable", r.safe_fix || r.unsafe_fix}});
    }
    return out.dump(2) + "\n";
  }
  size_t count_width = 1, rule_width = 0;
  for (const RuleCount& r : rows) {
    count_width = std::max(count_width, std::to_string(r.count).size());
    rule_width = std::max(rule_width, r.rule.size());
  }
  std::string out;
  bool any_safe = false, any_unsafe = false;
  for (const RuleCount& r : rows) {
    std::string count = std::to_string(r.count);
    std::string severity(SeverityName(r.severity));
    const RuleInfo* info = FindRule(r.rule);
    any_safe = any_safe || r.safe_fix;
    any_unsafe = any_unsafe || (r.unsafe_fix && !r.safe_fix);
    std::string mark = r.safe_fix ? "[*] " : r.unsafe_fix ? "[-] " : "    ";
    out += std::string(count_width - count.size(), ' ') + count + "  " + r.rule +
           std::string(rule_width + 2 - r.rule.size(), ' ') + severity + std::string(9 - severity.size(), ' ') +
           mark + (info ? std::string(info->summary) : "") + "\n";
  }
  if (any_safe) out += "[*] fixable with `mcpolicy lint --fix`\n";
  if (any_unsafe) out += "[-] fixable with `mcpolicy lint --fix --unsafe-fixes`\n";
  return out;
}

}  // namespace mcpolicy
