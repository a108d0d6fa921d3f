// ReadPolicy: the YAML tree of an Intercept policy into InterceptPolicy, reporting what
// go-yaml would refuse to decode (a list where a string goes), values outside their sets, and
// keys Intercept does not know.
#include <algorithm>
#include <unordered_map>

#include "intercept/keys.h"
#include "intercept/read.h"
#include "intercept/report.h"
#include "util/suggest.h"
#include "yaml/scalar.h"

namespace mcpolicy::intercept {

namespace {

using yaml::Kind;
using yaml::ScalarType;


std::string LineOf(const yaml::Tree& tree, uint32_t node) {
  yaml::Position p = tree.node(node).begin;
  return "line " + std::to_string(p.line) + ", column " + std::to_string(p.column);
}

class Reader {
 public:
  Reader(const yaml::Tree& tree, Reporter& reporter, InterceptPolicy& policy)
      : tree_(tree), reporter_(reporter), policy_(policy) {}
  void Run();

 private:
  using Entries = std::vector<std::pair<uint32_t, uint32_t>>;
  // The mapping's effective entries; reports each key unknown at `place`.
  Entries MapEntries(uint32_t map, Place place, const std::string& pointer);
  std::string Describe(uint32_t node) const;
  // A string field: any scalar (go-yaml writes 5 as "5"), nothing for null, a finding for a
  // collection. Returns false when the value is not usable.
  bool ReadString(uint32_t node, std::string_view field, const std::string& pointer, std::string* out);
  void ReadHide(uint32_t node);
  void ReadTools(uint32_t node);
  void ReadRules(uint32_t node, Tool& tool, const std::string& pointer);
  void ReadRule(uint32_t node, Rule& rule, const std::string& pointer);
  void ReadRateLimit(uint32_t node, Rule& rule, const std::string& pointer);
  void ReadCondition(uint32_t node, Condition& condition, const std::string& pointer);
  Operand ReadOperand(uint32_t node, int depth) const;
  void ReadState(uint32_t node, State& state, const std::string& pointer);
  std::optional<Duration> ReadDuration(uint32_t node, std::string_view field, const std::string& pointer,
                                       Severity severity);
  void ReadApprovals(uint32_t node);

  const yaml::Tree& tree_;
  Reporter& reporter_;
  InterceptPolicy& policy_;
};

std::string Reader::Describe(uint32_t node) const {
  uint32_t r = tree_.Resolve(node);
  switch (tree_.node(r).kind) {
    case Kind::kMap: return "a mapping";
    case Kind::kSeq: return "a list";
    default: break;
  }
  yaml::ScalarValue v = yaml::ResolveScalar(tree_, r);
  std::string_view text = tree_.ScalarText(r);
  switch (v.type) {
    case ScalarType::kNull: return "nothing (null)";
    case ScalarType::kBool: return "the boolean " + std::string(text);
    case ScalarType::kInt:
    case ScalarType::kFloat: return "the number " + std::string(text);
    case ScalarType::kString: return "the string " + Quote(text);
  }
  return "a value";
}

Reader::Entries Reader::MapEntries(uint32_t map, Place place, const std::string& pointer) {
  Entries entries = tree_.Entries(map);
  Severity severity = place == Place::kApprovals || place == Place::kNotify || place == Place::kWebhook
                          ? Severity::kWarning
                          : Severity::kError;
  for (auto [k, v] : entries) {
    std::string_view key = tree_.ScalarText(k);
    if (!IsKnownKey(place, key)) {
      reporter_.AtSeverity("schema", severity, k, UnknownKeyMessage(place, key),
                           pointer + "/" + PointerToken(key));
    }
  }
  return entries;
}

bool Reader::ReadString(uint32_t node, std::string_view field, const std::string& pointer,
                        std::string* out) {
  uint32_t r = tree_.Resolve(node);
  if (tree_.node(r).kind != Kind::kScalar) {
    reporter_.At("schema", node, std::string(field) + ": must be a string, found " + Describe(node), pointer);
    return false;
  }
  if (yaml::ResolveScalar(tree_, r).type == ScalarType::kNull) {
    out->clear();
    return true;
  }
  *out = std::string(tree_.ScalarText(r));
  return true;
}

void Reader::Run() {
  uint32_t root = tree_.root();
  policy_.root = root;
  if (root == yaml::kNoNode) return;
  if (!tree_.IsMap(root)) {
    reporter_.At("schema", root,
                 "an Intercept policy is a mapping (version:, default:, hide:, tools:) at the top level, "
                 "found " + Describe(root));
    return;
  }
  for (auto [k, v] : MapEntries(root, Place::kTop, "")) {
    std::string_view key = tree_.ScalarText(k);
    std::string pointer = "/" + std::string(key);
    if (key == "version") {
      policy_.version_node = v;
      std::string version;
      if (ReadString(v, "version", pointer, &version)) {
        policy_.version = version;
        if (version != "1") {
          reporter_.At("schema", v, "version: must be \"1\", found " + Describe(v), pointer);
        }
      }
    } else if (key == "description") {
      policy_.description_node = v;
      ReadString(v, "description", pointer, &policy_.description);
    } else if (key == "default") {
      std::string value;
      if (!ReadString(v, "default", pointer, &value)) continue;
      policy_.default_node = v;
      if (value.empty()) continue;  // null: Intercept's default, allow
      policy_.default_written = true;
      if (value == "allow" || value == "deny") {
        policy_.default_policy = value == "allow" ? Default::kAllow : Default::kDeny;
      } else {
        policy_.default_policy = Default::kUnknown;
        std::string guess = Suggest(value, {"allow", "deny"});
        reporter_.At("schema", v,
                     "default: must be allow or deny, found " + Describe(v) +
                         (guess.empty() ? "" : "; did you mean " + guess + "?"),
                     pointer);
      }
    } else if (key == "hide") {
      ReadHide(v);
    } else if (key == "tools") {
      ReadTools(v);
    } else if (key == "approvals") {
      ReadApprovals(v);
    }
  }
  if (policy_.version_node == yaml::kNoNode) {
    reporter_.At("schema", root, "missing version: \"1\" at the top level; Intercept refuses a policy without it");
  }
}

void Reader::ReadHide(uint32_t node) {
  policy_.hide_node = node;
  uint32_t r = tree_.Resolve(node);
  if (tree_.node(r).kind == Kind::kScalar && yaml::ResolveScalar(tree_, r).type == ScalarType::kNull) return;
  if (tree_.node(r).kind != Kind::kSeq) {
    reporter_.At("schema", node,
                 "hide: must be a list of tool names (hide: [tool_a, tool_b]), found " + Describe(node), "/hide");
    return;
  }
  std::unordered_map<std::string, uint32_t> seen;
  uint32_t i = 0;
  for (uint32_t item : tree_.Items(r)) {
    std::string pointer = "/hide/" + std::to_string(i++);
    std::string name;
    if (!ReadString(item, "a hide entry", pointer, &name)) continue;
    if (name.find_first_not_of(" \t") == std::string::npos) {
      reporter_.At("schema", item, "a hide entry must not be empty; write a tool name or \"*\"", pointer);
      continue;
    }
    auto [it, inserted] = seen.emplace(name, item);
    if (!inserted) {
      reporter_.At("schema", item,
                   Quote(name) + " is in hide twice (first at " + LineOf(tree_, it->second) +
                       "); Intercept refuses a repeated entry",
                   pointer);
      continue;
    }
    policy_.hide.push_back({name, item});
  }
}

void Reader::ReadTools(uint32_t node) {
  policy_.tools_node = node;
  uint32_t r = tree_.Resolve(node);
  if (tree_.node(r).kind == Kind::kScalar && yaml::ResolveScalar(tree_, r).type == ScalarType::kNull) return;
  if (tree_.node(r).kind != Kind::kMap) {
    reporter_.At("schema", node,
                 "tools: must be a mapping of tool names to their rules, found " + Describe(node), "/tools");
    return;
  }
  for (auto [k, v] : tree_.Entries(r)) {
    Tool tool;
    tool.name = std::string(tree_.ScalarText(k));
    tool.key_node = k;
    tool.value_node = v;
    std::string pointer = "/tools/" + PointerToken(tool.name);
    if (tool.name.empty()) {
      reporter_.At("schema", k, "a tool name must not be empty", pointer);
      continue;
    }
    uint32_t tv = tree_.Resolve(v);
    if (tree_.node(tv).kind == Kind::kMap) {
      for (auto [rk, rv] : MapEntries(tv, Place::kTool, pointer)) {
        if (tree_.ScalarText(rk) == "rules") ReadRules(rv, tool, pointer + "/rules");
      }
    } else if (!(tree_.node(tv).kind == Kind::kScalar &&
                 yaml::ResolveScalar(tree_, tv).type == ScalarType::kNull)) {
      reporter_.At("schema", v,
                   "tool " + Quote(tool.name) + " must be a mapping with rules: (or empty), found " + Describe(v),
                   pointer);
    }
    policy_.tools.push_back(std::move(tool));
  }
}

void Reader::ReadRules(uint32_t node, Tool& tool, const std::string& pointer) {
  uint32_t r = tree_.Resolve(node);
  if (tree_.node(r).kind == Kind::kScalar && yaml::ResolveScalar(tree_, r).type == ScalarType::kNull) return;
  if (tree_.node(r).kind != Kind::kSeq) {
    reporter_.At("schema", node, "rules: must be a list of rules (- name: ...), found " + Describe(node), pointer);
    return;
  }
  uint32_t i = 0;
  for (uint32_t item : tree_.Items(r)) {
    std::string rule_pointer = pointer + "/" + std::to_string(i++);
    if (!tree_.IsMap(item)) {
      reporter_.At("schema", item, "a rule must be a mapping (name:, action:, ...), found " + Describe(item),
                   rule_pointer);
      continue;
    }
    Rule rule;
    ReadRule(item, rule, rule_pointer);
    tool.rules.push_back(std::move(rule));
  }
}

void Reader::ReadRule(uint32_t node, Rule& rule, const std::string& pointer) {
  rule.node = node;
  for (auto [k, v] : MapEntries(node, Place::kRule, pointer)) {
    std::string_view key = tree_.ScalarText(k);
    std::string field_pointer = pointer + "/" + std::string(key);
    if (key == "name") {
      rule.name_node = v;
      ReadString(v, "name", field_pointer, &rule.name);
    } else if (key == "action") {
      std::string action;
      if (!ReadString(v, "action", field_pointer, &action) || action.empty()) continue;
      rule.action_written = true;
      rule.action_text = action;
      rule.action_node = v;
      if (action == "evaluate") rule.action = Action::kEvaluate;
      else if (action == "deny") rule.action = Action::kDeny;
      else if (action == "require_approval") rule.action = Action::kRequireApproval;
      else {
        rule.action = Action::kUnknown;
        std::string guess = Suggest(action, {"evaluate", "deny", "require_approval"});
        if (action == "block" || action == "reject") guess = "deny";
        if (action == "allow") guess = "evaluate";
        reporter_.At("schema", v,
                     "action: must be evaluate, deny or require_approval, found " + Describe(v) +
                         (guess.empty() ? "" : "; did you mean " + guess + "?"),
                     field_pointer);
      }
    } else if (key == "rate_limit") {
      ReadRateLimit(v, rule, field_pointer);
    } else if (key == "conditions") {
      rule.conditions_node = v;
      uint32_t r = tree_.Resolve(v);
      if (tree_.node(r).kind == Kind::kScalar && yaml::ResolveScalar(tree_, r).type == ScalarType::kNull) continue;
      if (tree_.node(r).kind != Kind::kSeq) {
        reporter_.At("schema", v,
                     "conditions: must be a list of {path, op, value} mappings, found " + Describe(v), field_pointer);
        continue;
      }
      uint32_t i = 0;
      for (uint32_t item : tree_.Items(r)) {
        std::string cp = field_pointer + "/" + std::to_string(i++);
        if (!tree_.IsMap(item)) {
          reporter_.At("schema", item, "a condition must be a mapping {path, op, value}, found " + Describe(item), cp);
          continue;
        }
        Condition c;
        ReadCondition(item, c, cp);
        rule.conditions.push_back(std::move(c));
      }
    } else if (key == "on_deny") {
      std::string text;
      rule.on_deny_node = v;
      if (ReadString(v, "on_deny", field_pointer, &text)) rule.on_deny = text;
    } else if (key == "state") {
      uint32_t r = tree_.Resolve(v);
      if (tree_.node(r).kind == Kind::kScalar && yaml::ResolveScalar(tree_, r).type == ScalarType::kNull) continue;
      if (tree_.node(r).kind != Kind::kMap) {
        reporter_.At("schema", v, "state: must be a mapping {counter, window}, found " + Describe(v), field_pointer);
        continue;
      }
      State state;
      ReadState(r, state, field_pointer);
      state.node = v;
      rule.state = std::move(state);
    } else if (key == "approval_timeout") {
      rule.approval_timeout = ReadDuration(v, "approval_timeout", field_pointer, Severity::kError);
    }
  }
}

void Reader::ReadRateLimit(uint32_t node, Rule& rule, const std::string& pointer) {
  std::string text;
  if (!ReadString(node, "rate_limit", pointer, &text) || text.empty()) return;
  RateLimit limit;
  limit.text = text;
  limit.node = node;
  size_t slash = text.find('/');
  if (slash == std::string::npos) {
    reporter_.At("schema", node,
                 "rate_limit: must be N/minute, N/hour or N/day (e.g. 5/hour), found " + Quote(text), pointer);
    rule.rate_limit = limit;
    return;
  }
  // strconv.Atoi: an optional sign, then decimal digits.
  std::string_view count = std::string_view(text).substr(0, slash);
  std::string_view window = std::string_view(text).substr(slash + 1);
  std::string_view digits = count;
  bool negative = false;
  if (!digits.empty() && (digits[0] == '+' || digits[0] == '-')) {
    negative = digits[0] == '-';
    digits.remove_prefix(1);
  }
  bool numeric = !digits.empty() && digits.size() <= 18 &&
                 std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
  int64_t n = numeric ? std::stoll(std::string(digits)) : 0;
  if (negative) n = -n;
  if (!numeric || n <= 0) {
    reporter_.At("schema", node, "rate_limit: the count must be a positive integer, found " + Quote(count),
                 pointer);
  } else if (ParseWindow(window) == Window::kUnknown) {
    std::string guess = Suggest(window, {"minute", "hour", "day"});
    if (window == "m" || window == "min" || window == "mins" || window == "1m") guess = "minute";
    if (window == "h" || window == "hr" || window == "1h") guess = "hour";
    if (window == "d" || window == "1d") guess = "day";
    reporter_.At("schema", node,
                 "rate_limit: the window must be minute, hour or day, found " + Quote(window) +
                     (guess.empty() ? "" : "; did you mean " + std::string(count) + "/" + guess + "?"),
                 pointer);
  } else {
    limit.valid = true;
    limit.count = n;
    limit.window = ParseWindow(window);
  }
  rule.rate_limit = limit;
}

void Reader::ReadCondition(uint32_t node, Condition& c, const std::string& pointer) {
  c.node = node;
  for (auto [k, v] : MapEntries(node, Place::kCondition, pointer)) {
    std::string_view key = tree_.ScalarText(k);
    std::string field_pointer = pointer + "/" + std::string(key);
    if (key == "path") {
      c.path_node = v;
      ReadString(v, "path", field_pointer, &c.path);
    } else if (key == "op") {
      c.op_node = v;
      ReadString(v, "op", field_pointer, &c.op);
    } else if (key == "value") {
      c.value = ReadOperand(v, 0);
    }
  }
}

Operand Reader::ReadOperand(uint32_t node, int depth) const {
  Operand o;
  o.node = node;
  uint32_t r = tree_.Resolve(node);
  const yaml::Node& n = tree_.node(r);
  if (n.kind == Kind::kMap) {
    o.type = Operand::Type::kMap;
    return o;
  }
  if (n.kind == Kind::kSeq) {
    o.type = Operand::Type::kList;
    if (depth < 2) {
      for (uint32_t item : tree_.Items(r)) o.items.push_back(ReadOperand(item, depth + 1));
    }
    return o;
  }
  yaml::ScalarValue v = yaml::ResolveScalar(tree_, r);
  o.text = std::string(tree_.ScalarText(r));
  o.boolean = v.boolean;
  o.number = v.number;
  switch (v.type) {
    case ScalarType::kNull: o.type = Operand::Type::kNull; break;
    case ScalarType::kBool: o.type = Operand::Type::kBool; break;
    case ScalarType::kInt: o.type = Operand::Type::kInt; break;
    case ScalarType::kFloat: o.type = Operand::Type::kFloat; break;
    case ScalarType::kString: o.type = Operand::Type::kString; break;
  }
  return o;
}

void Reader::ReadState(uint32_t node, State& s, const std::string& pointer) {
  for (auto [k, v] : MapEntries(node, Place::kState, pointer)) {
    std::string_view key = tree_.ScalarText(k);
    std::string field_pointer = pointer + "/" + std::string(key);
    if (key == "counter") {
      s.counter_node = v;
      ReadString(v, "counter", field_pointer, &s.counter);
    } else if (key == "window") {
      s.window_node = v;
      if (ReadString(v, "window", field_pointer, &s.window_text)) s.window = ParseWindow(s.window_text);
    } else if (key == "increment") {
      uint32_t r = tree_.Resolve(v);
      yaml::ScalarValue value;
      if (tree_.node(r).kind == Kind::kScalar) value = yaml::ResolveScalar(tree_, r);
      bool integral = value.type == ScalarType::kInt ||
                      (value.type == ScalarType::kFloat && value.number == static_cast<double>(
                                                                              static_cast<int64_t>(value.number)));
      if (tree_.node(r).kind != Kind::kScalar || !(integral || value.type == ScalarType::kNull)) {
        reporter_.At("schema", v, "increment: must be a whole number, found " + Describe(v), field_pointer);
        continue;
      }
      if (value.type != ScalarType::kNull) {
        s.increment_written = true;
        s.increment = value.type == ScalarType::kInt ? value.integer : static_cast<int64_t>(value.number);
      }
    } else if (key == "increment_from") {
      s.increment_from_node = v;
      ReadString(v, "increment_from", field_pointer, &s.increment_from);
    }
  }
}

std::optional<Duration> Reader::ReadDuration(uint32_t node, std::string_view field, const std::string& pointer,
                                             Severity severity) {
  std::string text;
  if (!ReadString(node, field, pointer, &text) || text.empty()) return std::nullopt;
  Duration d;
  d.text = text;
  d.node = node;
  d.valid = ParseGoDuration(text, &d.seconds);
  if (!d.valid) {
    reporter_.AtSeverity("schema", severity, node,
                         std::string(field) + ": must be a duration such as \"30m\", \"1h\" or \"90s\", found " +
                             Describe(node),
                         pointer);
  } else if (d.seconds <= 0) {
    reporter_.AtSeverity("schema", severity, node,
                         std::string(field) + ": must be longer than zero, found " + Quote(text), pointer);
  }
  return d;
}

void Reader::ReadApprovals(uint32_t node) {
  Approvals a;
  a.node = node;
  uint32_t r = tree_.Resolve(node);
  if (tree_.node(r).kind != Kind::kMap) {
    if (!(tree_.node(r).kind == Kind::kScalar && yaml::ResolveScalar(tree_, r).type == ScalarType::kNull)) {
      reporter_.At("schema", node, "approvals: must be a mapping, found " + Describe(node), "/approvals");
    }
    return;
  }
  for (auto [k, v] : MapEntries(r, Place::kApprovals, "/approvals")) {
    std::string_view key = tree_.ScalarText(k);
    std::string pointer = "/approvals/" + std::string(key);
    if (key == "default_timeout") {
      a.default_timeout = ReadDuration(v, "default_timeout", pointer, Severity::kError);
    } else if (key == "dedupe_window") {
      a.dedupe_window = ReadDuration(v, "dedupe_window", pointer, Severity::kError);
    } else if (key == "notify" && tree_.IsMap(v)) {
      for (auto [nk, nv] : MapEntries(v, Place::kNotify, pointer)) {
        if (tree_.ScalarText(nk) != "webhook") continue;
        if (!tree_.IsMap(nv)) {
          reporter_.At("schema", nv, "webhook: must be a mapping {url, secret}, found " + Describe(nv),
                       pointer + "/webhook");
          continue;
        }
        for (auto [wk, wv] : MapEntries(nv, Place::kWebhook, pointer + "/webhook")) {
          std::string_view wkey = tree_.ScalarText(wk);
          std::string value;
          if (!ReadString(wv, wkey, pointer + "/webhook/" + std::string(wkey), &value)) continue;
          if (wkey == "url") {
            a.webhook_url = value;
            if (!value.empty() && value.rfind("http://", 0) != 0 && value.rfind("https://", 0) != 0) {
              reporter_.At("schema", wv, "url: must be an http:// or https:// address, found " + Quote(value),
                           pointer + "/webhook/url");
            }
          } else if (wkey == "secret") {
            a.has_secret = !value.empty();
          }
        }
      }
    } else if (key == "notify") {
      reporter_.At("schema", v, "notify: must be a mapping {webhook: {url, secret}}, found " + Describe(v), pointer);
    }
  }
  policy_.approvals = std::move(a);
}

}  // namespace

void ReadPolicy(const yaml::Tree& tree, Reporter& reporter, InterceptPolicy& policy) {
  Reader(tree, reporter, policy).Run();
}

}  // namespace mcpolicy::intercept
