#include "intercept/keys.h"

#include "util/suggest.h"

namespace mcpolicy::intercept {

namespace {

struct Hint {
  Place place;
  std::string_view key;
  std::string_view meant;  // an Intercept key this word stands for, or ""
  std::string_view text;   // what to write instead, when more than a key name is needed
};

// Words people write for an Intercept key, and keys of other dialects at the place they appear.
constexpr Hint kHints[] = {
    {Place::kRule, "reason", "on_deny", ""},
    {Place::kRule, "message", "on_deny", ""},
    {Place::kRule, "deny_message", "on_deny", ""},
    {Place::kRule, "description", "on_deny", ""},
    {Place::kRule, "rate", "rate_limit", ""},
    {Place::kRule, "limit", "rate_limit", ""},
    {Place::kRule, "when", "conditions", ""},
    {Place::kRule, "condition", "conditions", ""},
    {Place::kRule, "if", "conditions", ""},
    {Place::kRule, "timeout", "approval_timeout", ""},
    {Place::kRule, "effect", "action", ""},
    {Place::kRule, "type", "action", ""},
    {Place::kCondition, "operator", "op", ""},
    {Place::kCondition, "field", "path", ""},
    {Place::kCondition, "arg", "path", ""},
    {Place::kCondition, "values", "value", ""},
    {Place::kState, "name", "counter", ""},
    {Place::kState, "period", "window", ""},
    {Place::kTop, "default_action", "default", ""},
    {Place::kTool, "limits", "",
     "\"limits:\" is PolicyLayer's hosted JSON; in Intercept YAML a limit is a rule: "
     "rules: [{name: \"rate limit\", rate_limit: 10/minute}]"},
    {Place::kTool, "deny_if", "",
     "\"deny_if:\" is PolicyLayer's hosted JSON; in Intercept YAML write an evaluate rule whose "
     "conditions must hold for the call to pass (the opposite test: not_in for in, lte for gt): "
     "rules: [{name: ..., conditions: [{path: args.x, op: not_in, value: [...]}]}]"},
    {Place::kTool, "require", "",
     "\"require:\" is PolicyLayer's hosted JSON; in Intercept YAML write an evaluate rule: "
     "rules: [{name: ..., conditions: [{path: args.x, op: exists, value: true}]}]"},
    {Place::kTool, "action", "",
     "\"action:\" belongs inside a rule: rules: [{name: \"block\", action: deny}] (or list the tool "
     "under hide:)"},
    {Place::kTool, "rate_limit", "",
     "\"rate_limit:\" belongs inside a rule: rules: [{name: \"rate limit\", rate_limit: 10/minute}]"},
    {Place::kTool, "conditions", "",
     "\"conditions:\" belongs inside a rule: rules: [{name: ..., conditions: [...]}]"},
    {Place::kTop, "all_tools", "",
     "\"all_tools:\" is PolicyLayer's hosted JSON; in Intercept YAML rules for every tool go under "
     "the wildcard tool: tools: {\"*\": {rules: [...]}}"},
    {Place::kTop, "rules", "",
     "\"rules:\" belongs under a tool: tools: {tool_name: {rules: [...]}} (\"*\" for every tool)"},
    {Place::kRule, "limits", "",
     "\"limits:\" is PolicyLayer's hosted JSON; in an Intercept rule write rate_limit: 10/minute, or "
     "state: {counter, window} with a condition on state.<tool>.<counter>"},
    {Place::kRule, "deny_if", "",
     "\"deny_if:\" is PolicyLayer's hosted JSON; an Intercept rule's conditions must all hold for the "
     "call to pass, so write the opposite test under conditions:"},
    {Place::kRule, "require", "",
     "\"require:\" is PolicyLayer's hosted JSON; an Intercept rule's conditions: must all hold for the "
     "call to pass"},
    {Place::kState, "max", "",
     "\"max:\" is PolicyLayer's hosted JSON; in Intercept the maximum is a condition on the counter: "
     "conditions: [{path: state.<tool>.<counter>, op: lte, value: N}]"},
    {Place::kState, "scope", "", "\"scope:\" is PolicyLayer's hosted JSON; Intercept counters have no scope"},
};

std::string_view PlaceName(Place place) {
  switch (place) {
    case Place::kTop: return "at the top level";
    case Place::kTool: return "in a tool";
    case Place::kRule: return "in a rule";
    case Place::kCondition: return "in a condition";
    case Place::kState: return "in a state block";
    case Place::kApprovals: return "in approvals";
    case Place::kNotify: return "in approvals.notify";
    case Place::kWebhook: return "in approvals.notify.webhook";
  }
  return "";
}

}  // namespace

const std::vector<std::string_view>& KnownKeys(Place place) {
  static const std::vector<std::string_view> kTop = {"version", "description", "default", "hide",
                                                     "tools", "approvals"};
  static const std::vector<std::string_view> kTool = {"rules"};
  static const std::vector<std::string_view> kRule = {"name", "action", "rate_limit", "conditions",
                                                      "on_deny", "state", "approval_timeout"};
  static const std::vector<std::string_view> kCondition = {"path", "op", "value"};
  static const std::vector<std::string_view> kState = {"counter", "window", "increment", "increment_from"};
  static const std::vector<std::string_view> kApprovals = {"default_timeout", "dedupe_window", "notify"};
  static const std::vector<std::string_view> kNotify = {"webhook"};
  static const std::vector<std::string_view> kWebhook = {"url", "secret"};
  switch (place) {
    case Place::kTop: return kTop;
    case Place::kTool: return kTool;
    case Place::kRule: return kRule;
    case Place::kCondition: return kCondition;
    case Place::kState: return kState;
    case Place::kApprovals: return kApprovals;
    case Place::kNotify: return kNotify;
    case Place::kWebhook: return kWebhook;
  }
  return kTop;
}

bool IsKnownKey(Place place, std::string_view key) {
  for (std::string_view k : KnownKeys(place)) {
    if (k == key) return true;
  }
  return false;
}

std::string UnknownKeyMessage(Place place, std::string_view key) {
  const std::string ignored = " (Intercept ignores keys it does not know, so this one has no effect)";
  for (const Hint& h : kHints) {
    if (h.place != place || h.key != key) continue;
    if (!h.text.empty()) return std::string(h.text);
    return "unknown key \"" + std::string(key) + ":\" " + std::string(PlaceName(place)) +
           "; did you mean \"" + std::string(h.meant) + ":\"?" + ignored;
  }
  std::string guess = Suggest(key, KnownKeys(place));
  std::string out = "unknown key \"" + std::string(key) + ":\" " + std::string(PlaceName(place));
  if (!guess.empty()) {
    out += "; did you mean \"" + guess + ":\"?";
  } else {
    out += "; expected one of";
    const char* sep = " ";
    for (std::string_view k : KnownKeys(place)) {
      out += sep + std::string(k) + ":";
      sep = ", ";
    }
  }
  return out + ignored;
}

}  // namespace mcpolicy::intercept
