#include "fix/planner.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "fix/style.h"
#include "mcpolicy/remedy.h"

namespace mcpolicy::fix {
namespace {

// Canonical key orders new keys are placed by ({} = at the end).
const std::vector<std::string_view> kRootOrder = {"version", "description", "default",
                                                  "hide",    "all_tools",   "tools"};
const std::vector<std::string_view> kToolOrder = {"require", "deny_if", "limits"};

struct ObjectPlan {
  uint32_t parent = kNoParent;  // the container holding the object
  std::set<uint32_t> removed;   // member ordinals
  std::vector<std::pair<std::string, NewValue>> added;
  const std::vector<std::string_view>* order = nullptr;  // null: added at the end
};

struct ArrayPlan {
  uint32_t parent = kNoParent;  // the container holding the array
  std::vector<NewValue> appended;
};

// What a pass asks about the document once per remedy or container, each answered in O(1) after
// one walk: a tool by name, a hide entry by name, a `tools` member's ordinal, whether a container
// sits on one line (its end offset costs a walk over its children). Asked by scanning instead, a
// pass over tens of thousands of remedies would be quadratic in the policy's size.
class Index {
 public:
  Index(const json::Document& doc, const Policy& policy) : doc_(doc) {
    tools_.reserve(policy.tools.size());
    for (const ToolRules& t : policy.tools) tools_.emplace(t.name, &t);  // the first one wins
    for (const HideEntry& h : policy.hide) {
      if (h.name != "*") hidden_.insert(h.name);
    }
    if (policy.tools_loc != kNoLoc && json::Value(&doc, policy.tools_loc).is_object()) {
      uint32_t ordinal = 0;
      for (json::Member m : json::Value(&doc, policy.tools_loc).members()) {
        ordinals_.emplace(m.key.index(), ordinal++);
      }
    }
  }

  const ToolRules* FindTool(std::string_view name) const {
    auto it = tools_.find(name);
    return it == tools_.end() ? nullptr : it->second;
  }
  bool Hidden(std::string_view name) const { return hidden_.count(name) != 0; }
  // The ordinal of the `tools` member whose key is node `key_loc`.
  uint32_t OrdinalOf(uint32_t key_loc) const {
    auto it = ordinals_.find(key_loc);
    return it == ordinals_.end() ? UINT32_MAX : it->second;
  }
  bool OneLine(uint32_t container) {
    auto [it, added] = one_line_.try_emplace(container, false);
    if (added) it->second = IsOneLine(doc_, container);
    return it->second;
  }
  // Whether a container now empty should open over lines: its parent does.
  bool SpreadEmpty(uint32_t parent) { return parent != kNoParent && !OneLine(parent); }

 private:
  const json::Document& doc_;
  std::unordered_map<std::string_view, const ToolRules*> tools_;
  std::unordered_set<std::string_view> hidden_;
  std::unordered_map<uint32_t, uint32_t> ordinals_;
  std::unordered_map<uint32_t, bool> one_line_;
};

struct Member {
  std::string_view name;
  uint32_t key_offset;
  uint32_t value_end;
};

std::vector<Member> MembersOf(const json::Document& doc, uint32_t object) {
  std::vector<Member> members;
  for (json::Member m : json::Value(&doc, object).members()) {
    members.push_back({m.name(), m.key.offset(), doc.EndOffset(m.value.index())});
  }
  return members;
}

int Rank(const std::vector<std::string_view>& order, std::string_view key) {
  auto it = std::find(order.begin(), order.end(), key);
  return it == order.end() ? -1 : static_cast<int>(it - order.begin());
}

// The kept member a new key goes after (-1: before the first kept member); `last_kept` is the
// last kept member's.
int Slot(const std::vector<Member>& members, const std::vector<bool>& kept, int last_kept,
         const std::vector<std::string_view>* order, std::string_view key) {
  if (!order) return last_kept;
  // After the kept member closest before the key in the canonical order, else before the first
  // one after it.
  int rank = Rank(*order, key);
  int after = -1, after_rank = -1;
  for (int i = 0; i < static_cast<int>(members.size()); ++i) {
    int r = Rank(*order, members[i].name);
    if (kept[i] && r >= 0 && r >= after_rank && r < rank) after = i, after_rank = r;
  }
  if (after >= 0) return after;
  int previous_kept = -1;
  for (int i = 0; i < static_cast<int>(members.size()); ++i) {
    if (!kept[i]) continue;
    if (Rank(*order, members[i].name) > rank) return previous_kept;
    previous_kept = i;
  }
  return last_kept;
}

void RenderObject(const json::Document& doc, const SourceStyle& style, Index& index,
                  uint32_t object, ObjectPlan& plan, std::vector<TextEdit>& edits) {
  std::vector<Member> members = MembersOf(doc, object);
  std::vector<bool> kept(members.size());
  int last_kept = -1;
  for (size_t i = 0; i < members.size(); ++i) {
    kept[i] = !plan.removed.count(static_cast<uint32_t>(i));
    if (kept[i]) last_kept = static_cast<int>(i);
  }
  uint32_t begin = doc.nodes()[object].offset();
  if (last_kept < 0) {
    bool spread = members.empty() ? index.SpreadEmpty(plan.parent) : !index.OneLine(object);
    edits.push_back({begin, doc.EndOffset(object),
                     Render(NewValue::Object(std::move(plan.added)), style, spread,
                            LineIndent(doc, begin))});
    return;
  }
  bool one_line = index.OneLine(object);
  std::string indent = LineIndent(doc, members.front().key_offset);
  // Removed runs, with the comma before the last member or after any other.
  for (size_t i = 0; i < members.size();) {
    if (kept[i]) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j + 1 < members.size() && !kept[j + 1]) ++j;
    if (j + 1 < members.size()) {
      edits.push_back({members[i].key_offset, members[j + 1].key_offset, ""});
    } else {
      edits.push_back({members[i - 1].value_end, members[j].value_end, ""});
    }
    i = j + 1;
  }
  // New members, one edit per slot, in the order they were added.
  std::map<int, std::vector<std::string>> slots;
  for (const auto& [key, value] : plan.added) {
    slots[Slot(members, kept, last_kept, plan.order, key)].push_back(
        RenderMember(key, value, style, !one_line, indent));
  }
  std::string separator = one_line ? style.comma : "," + style.newline + indent;
  for (const auto& [slot, texts] : slots) {
    int next = slot + 1;
    while (next < static_cast<int>(members.size()) && !kept[next]) ++next;
    std::string text;
    if (next < static_cast<int>(members.size())) {  // before the next kept member
      for (const std::string& t : texts) text += t + separator;
      edits.push_back({members[next].key_offset, members[next].key_offset, text});
    } else {  // after the last kept member
      for (const std::string& t : texts) text += separator + t;
      edits.push_back({members[slot].value_end, members[slot].value_end, text});
    }
  }
}

void RenderArray(const json::Document& doc, const SourceStyle& style, Index& index,
                 uint32_t array, ArrayPlan& plan, std::vector<TextEdit>& edits) {
  std::vector<NewValue>& appended = plan.appended;
  json::Value value(&doc, array);
  uint32_t begin = value.offset();
  if (value.size() == 0) {
    edits.push_back({begin, doc.EndOffset(array),
                     Render(NewValue::Array(std::move(appended)), style, index.SpreadEmpty(plan.parent),
                            LineIndent(doc, begin))});
    return;
  }
  json::Value first, last;
  for (json::Value e : value.elements()) {
    if (!first.valid()) first = e;
    last = e;
  }
  bool one_line = index.OneLine(array);
  std::string indent = LineIndent(doc, first.offset());
  std::string text;
  for (const NewValue& e : appended) {
    text += one_line ? style.comma : "," + style.newline + indent;
    text += Render(e, style, !one_line, indent);
  }
  uint32_t end = doc.EndOffset(last.index());
  edits.push_back({end, end, text});
}

NewValue LimitValue(const Remedy& r) {
  return NewValue::Object({{"counter", NewValue::String(CounterName(r.tool))},
                           {"window", NewValue::String(WindowName(r.window))},
                           {"max", NewValue::Raw(std::to_string(r.max))},
                           {"scope", NewValue::String("grant")}});
}

NewValue GuardValue(const Remedy& r) {
  std::vector<NewValue> values;
  for (const std::string& v : r.values) values.push_back(NewValue::String(v));
  return NewValue::Object({{"path", NewValue::String(r.path)},
                           {"op", NewValue::String("in")},
                           {"value", NewValue::Array(std::move(values))}});
}

}  // namespace

std::string PlanEdits(const json::Document& doc, const Policy& policy,
                      const std::vector<const Remedy*>& remedies, std::vector<TextEdit>& edits) {
  json::Value root = doc.root();
  if (!root.is_object()) return "the policy is not an object";
  Index index(doc, policy);
  std::map<uint32_t, ObjectPlan> objects;
  std::map<uint32_t, ArrayPlan> arrays;
  std::vector<TextEdit> out;
  std::unordered_set<std::string_view> hidden;
  std::vector<NewValue> hide_names;
  for (const Remedy* remedy : remedies) {
    const Remedy& r = *remedy;
    if (r.kind != Remedy::Kind::kHide || !hidden.insert(r.tool).second) continue;
    if (!index.Hidden(r.tool)) hide_names.push_back(NewValue::String(r.tool));
    if (const ToolRules* tool = index.FindTool(r.tool)) {
      ObjectPlan& plan = objects[policy.tools_loc];
      plan.parent = 0;
      plan.removed.insert(index.OrdinalOf(tool->key_loc));
    }
  }
  if (!hide_names.empty()) {
    json::Value hide = root.Find("hide");
    if (hide.is_array()) {
      ArrayPlan& plan = arrays[hide.index()];
      plan.parent = 0;
      for (NewValue& v : hide_names) plan.appended.push_back(std::move(v));
    } else if (!hide.valid()) {
      objects[0].order = &kRootOrder;
      objects[0].added.emplace_back("hide", NewValue::Array(std::move(hide_names)));
    } else {
      return "\"hide\" is not an array";
    }
  }
  for (const Remedy* remedy : remedies) {
    const Remedy& r = *remedy;
    if (r.kind == Remedy::Kind::kHide || hidden.count(r.tool)) continue;
    if (r.kind == Remedy::Kind::kDenyByDefault) {
      if (policy.default_loc == kNoLoc) return "\"default\" is missing";
      out.push_back({doc.nodes()[policy.default_loc].offset(), doc.EndOffset(policy.default_loc),
                     "\"deny\""});
      if (r.values.empty()) continue;
      std::vector<std::pair<std::string, NewValue>> listed;
      for (const std::string& name : r.values) listed.emplace_back(name, NewValue::Object());
      if (policy.tools_loc != kNoLoc) {
        ObjectPlan& plan = objects[policy.tools_loc];
        plan.parent = 0;
        plan.added.insert(plan.added.end(), listed.begin(), listed.end());
      } else if (!root.Find("tools").valid()) {
        objects[0].order = &kRootOrder;
        objects[0].added.emplace_back("tools", NewValue::Object(std::move(listed)));
      } else {
        return "\"tools\" is not an object";
      }
      continue;
    }
    const ToolRules* tool = index.FindTool(r.tool);
    if (!tool) continue;
    bool limit = r.kind == Remedy::Kind::kAddLimit;
    std::string key = limit ? "limits" : "deny_if";
    NewValue element = limit ? LimitValue(r) : GuardValue(r);
    json::Value existing = json::Value(&doc, tool->value_loc).Find(key);
    if (existing.is_array()) {
      ArrayPlan& plan = arrays[existing.index()];
      plan.parent = tool->value_loc;
      plan.appended.push_back(std::move(element));
    } else if (!existing.valid()) {
      ObjectPlan& plan = objects[tool->value_loc];
      plan.parent = policy.tools_loc;
      plan.order = &kToolOrder;
      plan.added.emplace_back(key, NewValue::Array({std::move(element)}));
    } else {
      return "\"" + key + "\" of " + r.tool + " is not an array";
    }
  }
  SourceStyle style = DetectStyle(doc);
  for (auto& [object, plan] : objects) RenderObject(doc, style, index, object, plan, out);
  for (auto& [array, plan] : arrays) RenderArray(doc, style, index, array, plan, out);
  edits.insert(edits.end(), std::make_move_iterator(out.begin()),
               std::make_move_iterator(out.end()));
  return "";
}

}  // namespace mcpolicy::fix
