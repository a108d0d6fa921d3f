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

struct RuleInfo {
  std::string_view name;  // stable kebab-case name users type and reports print
  Severity default_severity;
  std::string_view summary;  // one sentence
  // Run on every policy after schema validation; null for findings the lint driver makes itself
  // (invalid-json, duplicate-key, schema).
  PolicyCheck check = nullptr;
  // Its findings carry a Remedy that `lint --fix` applies (the one list --fix's help, the docs
  // and the fixer read).
  bool fixable = false;
};

// Every rule, sorted by name.
std::span<const RuleInfo> AllRules();

// Every rule's name, sorted (what a configuration may name: ParseConfig in config.h).
std::span<const std::string_view> AllRuleNames();

// The rule with this name, or nullptr.
const RuleInfo* FindRule(std::string_view name);

// Whether the rule's findings can carry a remedy for `lint --fix`.
bool IsFixableRule(std::string_view rule);

// The rule's default severity (error for a name that is no rule): what DiagnosticSink asks.
Severity DefaultSeverity(std::string_view rule);

// "unknown rule "x"; did you mean "y"?" or "unknown rule "x"".
std::string UnknownRuleMessage(std::string_view name);

// The rule's documentation page (Markdown, embedded from docs/rules/<name>.md), or "".
std::string_view RuleDoc(std::string_view name);

}  // namespace mcpolicy

#endif  // MCPOLICY_RULES_H_
