// The one explicit, sorted table of rules. A unit test keeps it, docs/rules/ and the golden test
// folders one-to-one.
#include <algorithm>
#include <string>
#include <vector>

#include "mcpolicy/embedded.h"
#include "mcpolicy/rules.h"
#include "rules/dead_entry.h"
#include "rules/default_allow.h"
#include "rules/deny_all.h"
#include "rules/invalid_tool_name.h"
#include "rules/limit_blocks_all.h"
#include "rules/loose_limit.h"
#include "rules/reachable_destructive.h"
#include "rules/reachable_financial.h"
#include "rules/shared_counter.h"
#include "rules/uncertain_tool.h"
#include "rules/unguarded_multiplexer.h"
#include "rules/unknown_tool.h"
#include "rules/unlimited_execute.h"
#include "rules/unlimited_write.h"
#include "util/suggest.h"

namespace mcpolicy {
namespace {

// Sorted by name. Entries without a check are reported by the lint driver itself.
constexpr RuleInfo kRules[] = {
    DeadEntry::info(),
    DefaultAllow::info(),
    DenyAll::info(),
    {"duplicate-key", Severity::kError,
     "An object names the same key twice, so parsers and gateways may read different policies."},
    {"expired-suppression", Severity::kWarning,
     "A suppression in .mcpolicy.json is past its expires date, so its findings are reported again."},
    {"invalid-json", Severity::kError,
     "The file is not valid JSON (syntax, encoding, empty file or trailing content)."},
    {"invalid-rule", Severity::kError,
     "An Intercept rule whose fields do not fit together, so Intercept refuses the policy or the "
     "rule never does what it says."},
    InvalidToolName::info(),
    {"invalid-yaml", Severity::kError,
     "The file is not a YAML document mcpolicy accepts (syntax, encoding, a second document, a "
     "tag or alias it refuses)."},
    LimitBlocksAll::info(),
    LooseLimit::info(),
    ReachableDestructive::info(),
    ReachableFinancial::info(),
    {"schema", Severity::kError,
     "The policy does not match the PolicyLayer hosted-policy schema (or the schema given to validate)."},
    SharedCounter::info(),
    {"suppression-without-reason", Severity::kError,
     "A suppression in .mcpolicy.json has no reason, so it is not applied."},
    UncertainTool::info(),
    UnguardedMultiplexer::info(),
    UnknownTool::info(),
    UnlimitedExecute::info(),
    UnlimitedWrite::info(),
    {"unused-suppression", Severity::kWarning,
     "A suppression in .mcpolicy.json matched no finding, or its globs match no file."},
};

}  // namespace

std::span<const RuleInfo> AllRules() { return kRules; }

const RuleInfo* FindRule(std::string_view name) {
  auto it = std::lower_bound(std::begin(kRules), std::end(kRules), name,
                             [](const RuleInfo& r, std::string_view n) { return r.name < n; });
  return (it != std::end(kRules) && it->name == name) ? it : nullptr;
}

bool IsFixableRule(std::string_view rule) {
  const RuleInfo* info = FindRule(rule);
  return info && info->fixable;
}

Severity DefaultSeverity(std::string_view rule) {
  const RuleInfo* info = FindRule(rule);
  return info ? info->default_severity : Severity::kError;
}

std::span<const std::string_view> AllRuleNames() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    for (const RuleInfo& r : kRules) out.push_back(r.name);
    return out;
  }();
  return names;
}

std::string UnknownRuleMessage(std::string_view name) {
  std::span<const std::string_view> names = AllRuleNames();
  return UnknownNameMessage("rule", name, {names.begin(), names.end()});
}

std::string_view RuleDoc(std::string_view name) {
  return embedded::Find("docs/rules/" + std::string(name) + ".md");
}

}  // namespace mcpolicy
