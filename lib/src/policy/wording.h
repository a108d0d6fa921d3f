// How advice is worded in one dialect's own keys. Rules say what to change ("add a limit of 10 a
// minute"); the dialect of the file under review says how that is written there, so a finding in
// a hosted JSON policy shows a JSON snippet and one in a YAML policy a YAML one. One instance per
// dialect, reached through its row of the dialect table (policy/dialect.h).
#ifndef MCPOLICY_POLICY_WORDING_H_
#define MCPOLICY_POLICY_WORDING_H_

#include <span>
#include <string>
#include <string_view>

#include "mcpolicy/policy.h"

namespace mcpolicy {

// Keys every dialect has in some form.
enum class PolicyKey : uint8_t {
  kTools,  // where tools are listed with their rules
  kHide,   // the list of hidden tools
  kGuard,  // the argument conditions that deny a call
  kMax,    // a limit's number of calls per window
};

class PolicyWording {
 public:
  virtual ~PolicyWording() = default;

  // A key as prose quotes it: `"tools"`.
  virtual std::string Key(PolicyKey key) const = 0;
  // The default action as written: `"default": "allow"`.
  virtual std::string DefaultIs(DefaultAction action) const = 0;
  // The default action when the file does not state one (dialects where omitting it means
  // allow): `no default: (so default: allow)`.
  virtual std::string DefaultOmitted() const { return DefaultIs(DefaultAction::kAllow); }
  // The start of advice to guard a tool by its arguments: `add a "deny_if" condition`.
  virtual std::string GuardAdvice() const = 0;
  // Hiding every tool: `"hide": ["*"]`.
  virtual std::string HideAll() const = 0;
  // A limit that allows no call: `"max": 0`.
  virtual std::string MaxIsZero() const = 0;
  // What a limit shared by every tool is called: `all_tools limit`.
  virtual std::string SharedLimit() const = 0;
  // A limit of `max` calls per `window` for `tool`, as its entry would hold it.
  virtual std::string LimitSnippet(std::string_view tool, Window window, double max) const = 0;
  // A guard denying calls whose argument at `path` meets `op` `value`, where `value` is a JSON
  // literal (`["delete"]`, `10000`).
  virtual std::string GuardSnippet(std::string_view path, std::string_view op,
                                   std::string_view value) const = 0;
  // Listing `tool` with no rule at all: `"tools": {"x": {}}`.
  virtual std::string ListedBare(std::string_view tool) const = 0;
};

// PolicyLayer's hosted JSON.
const PolicyWording& HostedJsonWording();

}  // namespace mcpolicy

#endif  // MCPOLICY_POLICY_WORDING_H_
