// Intercept policy -> neutral model, the tree as a SourceMap, and advice in YAML keys.
#include "intercept/model.h"

#include <cmath>

#include "intercept/report.h"
#include "util/text.h"

namespace mcpolicy::intercept {
namespace {

std::optional<mcpolicy::Window> ModelWindow(Window window) {
  switch (window) {
    case Window::kMinute: return mcpolicy::Window::kMinute;
    case Window::kHour: return mcpolicy::Window::kHour;
    case Window::kDay: return mcpolicy::Window::kDay;
    case Window::kUnknown: break;
  }
  return std::nullopt;
}

// Everything a tool's rules add to the model, gathered before the storage spans are taken.
struct Parts {
  std::vector<Limit> limits;
  std::vector<mcpolicy::Condition> require;
  std::vector<mcpolicy::Condition> deny_if;
  bool denied = false;
  bool approval = false;
};

class Mapper {
 public:
  Mapper(const InterceptPolicy& source, Model& model) : source_(source), model_(model) {}

  void Run() {
    Policy& p = model_.policy;
    p.default_written = source_.default_written;
    p.counters_shared = false;
    p.default_action = source_.default_policy == Default::kDeny    ? DefaultAction::kDeny
                       : source_.default_policy == Default::kAllow ? DefaultAction::kAllow
                                                                   : DefaultAction::kUnset;
    // An omitted default is allow; findings about it point at the top of the file.
    p.default_loc = source_.default_written ? source_.default_node : source_.root;
    for (const HideEntry& h : source_.hide) {
      p.hide.push_back({h.name, h.node});
      if (h.name == "*" && p.hide_all_loc == kNoLoc) p.hide_all_loc = h.node;
    }
    p.tools_loc = source_.tools_node;
    if (!source_.description.empty()) Unmapped(source_.description_node, "the description");
    if (source_.approvals) Unmapped(source_.approvals->node, "the approvals: block");
    std::vector<Parts> parts;
    std::vector<const Tool*> listed;
    for (const Tool& tool : source_.tools) {
      Parts part = Gather(tool);
      if (tool.name == "*") {
        // Only call quotas apply to every tool in the model; the wildcard's other rules do not.
        for (const Limit& l : part.limits) {
          if (l.max && !l.spend_cap) p.all_tools_limits.push_back(l);
          else Unmapped(l.loc, "a \"*\" rule other than a rate limit");
        }
        if (!part.require.empty() || !part.deny_if.empty() || part.denied || part.approval) {
          Unmapped(tool.key_node, "a \"*\" rule other than a rate limit");
        }
        continue;
      }
      ++p.tools_written;
      listed.push_back(&tool);
      parts.push_back(std::move(part));
    }
    size_t limits = 0, conditions = 0;
    for (const Parts& part : parts) {
      limits += part.limits.size();
      conditions += part.require.size() + part.deny_if.size();
    }
    p.limit_storage.reserve(limits);
    p.condition_storage.reserve(conditions);
    p.tools.reserve(parts.size());
    for (size_t i = 0; i < parts.size(); ++i) {
      const Tool& tool = *listed[i];
      Parts& part = parts[i];
      ToolRules t;
      t.name = tool.name;
      t.key_loc = tool.key_node;
      t.value_loc = tool.value_node;
      t.denied = part.denied;
      t.approval = part.approval;
      size_t begin = p.limit_storage.size();
      p.limit_storage.insert(p.limit_storage.end(), part.limits.begin(), part.limits.end());
      t.limits = std::span(p.limit_storage.data() + begin, part.limits.size());
      begin = p.condition_storage.size();
      p.condition_storage.insert(p.condition_storage.end(), part.require.begin(), part.require.end());
      t.require = std::span(p.condition_storage.data() + begin, part.require.size());
      begin = p.condition_storage.size();
      p.condition_storage.insert(p.condition_storage.end(), part.deny_if.begin(), part.deny_if.end());
      t.deny_if = std::span(p.condition_storage.data() + begin, part.deny_if.size());
      p.tools.push_back(t);
    }
  }

 private:
  // The condition's string values, in storage that outlives the spans.
  void Unmapped(uint32_t node, std::string what) {
    model_.policy.unmapped.push_back({node, std::move(what)});
  }

  mcpolicy::ConditionValue Value(const Operand& o, bool nested = false) {
    mcpolicy::ConditionValue v;
    using Kind = mcpolicy::ConditionValue::Kind;
    switch (o.type) {
      case Operand::Type::kMissing: break;
      case Operand::Type::kNull: v.kind = Kind::kNull; break;
      case Operand::Type::kBool:
        v.kind = Kind::kBool;
        v.boolean = o.boolean;
        break;
      case Operand::Type::kInt:
      case Operand::Type::kFloat:
        v.kind = Kind::kNumber;
        v.number = o.number;
        break;
      case Operand::Type::kString:
        v.kind = Kind::kString;
        v.text = o.text;
        break;
      case Operand::Type::kList: {
        if (nested) {
          v.kind = Kind::kOther;
          break;
        }
        auto& items = model_.policy.value_lists.emplace_back();
        for (const Operand& item : o.items) {
          items.push_back(Value(item, true));
          if (items.back().kind == Kind::kOther) {
            v.kind = Kind::kOther;
            return v;
          }
        }
        v.kind = Kind::kList;
        v.items = items;
        break;
      }
      case Operand::Type::kMap: v.kind = Kind::kOther; break;
    }
    return v;
  }

  mcpolicy::Condition Convert(const intercept::Condition& c, bool approval) {
    mcpolicy::Condition out;
    out.path = c.path;
    out.op = c.op;
    out.loc = c.node;
    out.value = Value(c.value);
    out.approval = approval;
    auto& values = model_.value_lists.emplace_back();
    if (c.value.type == Operand::Type::kList) {
      for (const Operand& item : c.value.items) {
        if (item.type == Operand::Type::kString) values.push_back(item.text);
      }
    } else if (c.value.type == Operand::Type::kString) {
      values.push_back(c.value.text);
    }
    out.values = values;
    return out;
  }

  Parts Gather(const Tool& tool) {
    Parts part;
    for (const Rule& rule : tool.rules) {
      if (rule.rate_limit && rule.rate_limit->valid) {
        Limit l;
        l.counter = rule.name.empty() ? std::string_view("rate_limit") : std::string_view(rule.name);
        l.window = ModelWindow(rule.rate_limit->window);
        l.max = static_cast<double>(rule.rate_limit->count);
        l.loc = rule.node;
        l.counter_loc = rule.name_node != kNoNode ? rule.name_node : rule.node;
        l.max_loc = rule.rate_limit->node;
        part.limits.push_back(l);
      }
      const Limit* state_limit = nullptr;
      if (rule.state) state_limit = StateLimit(rule, part);
      for (const intercept::Condition& c : rule.conditions) {
        if (!c.path.starts_with("args.")) {
          // A condition on the rule's own counter is part of its limit (or spend cap).
          if (!(state_limit && c.path.ends_with("." + rule.state->counter))) {
            Unmapped(c.node, "a condition on " + c.path + " (a counter the model keeps only as a limit)");
          }
          continue;
        }
        switch (rule.action) {
          case Action::kEvaluate: part.require.push_back(Convert(c, false)); break;
          case Action::kRequireApproval: part.deny_if.push_back(Convert(c, true)); break;
          case Action::kDeny:
          case Action::kUnknown: break;
        }
      }
      if (rule.action == Action::kDeny && rule.conditions.empty()) part.denied = true;
      if (rule.action == Action::kRequireApproval && rule.conditions.empty()) part.approval = true;
      if (rule.on_deny) Unmapped(rule.on_deny_node, "on_deny text");
      if (rule.approval_timeout) Unmapped(rule.approval_timeout->node, "approval_timeout");
      if (!NameRegenerated(rule)) Unmapped(rule.name_node, "the rule name " + Quote(rule.name));
    }
    return part;
  }

  // Whether `rule`'s name carries nothing a rewrite loses: a limit's name is its counter, and
  // other rules' names are the ones convert writes for their kind (docs/convert.md).
  static bool NameRegenerated(const Rule& rule) {
    if (rule.name.empty() || rule.rate_limit) return true;
    if (rule.state) return rule.name == rule.state->counter;
    switch (rule.action) {
      case Action::kEvaluate: return rule.name == "block operations" || rule.name == "require arguments";
      case Action::kDeny: return rule.name == "block";
      case Action::kRequireApproval: return rule.name == "approval";
      case Action::kUnknown: break;
    }
    return true;
  }

  // A state counter read by a `state.<tool>.<counter>` lt/lte condition of the same rule: a call
  // quota, or with increment_from a spend cap (a guard with no call count).
  const Limit* StateLimit(const Rule& rule, Parts& part) {
    const State& s = *rule.state;
    Limit l;
    l.counter = s.counter;
    l.window = ModelWindow(s.window);
    l.loc = s.node;
    l.counter_loc = s.counter_node != kNoNode ? s.counter_node : s.node;
    l.spend_cap = !s.increment_from.empty();
    if (s.increment_from.empty() && s.increment == 1) {
      for (const intercept::Condition& c : rule.conditions) {
        bool numeric = c.value.type == Operand::Type::kInt || c.value.type == Operand::Type::kFloat;
        if (!c.path.starts_with("state.") || !c.path.ends_with("." + s.counter) || !numeric) continue;
        if (c.op == "lt") l.max = std::ceil(c.value.number);
        if (c.op == "lte") l.max = std::floor(c.value.number) + 1;
        if (l.max) l.max_loc = c.value.node != kNoNode ? c.value.node : c.node;
      }
    }
    if (!l.spend_cap && !l.max) Unmapped(s.node, "a counter that is no call quota (state: with no lt or lte maximum, or an increment other than 1)");
    part.limits.push_back(l);
    return &part.limits.back();
  }

  const InterceptPolicy& source_;
  Model& model_;
};

}  // namespace

void Map(const InterceptPolicy& source, Model& model) { Mapper(source, model).Run(); }

TextPoint TreeSource::Locate(uint32_t offset) const {
  yaml::Position p = tree_.Locate(offset);
  return {p.line, p.column};
}

void TreeSource::BuildParents() const {
  const size_t n = tree_.nodes().size();
  parent_.assign(n, yaml::kNoNode);
  token_.assign(n, "");
  if (tree_.root() == yaml::kNoNode) return;
  std::vector<uint32_t> stack{tree_.root()};
  std::vector<bool> seen(n, false);
  seen[tree_.root()] = true;
  auto visit = [&](uint32_t child, uint32_t parent, std::string token) {
    if (child >= n || seen[child]) return;
    seen[child] = true;
    parent_[child] = parent;
    token_[child] = std::move(token);
    stack.push_back(child);
  };
  while (!stack.empty()) {
    uint32_t node = stack.back();
    stack.pop_back();
    const yaml::Node& nd = tree_.node(node);
    if (nd.kind == yaml::Kind::kMap) {
      for (auto [key, value] : tree_.WrittenEntries(node)) {
        std::string name(tree_.ScalarText(key));
        visit(key, node, name);
        visit(value, node, name);
      }
    } else if (nd.kind == yaml::Kind::kSeq) {
      std::vector<uint32_t> items = tree_.Items(node);
      for (size_t i = 0; i < items.size(); ++i) visit(items[i], node, std::to_string(i));
    }
  }
}

std::string TreeSource::PointerOf(LocId id) const {
  if (parent_.empty()) BuildParents();
  std::vector<const std::string*> tokens;
  for (uint32_t at = id; at < parent_.size() && parent_[at] != yaml::kNoNode; at = parent_[at]) {
    tokens.push_back(&token_[at]);
  }
  std::string out;
  for (auto it = tokens.rbegin(); it != tokens.rend(); ++it) {
    out += '/';
    out += PointerToken(**it);
  }
  return out;
}

namespace {

// The op that denies what `op` matches, for an evaluate rule (whose conditions must all hold).
std::string_view Negated(std::string_view op) {
  if (op == "in") return "not_in";
  if (op == "not_in") return "in";
  if (op == "eq") return "neq";
  if (op == "neq") return "eq";
  if (op == "gt") return "lte";
  if (op == "lte") return "gt";
  if (op == "lt") return "gte";
  if (op == "gte") return "lt";
  return op;
}

class InterceptYaml final : public PolicyWording {
 public:
  std::string Key(PolicyKey key) const override {
    switch (key) {
      case PolicyKey::kTools: return "tools:";
      case PolicyKey::kHide: return "hide:";
      case PolicyKey::kGuard: return "rule condition";
      case PolicyKey::kMax: return "rate_limit";
    }
    return "";
  }
  std::string DefaultIs(DefaultAction action) const override {
    return action == DefaultAction::kDeny ? "default: deny" : "default: allow";
  }
  std::string DefaultOmitted() const override { return "leaving out default: (Intercept then allows)"; }
  std::string HideAll() const override { return "hide: [\"*\"]"; }
  std::string MaxIsZero() const override { return "a limit of 0"; }
  std::string SharedLimit() const override { return "\"*\" rate limit"; }
  std::string GuardAdvice() const override { return "a rule with conditions"; }
  std::string LimitSnippet(std::string_view, mcpolicy::Window window, double max) const override {
    return "rules: [{name: \"rate limit\", rate_limit: " + FormatNumber(max) + "/" +
           std::string(mcpolicy::WindowName(window)) + "}]";
  }
  std::string GuardSnippet(std::string_view path, std::string_view op,
                           std::string_view value) const override {
    return "rules: [{name: \"guard\", conditions: [{path: " + std::string(path) + ", op: " +
           std::string(Negated(op)) + ", value: " + std::string(value) + "}]}] (or action: "
           "require_approval)";
  }
  std::string ListedBare(std::string_view tool) const override {
    return "tools: {" + QuotedName(tool) + ": {rules: []}}";
  }
};

}  // namespace

const PolicyWording& InterceptWording() {
  static const InterceptYaml wording;
  return wording;
}

}  // namespace mcpolicy::intercept
