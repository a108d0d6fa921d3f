// The one explicit, sorted table of rules. A unit test keeps it, docs/rules/ and the golden test
// folders one-to-one.
#include <algorithm>
#include <string>
#include <vector>

#include "mcpolicy/embedded.h"
#include "mcpolicy/rules.h"
#include "util/suggest.h"

namespace mcpolicy {
namespace {

constexpr RuleInfo kRules[] = {
    {"duplicate-key", Severity::kError,
     "An object names the same key twice, so parsers and gateways may read different policies."},
    {"invalid-json", Severity::kError,
     "The file is not valid JSON (syntax, encoding, empty file or trailing content)."},
    {"schema", Severity::kError,
     "The policy does not match the PolicyLayer hosted-policy schema (or the schema given to validate)."},
};

}  // namespace

std::span<const RuleInfo> AllRules() { return kRules; }

const RuleInfo* FindRule(std::string_view name) {
  auto it = std::lower_bound(std::begin(kRules), std::end(kRules), name,
                             [](const RuleInfo& r, std::string_view n) { return r.name < n; });
  return (it != std::end(kRules) && it->name == name) ? it : nullptr;
}

std::string UnknownRuleMessage(std::string_view name) {
  std::vector<std::string_view> names;
  for (const RuleInfo& r : kRules) names.push_back(r.name);
  std::string message = "unknown rule \"" + std::string(name) + "\"";
  std::string guess = Suggest(name, names);
  if (!guess.empty()) message += "; did you mean \"" + guess + "\"?";
  return message;
}

std::string_view RuleDoc(std::string_view name) {
  return embedded::Find("docs/rules/" + std::string(name) + ".md");
}

}  // namespace mcpolicy
