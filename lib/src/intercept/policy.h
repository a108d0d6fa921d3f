// An Intercept policy (PolicyLayer's open-source proxy, YAML) as plain data, each element with the
// YAML node it was read from (indices into the yaml::Tree it came with), for mapping onto the
// neutral policy model. Fields hold what the file says; defaults Intercept applies (an omitted
// action is "evaluate", an omitted default is "allow", an omitted increment is 1) are marked as
// not written, so advice can tell "you wrote allow" from "you left it out".
#ifndef MCPOLICY_INTERCEPT_POLICY_H_
#define MCPOLICY_INTERCEPT_POLICY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "yaml/tree.h"

namespace mcpolicy::intercept {

inline constexpr uint32_t kNoNode = yaml::kNoNode;

enum class Action : uint8_t { kEvaluate, kDeny, kRequireApproval, kUnknown };
enum class Window : uint8_t { kMinute, kHour, kDay, kUnknown };
enum class Default : uint8_t { kAllow, kDeny, kUnknown };

std::string_view ActionName(Action action);  // "evaluate", "deny", "require_approval", "?"
std::string_view WindowName(Window window);  // "minute", "hour", "day", "?"
Window ParseWindow(std::string_view text);   // kUnknown unless minute, hour or day

// A condition's operand (or one element of a list operand), typed as go-yaml reads it.
struct Operand {
  enum class Type : uint8_t { kMissing, kNull, kBool, kInt, kFloat, kString, kList, kMap };
  Type type = Type::kMissing;
  std::string text;  // scalars: the text as written (decoded)
  bool boolean = false;
  double number = 0;              // kInt and kFloat
  std::vector<Operand> items;     // kList
  uint32_t node = kNoNode;
};

struct Condition {
  std::string path;  // "args.amount", "state.create_charge.daily_spend"
  std::string op;    // eq neq in not_in lt lte gt gte regex contains exists (as written)
  Operand value;
  uint32_t node = kNoNode;  // the condition's mapping
  uint32_t path_node = kNoNode;
  uint32_t op_node = kNoNode;
};

// `rate_limit: 5/hour`: Intercept turns it into an evaluate rule with counter "_rate_hour".
struct RateLimit {
  std::string text;
  bool valid = false;  // N/minute|hour|day with N a positive integer
  int64_t count = 0;
  Window window = Window::kUnknown;
  uint32_t node = kNoNode;  // the value
};

struct State {
  std::string counter;
  Window window = Window::kUnknown;
  std::string window_text;
  int64_t increment = 1;
  bool increment_written = false;
  std::string increment_from;  // "args.amount": a spend cap counts this argument, not calls
  uint32_t node = kNoNode;     // the state mapping
  uint32_t counter_node = kNoNode;
  uint32_t window_node = kNoNode;
  uint32_t increment_from_node = kNoNode;
};

// A Go duration ("30m", "1h30m", "90s").
struct Duration {
  std::string text;
  bool valid = false;
  double seconds = 0;
  uint32_t node = kNoNode;
};

struct Rule {
  std::string name;
  Action action = Action::kEvaluate;
  bool action_written = false;
  std::string action_text;
  std::optional<RateLimit> rate_limit;
  std::vector<Condition> conditions;
  std::optional<State> state;
  std::optional<std::string> on_deny;
  std::optional<Duration> approval_timeout;
  uint32_t node = kNoNode;  // the rule's mapping
  uint32_t name_node = kNoNode;
  uint32_t action_node = kNoNode;
  uint32_t conditions_node = kNoNode;
  uint32_t on_deny_node = kNoNode;
};

struct Tool {
  std::string name;  // "*" holds the wildcard rules, applied to every call after the tool's own
  std::vector<Rule> rules;
  uint32_t key_node = kNoNode;
  uint32_t value_node = kNoNode;
};

struct HideEntry {
  std::string name;  // "*" hides every tool
  uint32_t node = kNoNode;
};

// The top-level `approvals:` block of require_approval (Intercept 2026-03 and later). Its shape is
// taken from Intercept's change notes: default_timeout and dedupe_window (durations) and
// notify.webhook.{url, secret}; see docs/intercept.md.
struct Approvals {
  std::optional<Duration> default_timeout;
  std::optional<Duration> dedupe_window;
  std::string webhook_url;
  bool has_secret = false;
  uint32_t node = kNoNode;
};

struct InterceptPolicy {
  std::string version;
  uint32_t version_node = kNoNode;
  std::string description;
  uint32_t description_node = kNoNode;
  Default default_policy = Default::kAllow;
  bool default_written = false;
  uint32_t default_node = kNoNode;
  std::vector<HideEntry> hide;
  uint32_t hide_node = kNoNode;
  std::vector<Tool> tools;  // in file order
  uint32_t tools_node = kNoNode;
  std::optional<Approvals> approvals;
  uint32_t root = kNoNode;
};

}  // namespace mcpolicy::intercept

#endif  // MCPOLICY_INTERCEPT_POLICY_H_
