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

// Every rule's fixes, each marked safe or unsafe here and nowhere else; docs/fix.md gives the
// reason for each. The schema rule's are made by the lint driver (lint/dialect_hints.cc).
constexpr FixInfo kDeadEntryFixes[] = {
    {"remove-entry", Applicability::kUnsafe, "remove the tools entry that hide overrides"},
    {"remove-limit", Applicability::kUnsafe, "remove the limit a stricter one always beats"},
};
constexpr FixInfo kDefaultAllowFixes[] = {
    {"deny-by-default", Applicability::kUnsafe,
     "make the default deny and list the server's read tools that were reachable unlisted"},
};
constexpr FixInfo kHideFixes[] = {
    {"hide", Applicability::kUnsafe, "move the tool to hide and remove its tools entry"},
};
constexpr FixInfo kLooseLimitFixes[] = {
    {"lower-max", Applicability::kUnsafe, "lower max to the ceiling for the tool's category"},
};
constexpr FixInfo kUnguardedMultiplexerFixes[] = {
    {"guard", Applicability::kUnsafe,
     "add a deny_if condition on the operation argument for the open dangerous operations"},
};
constexpr FixInfo kUnknownToolFixes[] = {
    {"rename", Applicability::kUnsafe, "rename the tool to the one close name the server has"},
};
constexpr FixInfo kAddLimitFixes[] = {
    {"add-limit", Applicability::kUnsafe,
     "add the recommended limit (or hide the tool where the recommended tier hides it)"},
};
constexpr FixInfo kSchemaFixes[] = {
    {"window-unit", Applicability::kSafe, "write the window in seconds as its unit name"},
    {"remove-denied-entry", Applicability::kSafe,
     "remove the {\"action\": \"deny\"} entry: the default already denies the tool"},
    {"remove-denied-entry-with-reason", Applicability::kUnsafe,
     "remove the {\"action\": \"deny\"} entry and its reason: the default already denies the "
     "tool, but the reason the author wrote is lost"},
};

constexpr RuleInfo WithFixes(RuleInfo info, std::span<const FixInfo> fixes) {
  info.fixes = fixes;
  return info;
}

// Sorted by name. Entries without a check are reported by the lint driver itself.
constexpr RuleInfo kRules[] = {
    WithFixes(DeadEntry::info(), kDeadEntryFixes),
    WithFixes(DefaultAllow::info(), kDefaultAllowFixes),
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
    WithFixes(LooseLimit::info(), kLooseLimitFixes),
    WithFixes(ReachableDestructive::info(), kHideFixes),
    WithFixes(ReachableFinancial::info(), kHideFixes),
    {"schema", Severity::kError,
     "The policy does not match the PolicyLayer hosted-policy schema (or the schema given to validate).",
     nullptr, kSchemaFixes},
    SharedCounter::info(),
    {"suppression-without-reason", Severity::kError,
     "A suppression in .mcpolicy.json has no reason, so it is not applied."},
    UncertainTool::info(),
    WithFixes(UnguardedMultiplexer::info(), kUnguardedMultiplexerFixes),
    WithFixes(UnknownTool::info(), kUnknownToolFixes),
    WithFixes(UnlimitedExecute::info(), kAddLimitFixes),
    WithFixes(UnlimitedWrite::info(), kAddLimitFixes),
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
  return info && !info->fixes.empty();
}

std::string_view ApplicabilityName(Applicability applicability) {
  return applicability == Applicability::kSafe ? "safe" : "unsafe";
}

const FixInfo* FindFix(std::string_view rule, const Remedy& remedy) {
  const RuleInfo* info = FindRule(rule);
  if (!info || info->fixes.empty()) return nullptr;
  if (remedy.fix.empty()) return &info->fixes.front();
  for (const FixInfo& f : info->fixes) {
    if (f.name == remedy.fix) return &f;
  }
  return nullptr;
}

bool FixApplies(const Diagnostic& d, bool unsafe_fixes) {
  if (!d.remedy) return false;
  const FixInfo* fix = FindFix(d.rule, *d.remedy);
  return fix && (unsafe_fixes || fix->applicability == Applicability::kSafe);
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
