// CheckPolicy: the checks Intercept's validator makes across fields (deny and evaluate rules and
// their conditions, rate_limit's exclusions, operands per operator, regexes, counters and the state
// blocks conditions read), and the ones it does not make (dead entries, invalid tool names).
//
// Regexes are compiled with RE2; Intercept compiles them with Go's regexp, which implements the same
// syntax. Where they differ: Go accepts (?<name>re) for a named group since Go 1.22 and the RE2 of
// Debian 12 does not, so such a pattern is retried as (?P<name>re); RE2 accepts \C (any byte) and
// Go refuses it, so \C is reported; RE2 refuses a pattern whose compiled program exceeds its memory
// budget (8 MiB here) where Go's limit is on nesting depth and repeat counts instead. Both cap a
// repeat count at 1000.
#include <re2/re2.h>

#include <map>
#include <string>

#include "intercept/read.h"
#include "util/suggest.h"
#include "yaml/scalar.h"

namespace mcpolicy::intercept {

namespace {

constexpr std::string_view kOps[] = {"eq", "neq", "in", "not_in", "lt", "lte", "gt", "gte",
                                     "regex", "contains", "exists"};


std::string At(const yaml::Tree& tree, uint32_t node) {
  yaml::Position p = tree.node(node).begin;
  return "line " + std::to_string(p.line) + ", column " + std::to_string(p.column);
}

// The operator people mean by a symbol or a longer word.
std::string GuessOp(std::string_view op) {
  static const std::pair<std::string_view, std::string_view> kWords[] = {
      {"==", "eq"}, {"=", "eq"}, {"equals", "eq"}, {"!=", "neq"}, {"ne", "neq"}, {"not_equals", "neq"},
      {"<", "lt"}, {"<=", "lte"}, {">", "gt"}, {">=", "gte"}, {"le", "lte"}, {"ge", "gte"},
      {"less_than", "lt"}, {"greater_than", "gt"}, {"matches", "regex"}, {"match", "regex"},
      {"nin", "not_in"}, {"notin", "not_in"}, {"one_of", "in"}, {"includes", "contains"},
      {"present", "exists"}, {"exist", "exists"}};
  for (auto [word, op_name] : kWords) {
    if (word == op) return std::string(op_name);
  }
  return Suggest(op, {std::begin(kOps), std::end(kOps)});
}

bool KnownOp(std::string_view op) {
  for (std::string_view o : kOps) {
    if (o == op) return true;
  }
  return false;
}

// Compiles `pattern` as RE2 reads Go's syntax; returns RE2's error, or "" when it compiles.
std::string RegexError(const std::string& pattern) {
  if (pattern.find("\\C") != std::string::npos) return "\\C (any byte) is not supported by Go's regexp";
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(8 << 20);
  RE2 re(pattern, options);
  if (re.ok()) return "";
  std::string rewritten = pattern;
  for (size_t at = rewritten.find("(?<"); at != std::string::npos; at = rewritten.find("(?<", at + 4)) {
    if (at + 3 < rewritten.size() && rewritten[at + 3] != '=' && rewritten[at + 3] != '!') {
      rewritten.insert(at + 2, "P");
    }
  }
  if (rewritten != pattern) {
    RE2 retry(rewritten, options);
    if (retry.ok()) return "";
  }
  return re.error();
}

std::string_view OperandKind(const Operand& o) {
  switch (o.type) {
    case Operand::Type::kMissing: return "no value";
    case Operand::Type::kNull: return "null";
    case Operand::Type::kBool: return "a boolean";
    case Operand::Type::kInt:
    case Operand::Type::kFloat: return "a number";
    case Operand::Type::kString: return "a string";
    case Operand::Type::kList: return "a list";
    case Operand::Type::kMap: return "a mapping";
  }
  return "a value";
}

// A valid deny rule: it blocks every call to its tool.
bool Blocks(const Rule& rule) {
  return rule.action == Action::kDeny && rule.conditions.empty() && !rule.rate_limit;
}

class Checker {
 public:
  Checker(const yaml::Tree& tree, const InterceptPolicy& policy, Reporter& reporter)
      : tree_(tree), policy_(policy), reporter_(reporter) {}
  void Run();

 private:
  // Counters a tool's rules keep: state blocks, and the _rate_<window> counter of each rate_limit
  // rule Intercept turns into a state block.
  void CollectCounters(const Tool& tool, const std::string& pointer);
  bool HasCounter(std::string_view tool, std::string_view counter) const;
  static bool Desugars(const Rule& rule) {
    return rule.rate_limit && rule.rate_limit->valid && rule.conditions.empty() && !rule.state &&
           rule.action != Action::kDeny && rule.action != Action::kRequireApproval;
  }
  void CheckRule(const Tool& tool, const Rule& rule, const std::string& pointer);
  void CheckCondition(const Condition& c, const std::string& pointer);
  void CheckOperand(const Condition& c, const std::string& pointer);
  void CheckState(const State& s, const std::string& pointer);
  void CheckDeadEntries();

  const yaml::Tree& tree_;
  const InterceptPolicy& policy_;
  Reporter& reporter_;
  std::map<std::string, std::map<std::string, uint32_t>, std::less<>> counters_;  // tool -> counter -> node
};

void Checker::Run() {
  for (const Tool& tool : policy_.tools) CollectCounters(tool, "/tools/" + PointerToken(tool.name));
  for (const Tool& tool : policy_.tools) {
    std::string pointer = "/tools/" + PointerToken(tool.name);
    for (size_t i = 0; i < tool.rules.size(); ++i) {
      CheckRule(tool, tool.rules[i], pointer + "/rules/" + std::to_string(i));
    }
  }
  CheckDeadEntries();
}

void Checker::CollectCounters(const Tool& tool, const std::string& pointer) {
  auto& counters = counters_[tool.name];
  for (size_t i = 0; i < tool.rules.size(); ++i) {
    const Rule& rule = tool.rules[i];
    std::string rule_pointer = pointer + "/rules/" + std::to_string(i);
    if (rule.state && !rule.state->counter.empty()) {
      auto [it, inserted] = counters.emplace(rule.state->counter, rule.state->counter_node);
      if (!inserted) {
        reporter_.At("invalid-rule", rule.state->counter_node,
                     "counter " + Quote(rule.state->counter) + " is already kept by another rule of tool " +
                         Quote(tool.name) + " (" + At(tree_, it->second) +
                         "); Intercept refuses two state blocks with one counter in a tool",
                     rule_pointer + "/state/counter");
      }
    } else if (Desugars(rule)) {
      std::string counter = "_rate_" + std::string(WindowName(rule.rate_limit->window));
      auto [it, inserted] = counters.emplace(counter, rule.rate_limit->node);
      if (!inserted) {
        reporter_.At("invalid-rule", rule.rate_limit->node,
                     "a second per-" + std::string(WindowName(rule.rate_limit->window)) + " limit on tool " +
                         Quote(tool.name) + " (the first is at " + At(tree_, it->second) +
                         "): Intercept keeps both in one counter, " + counter +
                         ", and refuses the policy; keep the stricter one",
                     rule_pointer + "/rate_limit");
      }
    }
  }
}

bool Checker::HasCounter(std::string_view tool, std::string_view counter) const {
  auto it = counters_.find(tool == "_global" ? std::string_view("*") : tool);
  if (it == counters_.end()) return false;
  return it->second.count(std::string(counter)) > 0;
}

void Checker::CheckRule(const Tool& tool, const Rule& rule, const std::string& pointer) {
  if (rule.name.empty()) {
    reporter_.At("schema", rule.name_node != kNoNode ? rule.name_node : rule.node,
                 "a rule needs a name: (Intercept refuses a rule without one)", pointer);
  }
  if (rule.approval_timeout && rule.action != Action::kRequireApproval) {
    reporter_.AtSeverity("invalid-rule", Severity::kWarning, rule.approval_timeout->node,
                         "approval_timeout: applies only to action: require_approval; here it is ignored",
                         pointer + "/approval_timeout");
  }
  if (rule.rate_limit) {
    // Intercept checks a rate_limit rule for these only (its other fields come from the shorthand).
    uint32_t at = rule.rate_limit->node;
    if (!rule.conditions.empty() || rule.state) {
      reporter_.At("invalid-rule", at,
                   "rate_limit: cannot be combined with conditions: or state:; put the limit in a rule of its own",
                   pointer + "/rate_limit");
    }
    if (rule.action == Action::kDeny) {
      reporter_.At("invalid-rule", at, "rate_limit: cannot be used with action: deny (a deny rule blocks every call)",
                   pointer + "/rate_limit");
    }
    if (rule.action == Action::kRequireApproval) {
      reporter_.At("invalid-rule", at,
                   "rate_limit: cannot be used with action: require_approval; put the limit in a rule of its own",
                   pointer + "/rate_limit");
    }
    return;
  }
  if (rule.action == Action::kDeny && !rule.conditions.empty()) {
    reporter_.At("invalid-rule", rule.conditions_node,
                 "a deny rule blocks every call and takes no conditions:; to block only some calls use an "
                 "evaluate rule whose conditions the allowed calls meet",
                 pointer + "/conditions");
  }
  if (rule.action == Action::kEvaluate && rule.conditions.empty()) {
    reporter_.At("invalid-rule", rule.action_written ? rule.action_node : rule.node,
                 std::string(rule.action_written ? "an evaluate rule" : "a rule with no action: (so evaluate)") +
                     " needs at least one condition; add conditions: or rate_limit:, or use action: deny",
                 pointer);
  }
  if (rule.action == Action::kRequireApproval && rule.state) {
    reporter_.At("invalid-rule", rule.state->node,
                 "state: cannot be used with action: require_approval; count in a rule of its own",
                 pointer + "/state");
  }
  for (size_t i = 0; i < rule.conditions.size(); ++i) {
    const Condition& c = rule.conditions[i];
    std::string cp = pointer + "/conditions/" + std::to_string(i);
    CheckCondition(c, cp);
    if (c.path.rfind("state.", 0) != 0) continue;
    std::string_view rest = std::string_view(c.path).substr(6);
    size_t dot = rest.find('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 1 == rest.size()) continue;
    std::string_view state_tool = rest.substr(0, dot), counter = rest.substr(dot + 1);
    if (!HasCounter(state_tool, counter)) {
      std::string owner = state_tool == "_global" ? "\"*\"" : Quote(state_tool);
      reporter_.At("invalid-rule", c.path_node,
                   "the condition reads " + Quote(c.path) + ", but no rule of tool " + owner +
                       " keeps state: {counter: " + std::string(counter) + "}; Intercept refuses the policy",
                   cp + "/path");
    }
  }
  (void)tool;
  if (rule.state) CheckState(*rule.state, pointer + "/state");
}

void Checker::CheckCondition(const Condition& c, const std::string& pointer) {
  if (c.path_node == kNoNode || c.path.empty()) {
    reporter_.At("schema", c.path_node != kNoNode ? c.path_node : c.node,
                 "a condition needs path: (args.<argument> or state.<tool>.<counter>)", pointer);
  } else if (c.path.rfind("args.", 0) != 0 && c.path.rfind("state.", 0) != 0) {
    std::string hint = c.path.find('.') == std::string::npos ? "; did you mean \"args." + c.path + "\"?" : "";
    reporter_.At("schema", c.path_node,
                 "path: must start with args. or state., found " + Quote(c.path) + hint, pointer + "/path");
  } else if (c.path == "args.") {
    reporter_.At("schema", c.path_node, "path: args. must name an argument (args.<argument>)", pointer + "/path");
  } else if (c.path.rfind("state.", 0) == 0) {
    std::string_view rest = std::string_view(c.path).substr(6);
    size_t dot = rest.find('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 1 == rest.size()) {
      reporter_.At("schema", c.path_node,
                   "path: a state path is state.<tool or _global>.<counter>, found " + Quote(c.path),
                   pointer + "/path");
    }
  }
  if (c.op_node == kNoNode || c.op.empty()) {
    reporter_.At("schema", c.op_node != kNoNode ? c.op_node : c.node,
                 "a condition needs op: (eq, neq, in, not_in, lt, lte, gt, gte, regex, contains or exists)", pointer);
    return;
  }
  if (!KnownOp(c.op)) {
    std::string guess = GuessOp(c.op);
    reporter_.At("schema", c.op_node,
                 "unknown operator " + Quote(c.op) +
                     (guess.empty() ? "; operators are eq, neq, in, not_in, lt, lte, gt, gte, regex, contains, exists"
                                    : "; did you mean " + guess + "?"),
                 pointer + "/op");
    return;
  }
  CheckOperand(c, pointer);
}

void Checker::CheckOperand(const Condition& c, const std::string& pointer) {
  const Operand& v = c.value;
  uint32_t at = v.node != kNoNode ? v.node : c.node;
  std::string vp = pointer + "/value";
  auto numeric = [](const Operand& o) { return o.type == Operand::Type::kInt || o.type == Operand::Type::kFloat; };
  if (c.op == "in" || c.op == "not_in") {
    if (v.type != Operand::Type::kList) {
      reporter_.At("invalid-rule", at,
                   "operator " + c.op + " needs a list value (value: [a, b]), found " + std::string(OperandKind(v)),
                   vp);
    }
  } else if (c.op == "lt" || c.op == "lte" || c.op == "gt" || c.op == "gte") {
    if (!numeric(v)) {
      std::string hint;
      if (v.type == Operand::Type::kString) {
        yaml::ScalarValue plain = yaml::ResolvePlain(v.text);
        if (plain.type == yaml::ScalarType::kInt || plain.type == yaml::ScalarType::kFloat) {
          hint = "; remove the quotes around " + v.text;
        }
      }
      reporter_.At("invalid-rule", at,
                   "operator " + c.op + " needs a number, found " + std::string(OperandKind(v)) + hint, vp);
    }
  } else if (c.op == "exists") {
    if (v.type != Operand::Type::kBool) {
      reporter_.At("invalid-rule", at,
                   "operator exists needs value: true or value: false, found " + std::string(OperandKind(v)), vp);
    }
  } else if (c.op == "regex") {
    if (v.type != Operand::Type::kString) {
      reporter_.At("invalid-rule", at, "operator regex needs a string pattern, found " + std::string(OperandKind(v)),
                   vp);
    } else if (std::string error = RegexError(v.text); !error.empty()) {
      reporter_.At("invalid-rule", at, "the pattern " + Quote(v.text) + " does not compile: " + error, vp);
    }
  }
}

void Checker::CheckState(const State& s, const std::string& pointer) {
  if (s.counter.empty()) {
    reporter_.At("schema", s.counter_node != kNoNode ? s.counter_node : s.node,
                 "state: needs a counter: name", pointer);
  }
  if (s.window == Window::kUnknown) {
    uint32_t at = s.window_node != kNoNode ? s.window_node : s.node;
    std::string found = s.window_text.empty() ? "nothing" : Quote(s.window_text);
    std::string hint;
    yaml::ScalarValue plain = yaml::ResolvePlain(s.window_text);
    if (plain.type == yaml::ScalarType::kInt) {
      hint = " (a unit name, not a number of seconds)";
    } else if (std::string guess = Suggest(s.window_text, {"minute", "hour", "day"}); !guess.empty()) {
      hint = "; did you mean " + guess + "?";
    }
    reporter_.At("schema", at, "window: must be minute, hour or day, found " + found + hint, pointer + "/window");
  }
  if (!s.increment_from.empty() && s.increment_from.rfind("args.", 0) != 0) {
    reporter_.At("schema", s.increment_from_node,
                 "increment_from: must start with args. (the argument whose value is counted), found " +
                     Quote(s.increment_from),
                 pointer + "/increment_from");
  }
}

void Checker::CheckDeadEntries() {
  const HideEntry* hide_all = nullptr;
  std::map<std::string, const HideEntry*, std::less<>> hidden;
  for (const HideEntry& h : policy_.hide) {
    if (h.name == "*") hide_all = &h;
    hidden.emplace(h.name, &h);
  }
  const Rule* deny_all = nullptr;
  for (const Tool& tool : policy_.tools) {
    for (const Rule& rule : tool.rules) {
      if (tool.name == "*" && Blocks(rule) && !deny_all) deny_all = &rule;
    }
  }
  for (const Tool& tool : policy_.tools) {
    std::string pointer = "/tools/" + PointerToken(tool.name);
    // A tool hidden, or listed beside hide: ["*"], is the dead-entry rule's finding on the
    // neutral model (rules/dead_entry.cc); here only rules a deny rule makes moot.
    if (hide_all || hidden.count(tool.name)) continue;
    // Every call to the tool is denied by an unconditional deny rule: its other rules decide nothing.
    const Rule* deny = deny_all;
    for (const Rule& rule : tool.rules) {
      if (Blocks(rule) && !deny) deny = &rule;
    }
    if (!deny) continue;
    for (size_t i = 0; i < tool.rules.size(); ++i) {
      const Rule& rule = tool.rules[i];
      if (&rule == deny || rule.action == Action::kDeny) continue;
      std::string name = rule.name.empty() ? std::to_string(i + 1) : Quote(rule.name);
      reporter_.At("dead-entry", rule.node,
                   "rule " + name + " never decides anything: the deny rule " + Quote(deny->name) +
                       " (" + At(tree_, deny->node) + ") blocks every call to " +
                       (deny == deny_all ? std::string("every tool") : "this tool"),
                   pointer + "/rules/" + std::to_string(i));
    }
  }
}

}  // namespace

void CheckPolicy(const yaml::Tree& tree, const InterceptPolicy& policy, Reporter& reporter) {
  Checker(tree, policy, reporter).Run();
}

}  // namespace mcpolicy::intercept
