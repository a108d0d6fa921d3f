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

// Limits are kept when they are objects; each field is kept when it has the right type. `clean`
// is cleared when something was skipped or malformed.
std::vector<Limit> ReadLimits(json::Value limits, bool& clean) {
  std::vector<Limit> out;
  if (!limits.valid()) return out;
  if (!limits.is_array()) {
    clean = false;
    return out;
  }
  for (json::Value v : limits.elements()) {
    if (!v.is_object()) {
      clean = false;
      continue;
    }
    Limit limit;
    limit.node = v.index();
    if (json::Value counter = v.Find("counter"); counter.is_string()) {
      limit.counter = std::string(counter.as_string());
      limit.counter_node = counter.index();
    }
    if (json::Value window = v.Find("window"); window.is_string()) {
      limit.window = ParseWindow(window.as_string());
    }
    // The schema's bounds: a whole number from 0 to 2^31-1 (1e400 and 2.5 are its findings).
    if (json::Value max = v.Find("max");
        max.is_number() && max.is_integer() && max.as_number() >= 0 && max.as_number() <= 2147483647.0) {
      limit.max = max.as_number();
      limit.max_node = max.index();
    }
    if (limit.counter_node == kNoNode || !limit.window || !limit.max) clean = false;
    out.push_back(std::move(limit));
  }
  return out;
}

std::vector<Condition> ReadConditions(json::Value conditions, bool& clean) {
  std::vector<Condition> out;
  if (!conditions.valid()) return out;
  if (!conditions.is_array()) {
    clean = false;
    return out;
  }
  for (json::Value v : conditions.elements()) {
    json::Value path = v.Find("path");
    json::Value op = v.Find("op");
    if (!v.is_object() || !path.is_string() || !op.is_string()) {
      clean = false;
      continue;
    }
    Condition c;
    c.path = std::string(path.as_string());
    c.op = std::string(op.as_string());
    c.node = v.index();
    json::Value value = v.Find("value");
    if (value.is_string()) c.values.emplace_back(value.as_string());
    if (value.is_array()) {
      for (json::Value e : value.elements()) {
        if (e.is_string()) c.values.emplace_back(e.as_string());
      }
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace

std::string_view WindowName(Window window) {
  switch (window) {
    case Window::kMinute: return "minute";
    case Window::kHour: return "hour";
    case Window::kDay: return "day";
  }
  return "minute";
}

double WindowMinutes(Window window) {
  switch (window) {
    case Window::kMinute: return 1;
    case Window::kHour: return 60;
    case Window::kDay: return 1440;
  }
  return 1;
}

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
    policy.default_node = d.index();
    if (d.is_string() && d.as_string() == "allow") policy.default_action = DefaultAction::kAllow;
    if (d.is_string() && d.as_string() == "deny") policy.default_action = DefaultAction::kDeny;
  }
  if (json::Value hide = root.Find("hide"); hide.is_array()) {
    for (json::Value e : hide.elements()) {
      if (!e.is_string() || e.as_string().empty()) continue;
      policy.hide.push_back({std::string(e.as_string()), e.index()});
      if (e.as_string() == "*" && policy.hide_all_node == kNoNode) policy.hide_all_node = e.index();
    }
  }
  if (json::Value all = root.Find("all_tools"); all.is_object()) {
    bool clean = true;  // a malformed all_tools limit is the schema rule's to report
    policy.all_tools_limits = ReadLimits(all.Find("limits"), clean);
  }
  if (json::Value tools = root.Find("tools"); tools.is_object()) {
    policy.tools_node = tools.index();
    // Name -> slot in policy.tools; a hash, not a scan, so 100,000 tools stay linear.
    std::unordered_map<std::string_view, size_t> slot;
    std::vector<bool> superseded;
    for (json::Member m : tools.members()) {
      if (m.name().empty() || !m.value.is_object()) continue;
      ToolRules t;
      t.name = std::string(m.name());
      t.key_node = m.key.index();
      t.value_node = m.value.index();
      t.limits = ReadLimits(m.value.Find("limits"), t.well_formed);
      t.require = ReadConditions(m.value.Find("require"), t.well_formed);
      t.deny_if = ReadConditions(m.value.Find("deny_if"), t.well_formed);
      for (json::Member field : m.value.members()) {
        std::string_view k = field.name();
        if (k != "limits" && k != "require" && k != "deny_if") t.well_formed = false;
      }
      // A duplicate key: the last one wins, as in json::Value::Find.
      auto [it, added] = slot.try_emplace(m.name(), policy.tools.size());
      if (!added) {
        superseded[it->second] = true;
        it->second = policy.tools.size();
      }
      superseded.push_back(false);
      policy.tools.push_back(std::move(t));
    }
    size_t kept = 0;
    for (size_t i = 0; i < policy.tools.size(); ++i) {
      if (superseded[i]) continue;
      if (kept != i) policy.tools[kept] = std::move(policy.tools[i]);
      ++kept;
    }
    policy.tools.resize(kept);
  }
  return policy;
}

}  // namespace mcpolicy
