// ReadPolicy: a tolerant walk from a parsed hosted policy to the neutral model.
#include <algorithm>
#include <unordered_map>

#include "mcpolicy/policy.h"

namespace mcpolicy {
namespace {

std::optional<Window> ParseWindow(std::string_view s) {
  if (s == "minute") return Window::kMinute;
  if (s == "hour") return Window::kHour;
  if (s == "day") return Window::kDay;
  return std::nullopt;
}

// Limits are kept when they are objects; each field is kept when it has the right type. A
// malformed limit leaves the entry judged: it is simply no limit (Limit::Enforced), so the risk
// rules still report what the tool can do beside the schema rule's finding about the limit.
void ReadLimits(json::Value limits, std::vector<Limit>& out) {
  if (!limits.is_array()) return;
  for (json::Value v : limits.elements()) {
    if (!v.is_object()) continue;
    Limit limit;
    limit.loc = v.index();
    json::Value counter, window, max;
    for (json::Member m : v.members()) {  // one pass; the last of duplicate keys wins, as in Find
      std::string_view k = m.name();
      if (k == "counter") counter = m.value;
      else if (k == "window") window = m.value;
      else if (k == "max") max = m.value;
    }
    if (counter.is_string()) {
      limit.counter = counter.as_string();
      limit.counter_loc = counter.index();
    }
    if (window.is_string()) limit.window = ParseWindow(window.as_string());
    // The schema's bounds: a whole number from 0 to 2^31-1 (1e400 and 2.5 are its findings).
    if (max.is_number() && max.is_integer() && max.as_number() >= 0 &&
        max.as_number() <= 2147483647.0) {
      limit.max = max.as_number();
      limit.max_loc = max.index();
    }
    out.push_back(limit);
  }
}

// The condition value `v` as written (lists into policy.value_lists).
ConditionValue ReadValue(json::Value v, Policy& policy, bool nested = false) {
  ConditionValue out;
  if (!v.valid()) return out;
  if (v.is_null()) out.kind = ConditionValue::Kind::kNull;
  else if (v.is_bool()) {
    out.kind = ConditionValue::Kind::kBool;
    out.boolean = v.as_bool();
  } else if (v.is_number()) {
    out.kind = ConditionValue::Kind::kNumber;
    out.number = v.as_number();
  } else if (v.is_string()) {
    out.kind = ConditionValue::Kind::kString;
    out.text = v.as_string();
  } else if (v.is_array() && !nested) {
    std::vector<ConditionValue>& items = policy.value_lists.emplace_back();
    for (json::Value e : v.elements()) {
      items.push_back(ReadValue(e, policy, true));
      if (items.back().kind == ConditionValue::Kind::kOther) {
        out.kind = ConditionValue::Kind::kOther;
        return out;
      }
    }
    out.kind = ConditionValue::Kind::kList;
    out.items = items;
  } else {
    out.kind = ConditionValue::Kind::kOther;
  }
  return out;
}

// Appends to policy.condition_storage and policy.value_storage, whose capacity the caller
// reserved for every condition and value of the document, so spans into them stay valid.
void ReadConditions(json::Value conditions, bool& clean, Policy& policy) {
  if (!conditions.valid()) return;
  if (!conditions.is_array()) {
    clean = false;
    return;
  }
  for (json::Value v : conditions.elements()) {
    json::Value path = v.Find("path");
    json::Value op = v.Find("op");
    if (!v.is_object() || !path.is_string() || !op.is_string()) {
      clean = false;
      continue;
    }
    Condition c;
    c.path = path.as_string();
    c.op = op.as_string();
    c.loc = v.index();
    size_t begin = policy.value_storage.size();
    json::Value value = v.Find("value");
    if (value.is_string()) policy.value_storage.push_back(value.as_string());
    if (value.is_array()) {
      for (json::Value e : value.elements()) {
        if (e.is_string()) policy.value_storage.push_back(e.as_string());
      }
    }
    c.values = std::span<const std::string_view>(policy.value_storage.data() + begin,
                                                 policy.value_storage.size() - begin);
    c.value = ReadValue(value, policy);
    policy.condition_storage.push_back(c);
  }
}

// Upper bounds of what ReadTools stores: every element of each tool's "limits", "require" and
// "deny_if" arrays, and every element of a condition's "value" array (plus one for a string).
struct Counts {
  size_t limits = 0, conditions = 0, values = 0;
};

Counts CountParts(json::Value tools) {
  Counts counts;
  for (json::Member m : tools.members()) {
    if (!m.value.is_object()) continue;
    for (json::Member field : m.value.members()) {
      std::string_view k = field.name();
      if (!field.value.is_array()) continue;
      if (k == "limits") {
        counts.limits += field.value.size();
      } else if (k == "require" || k == "deny_if") {
        for (json::Value c : field.value.elements()) {
          ++counts.conditions;
          if (!c.is_object()) continue;
          json::Value value = c.Find("value");
          counts.values += value.is_array() ? value.size() : 1;
        }
      }
    }
  }
  return counts;
}

// Key nodes of the `tools` members that share their name with another member (from the parser's
// duplicate list, so a policy without duplicates pays nothing for the check).
std::vector<uint32_t> DuplicatedKeys(const json::Document& doc, json::Value tools) {
  std::vector<uint32_t> keys;
  uint32_t begin = tools.index(), end = tools.node().payload;
  for (const json::DuplicateKey& d : doc.duplicates()) {
    if (d.second > begin && d.second < end) {
      keys.push_back(d.first);
      keys.push_back(d.second);
    }
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

void ReadTools(const json::Document& doc, json::Value tools, Policy& policy) {
  policy.tools_loc = tools.index();
  policy.tools_written = tools.size();
  // Storage sized once, so spans taken while reading stay valid and nothing is reallocated.
  Counts counts = CountParts(tools);
  policy.limit_storage.reserve(counts.limits);
  policy.condition_storage.reserve(counts.conditions);
  policy.value_storage.reserve(counts.values);
  policy.tools.reserve(tools.size());
  std::vector<uint32_t> duplicated = DuplicatedKeys(doc, tools);
  // Name -> slot in policy.tools, for duplicated names only.
  std::unordered_map<std::string_view, size_t> slot;
  std::vector<size_t> superseded;
  for (json::Member m : tools.members()) {
    if (m.name().empty() || !m.value.is_object()) continue;
    ToolRules t;
    t.name = m.name();
    t.key_loc = m.key.index();
    t.value_loc = m.value.index();
    json::Value limits, require, deny_if;
    for (json::Member field : m.value.members()) {
      std::string_view k = field.name();
      if (k == "limits") limits = field.value;
      else if (k == "require") require = field.value;
      else if (k == "deny_if") deny_if = field.value;
      else t.well_formed = false;
    }
    auto tail = [](const auto& storage, size_t begin) {
      return std::span(storage.data() + begin, storage.size() - begin);
    };
    size_t begin = policy.limit_storage.size();
    ReadLimits(limits, policy.limit_storage);
    t.limits = tail(policy.limit_storage, begin);
    begin = policy.condition_storage.size();
    ReadConditions(require, t.well_formed, policy);
    t.require = tail(policy.condition_storage, begin);
    begin = policy.condition_storage.size();
    ReadConditions(deny_if, t.well_formed, policy);
    t.deny_if = tail(policy.condition_storage, begin);
    if (std::binary_search(duplicated.begin(), duplicated.end(), t.key_loc)) {
      // A duplicate key: the last one wins, as in json::Value::Find.
      auto [it, added] = slot.try_emplace(t.name, policy.tools.size());
      if (!added) {
        superseded.push_back(it->second);
        it->second = policy.tools.size();
      }
    }
    policy.tools.push_back(t);
  }
  if (superseded.empty()) return;
  std::sort(superseded.begin(), superseded.end());
  size_t kept = 0;
  for (size_t i = 0; i < policy.tools.size(); ++i) {
    if (std::binary_search(superseded.begin(), superseded.end(), i)) continue;
    policy.tools[kept++] = policy.tools[i];
  }
  policy.tools.resize(kept);
}

}  // namespace

std::optional<double> Limit::PerMinute() const {
  if (!window || !max) return std::nullopt;
  return *max / WindowMinutes(*window);
}

bool ValidToolName(std::string_view name) {
  if (name.empty() || name.size() > 128) return false;
  for (char c : name) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-' || c == '.';
    if (!ok) return false;
  }
  return true;
}

const ToolRules* Policy::FindTool(std::string_view name) const {
  for (const ToolRules& t : tools) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

const HideEntry* Policy::FindHidden(std::string_view name) const {
  if (name == "*") return nullptr;
  for (const HideEntry& h : hide) {
    if (h.name == name) return &h;
  }
  return nullptr;
}

Policy ReadPolicy(const json::Document& doc) {
  Policy policy;
  if (!doc.ok()) return policy;
  json::Value root = doc.root();
  if (!root.is_object()) return policy;
  if (json::Value d = root.Find("default"); d.valid()) {
    policy.default_loc = d.index();
    if (d.is_string() && d.as_string() == "allow") policy.default_action = DefaultAction::kAllow;
    if (d.is_string() && d.as_string() == "deny") policy.default_action = DefaultAction::kDeny;
  }
  if (json::Value hide = root.Find("hide"); hide.is_array()) {
    policy.hide.reserve(hide.size());
    for (json::Value e : hide.elements()) {
      if (!e.is_string() || e.as_string().empty()) continue;
      policy.hide.push_back({e.as_string(), e.index()});
      if (e.as_string() == "*" && policy.hide_all_loc == kNoLoc) policy.hide_all_loc = e.index();
    }
  }
  if (json::Value all = root.Find("all_tools"); all.is_object()) {
    ReadLimits(all.Find("limits"), policy.all_tools_limits);
  }
  if (json::Value tools = root.Find("tools"); tools.is_object()) ReadTools(doc, tools, policy);
  return policy;
}

}  // namespace mcpolicy
