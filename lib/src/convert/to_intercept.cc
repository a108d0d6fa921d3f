// The neutral model as Intercept YAML, through the shared Intercept writer, with what Intercept
// cannot say reported as losses.
#include <map>
#include <set>

#include "convert/emit.h"
#include "intercept/policy.h"
#include "intercept/write.h"
#include "util/text.h"

namespace mcpolicy::convert {
namespace {

constexpr std::string_view kTarget = "Intercept YAML";

intercept::Window InterceptWindow(Window window) {
  switch (window) {
    case Window::kMinute: return intercept::Window::kMinute;
    case Window::kHour: return intercept::Window::kHour;
    case Window::kDay: return intercept::Window::kDay;
  }
  return intercept::Window::kMinute;
}

// False when Intercept has no operand for `v` (a mapping or a nested list).
bool ToOperand(const ConditionValue& v, intercept::Operand& out) {
  using Kind = ConditionValue::Kind;
  using Type = intercept::Operand::Type;
  switch (v.kind) {
    case Kind::kMissing: out.type = Type::kMissing; return true;
    case Kind::kNull: out.type = Type::kNull; return true;
    case Kind::kBool:
      out.type = Type::kBool;
      out.boolean = v.boolean;
      return true;
    case Kind::kNumber:
      out.type = v.number == static_cast<double>(static_cast<int64_t>(v.number)) ? Type::kInt : Type::kFloat;
      out.number = v.number;
      return true;
    case Kind::kString:
      out.type = Type::kString;
      out.text = std::string(v.text);
      return true;
    case Kind::kList:
      out.type = Type::kList;
      for (const ConditionValue& item : v.items) {
        if (!ToOperand(item, out.items.emplace_back())) return false;
      }
      return true;
    case Kind::kOther: break;
  }
  return false;
}

class YamlWriter {
 public:
  YamlWriter(const Policy& policy, DiagnosticSink& sink) : policy_(policy), sink_(sink) {}

  std::string Run() {
    for (const Unmapped& u : policy_.unmapped) {
      ReportLoss(sink_, u.loc, u.what + " has no equivalent in " + std::string(kTarget) + "; not converted");
    }
    if (policy_.counters_shared) FindSharedCounters();
    intercept::InterceptPolicy out;
    out.version = "1";
    out.default_written = policy_.default_action != DefaultAction::kUnset;
    out.default_policy = policy_.default_action == DefaultAction::kDeny ? intercept::Default::kDeny
                                                                        : intercept::Default::kAllow;
    for (const HideEntry& h : policy_.hide) out.hide.push_back({std::string(h.name), intercept::kNoNode});
    for (const ToolRules& t : policy_.tools) out.tools.push_back(ToolOf(t));
    if (!policy_.all_tools_limits.empty()) {
      intercept::Tool all;
      all.name = "*";
      AddLimits(policy_.all_tools_limits, "*", "_global", all);
      if (!all.rules.empty()) out.tools.push_back(std::move(all));
    }
    return intercept::Write(out);
  }

 private:
  // Hosted JSON limits naming one counter share a quota; Intercept's counters are each tool's own.
  void FindSharedCounters() {
    std::map<std::string_view, std::set<std::string_view>> owners;
    for (const Limit& l : policy_.all_tools_limits) owners[l.counter].insert("*");
    for (const ToolRules& t : policy_.tools) {
      for (const Limit& l : t.limits) owners[l.counter].insert(t.name);
    }
    for (auto& [counter, tools] : owners) {
      if (tools.size() > 1 && !counter.empty()) shared_.insert(counter);
    }
  }

  intercept::Condition Convert(const Condition& c, std::string_view op, bool flip_exists, bool& ok) {
    intercept::Condition out;
    out.path = std::string(c.path);
    out.op = std::string(op);
    ok = true;
    if (!c.path.starts_with("args.")) {
      ReportLoss(sink_, c.loc,
                 "a condition on " + QuotedName(c.path) + " has no equivalent in " + std::string(kTarget) +
                     ", which reads state only from a counter a state: block of the tool keeps; the "
                     "condition is not converted");
      ok = false;
      return out;
    }
    if (!ToOperand(c.value, out.value)) {
      ReportLoss(sink_, c.loc,
                 "the value of this condition (a mapping or a nested list) has no equivalent in " +
                     std::string(kTarget) + "; the condition is not converted");
      ok = false;
      return out;
    }
    if (c.op == "exists" && out.value.type == intercept::Operand::Type::kMissing) {
      // Hosted JSON's exists may leave out its value (true); Intercept's needs it written.
      out.value.type = intercept::Operand::Type::kBool;
      out.value.boolean = true;
    }
    if (flip_exists && out.value.type == intercept::Operand::Type::kBool) out.value.boolean = !out.value.boolean;
    return out;
  }

  intercept::Tool ToolOf(const ToolRules& t) {
    intercept::Tool tool;
    tool.name = std::string(t.name);
    intercept::Rule block, require, approval;
    block.name = "block operations";
    require.name = "require arguments";
    approval.name = "approval";
    approval.action = intercept::Action::kRequireApproval;
    for (const Condition& c : t.deny_if) {
      bool ok = false;
      if (c.approval) {
        intercept::Condition converted = Convert(c, c.op, false, ok);
        if (ok) approval.conditions.push_back(std::move(converted));
        continue;
      }
      // An evaluate rule passes the calls meeting its conditions: the opposite test of deny_if's.
      std::optional<std::string_view> negated = NegatedOp(c.op);
      if (!negated || (c.op == "exists" && c.value.kind != ConditionValue::Kind::kBool &&
                       c.value.kind != ConditionValue::Kind::kMissing)) {
        ReportLoss(sink_, c.loc,
                   "a deny_if with op " + std::string(c.op) + " has no equivalent in " + std::string(kTarget) +
                       ", whose evaluate rules can only require what " + std::string(c.op) +
                       " tests, never its opposite; the condition is not converted");
        continue;
      }
      intercept::Condition converted = Convert(c, *negated, c.op == "exists", ok);
      if (ok) block.conditions.push_back(std::move(converted));
    }
    for (const Condition& c : t.require) {
      bool ok = false;
      intercept::Condition converted = Convert(c, c.op, false, ok);
      if (ok) require.conditions.push_back(std::move(converted));
    }
    if (t.denied) {
      intercept::Rule deny;
      deny.name = "block";
      deny.action = intercept::Action::kDeny;
      tool.rules.push_back(std::move(deny));
    }
    if (!block.conditions.empty()) tool.rules.push_back(std::move(block));
    if (!require.conditions.empty()) tool.rules.push_back(std::move(require));
    if (t.approval) approval.conditions.clear();
    if (t.approval || !approval.conditions.empty()) tool.rules.push_back(std::move(approval));
    AddLimits(t.limits, t.name, t.name, tool);
    return tool;
  }

  // The first limit of each window as `rate_limit: N/window`; others (and a limit of 0, which
  // rate_limit cannot say) as a state counter with an lt condition, which the model reads back
  // as the same limit. `state_owner` is the tool's name in state paths (_global for "*").
  void AddLimits(std::span<const Limit> limits, std::string_view owner, std::string_view state_owner,
                 intercept::Tool& tool) {
    std::set<intercept::Window> windows;
    std::set<std::string> counters;
    for (const Limit& l : limits) {
      if (l.spend_cap) {
        ReportLoss(sink_, l.loc, "a spend cap has no equivalent in the model's limits; not converted");
        continue;
      }
      if (!l.Enforced()) continue;
      if (shared_.count(l.counter)) {
        ReportLoss(sink_, l.counter_loc,
                   "counter " + QuotedName(l.counter) + " is shared by several tools' limits (one quota "
                   "in hosted JSON); " + std::string(kTarget) + " counts each tool's calls on its own, "
                   "so " + (owner == "*" ? std::string("the \"*\" rule") : QuotedName(owner)) +
                       " gets a quota of its own");
      }
      intercept::Window window = InterceptWindow(*l.window);
      intercept::Rule rule;
      std::string name = l.counter.empty() ? std::string(owner) + "_rate" : std::string(l.counter);
      rule.name = name;
      if (*l.max >= 1 && windows.insert(window).second) {
        intercept::RateLimit rate;
        rate.valid = true;
        rate.count = static_cast<int64_t>(*l.max);
        rate.window = window;
        rule.rate_limit = rate;
        tool.rules.push_back(std::move(rule));
        continue;
      }
      if (state_owner.find('.') != std::string_view::npos) {
        ReportLoss(sink_, l.loc,
                   "a second limit on " + QuotedName(owner) + " per " + std::string(WindowName(*l.window)) +
                       " needs a state counter, and Intercept cannot name the counter of a tool whose "
                       "name holds a dot (state.<tool>.<counter>); not converted");
        continue;
      }
      std::string counter = name;
      for (int n = 2; counter.starts_with("_rate_") || !counters.insert(counter).second; ++n) {
        counter = name + "_" + std::to_string(n);
      }
      rule.name = counter;
      intercept::State state;
      state.counter = counter;
      state.window = window;
      rule.state = state;
      intercept::Condition below;
      below.path = "state." + std::string(state_owner) + "." + counter;
      below.op = "lt";
      below.value.type = intercept::Operand::Type::kInt;
      below.value.number = *l.max;
      rule.conditions.push_back(std::move(below));
      tool.rules.push_back(std::move(rule));
    }
  }

  const Policy& policy_;
  DiagnosticSink& sink_;
  std::set<std::string_view> shared_;
};

}  // namespace

std::string ToIntercept(const Policy& policy, DiagnosticSink& sink) {
  return YamlWriter(policy, sink).Run();
}

}  // namespace mcpolicy::convert
