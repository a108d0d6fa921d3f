// The rule registry: every finding mcpolicy can report, with its stable name and documentation.
#ifndef MCPOLICY_RULES_H_
#define MCPOLICY_RULES_H_

#include <span>
#include <string>
#include <string_view>

#include "mcpolicy/diagnostic.h"

namespace mcpolicy {

struct PolicyContext;   // lib/src/rules/context.h
class DiagnosticSink;   // lib/src/util/sink.h

// A policy rule's check: reads the neutral model, reports through the sink.
using PolicyCheck = void (*)(const PolicyContext& context, DiagnosticSink& sink);

// Whether `lint --fix` applies a fix by default (ruff's split): a safe fix keeps what the gateway
// lets the agent do and everything the author wrote that still means something; an unsafe one
// may change what the agent may do (stricter counts too) or drop the author's words, so it is
// applied only with --unsafe-fixes. docs/fix.md gives the reason for each.
enum class Applicability : uint8_t { kSafe, kUnsafe };
std::string_view ApplicabilityName(Applicability applicability);  // "safe", "unsafe"

// One of a rule's fixes.
struct FixInfo {
  std::string_view name;  // what Remedy::fix names, e.g. "window-unit"
  Applicability applicability;
  std::string_view summary;  // what it does, as a report's fix message
};

struct RuleInfo {
  std::string_view name;  // stable kebab-case name users type and reports print
  Severity default_severity;
  std::string_view summary;  // one sentence
  // Run on every policy after schema validation; null for findings the lint driver makes itself
  // (invalid-json, duplicate-key, schema).
  PolicyCheck check = nullptr;
  // The fixes its findings' Remedy can be (the one list --fix's help, the docs, the reports and
  // the fixer read); empty for a rule with no fix.
  std::span<const FixInfo> fixes = {};
};

// Every rule, sorted by name.
std::span<const RuleInfo> AllRules();

// Every rule's name, sorted (what a configuration may name: ParseConfig in config.h).
std::span<const std::string_view> AllRuleNames();

// The rule with this name, or nullptr.
const RuleInfo* FindRule(std::string_view name);

// Whether the rule's findings can carry a remedy for `lint --fix`.
bool IsFixableRule(std::string_view rule);

// The registry's entry for the fix `remedy` is, on a finding of `rule` (Remedy::fix, or the
// rule's first fix); nullptr for a rule with no fixes or a fix it does not list.
const FixInfo* FindFix(std::string_view rule, const Remedy& remedy);

// Whether `lint --fix` applies the finding's remedy: it has one, and it is safe or `unsafe_fixes`.
bool FixApplies(const Diagnostic& d, bool unsafe_fixes);

// The rule's default severity (error for a name that is no rule): what DiagnosticSink asks.
Severity DefaultSeverity(std::string_view rule);

// "unknown rule "x"; did you mean "y"?" or "unknown rule "x"".
std::string UnknownRuleMessage(std::string_view name);

// The rule's documentation page (Markdown, embedded from docs/rules/<name>.md), or "".
std::string_view RuleDoc(std::string_view name);

}  // namespace mcpolicy

#endif  // MCPOLICY_RULES_H_
