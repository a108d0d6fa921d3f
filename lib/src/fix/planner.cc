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
  std::set<uint32_t> removed;   // element ordinals
  std::vector<NewValue> appended;
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
  // An object's members (kept: the planner renders one finding's remedy at a time for reports).
  const std::vector<Member>& Members(uint32_t object) {
    auto [it, added] = members_.try_emplace(object);
    if (added) it->second = MembersOf(doc_, object);
    return it->second;
  }

 private:
  const json::Document& doc_;
  std::unordered_map<std::string_view, const ToolRules*> tools_;
  std::unordered_set<std::string_view> hidden_;
  std::unordered_map<uint32_t, uint32_t> ordinals_;
  std::unordered_map<uint32_t, bool> one_line_;
  std::unordered_map<uint32_t, std::vector<Member>> members_;
};

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
  for (size_t i = 0; i < members.size(); ++i) {
    int r = Rank(*order, members[i].name);
    if (kept[i] && r >= 0 && r >= after_rank && r < rank) after = static_cast<int>(i), after_rank = r;
  }
  if (after >= 0) return after;
  int previous_kept = -1;
  for (size_t i = 0; i < members.size(); ++i) {
    if (!kept[i]) continue;
    if (Rank(*order, members[i].name) > rank) return previous_kept;
    previous_kept = static_cast<int>(i);
  }
  return last_kept;
}

// Costs the removed and added members, not the object's size, when new keys have no canonical
// order (the `tools` object): a report plans each finding of a large policy alone.
void RenderObject(const json::Document& doc, const SourceStyle& style, Index& index,
                  uint32_t object, ObjectPlan& plan, std::vector<TextEdit>& edits) {
  const std::vector<Member>& members = index.Members(object);
  std::erase_if(plan.removed, [&](uint32_t i) { return i >= members.size(); });
  auto is_kept = [&](size_t i) { return !plan.removed.count(static_cast<uint32_t>(i)); };
  int last_kept = static_cast<int>(members.size()) - 1;
  while (last_kept >= 0 && !is_kept(static_cast<size_t>(last_kept))) --last_kept;
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
  for (auto it = plan.removed.begin(); it != plan.removed.end();) {
    uint32_t i = *it, j = *it;
    for (++it; it != plan.removed.end() && *it == j + 1; ++it) j = *it;
    if (j + 1 < members.size()) {
      edits.push_back({members[i].key_offset, members[j + 1].key_offset, ""});
    } else {
      edits.push_back({members[i - 1].value_end, members[j].value_end, ""});
    }
  }
  // Slot reads every member only for objects whose keys have an order (the root, a tool entry).
  std::vector<bool> kept(plan.order && !plan.added.empty() ? members.size() : 0);
  for (size_t i = 0; i < kept.size(); ++i) kept[i] = is_kept(i);
  // New members, one edit per slot, in the order they were added.
  std::map<int, std::vector<std::string>> slots;
  for (const auto& [key, value] : plan.added) {
    slots[Slot(members, kept, last_kept, plan.order, key)].push_back(
        RenderMember(key, value, style, !one_line, indent));
  }
  std::string separator = one_line ? style.comma : "," + style.newline + indent;
  for (const auto& [slot, texts] : slots) {
    int next = slot + 1;
    while (next < static_cast<int>(members.size()) && !is_kept(static_cast<size_t>(next))) ++next;
    std::string text;
    if (next < static_cast<int>(members.size())) {  // before the next kept member
      for (const std::string& t : texts) text += t + separator;
      const Member& m = members[static_cast<size_t>(next)];
      edits.push_back({m.key_offset, m.key_offset, text});
    } else {  // after the last kept member
      for (const std::string& t : texts) text += separator + t;
      const Member& m = members[static_cast<size_t>(slot)];
      edits.push_back({m.value_end, m.value_end, text});
    }
  }
}

// Costs the array's size only when elements are removed (limits arrays, which are short): an
// append needs only the first and last elements, so a report that plans each hidden tool alone
// does not walk a long "hide" each time.
void RenderArray(const json::Document& doc, const SourceStyle& style, Index& index,
                 uint32_t array, ArrayPlan& plan, std::vector<TextEdit>& edits) {
  std::vector<NewValue>& appended = plan.appended;
  json::Value value(&doc, array);
  uint32_t begin = value.offset();
  uint32_t end = doc.EndOffset(array);
  struct Element {
    uint32_t begin, end;
  };
  std::vector<Element> elements;
  if (!plan.removed.empty()) {
    for (json::Value e : value.elements()) elements.push_back({e.offset(), doc.EndOffset(e.index())});
    std::erase_if(plan.removed, [&](uint32_t i) { return i >= elements.size(); });
  }
  bool empty = doc.nodes()[array].payload == array + 1;
  if (empty || (!elements.empty() && plan.removed.size() == elements.size())) {
    bool spread = empty ? index.SpreadEmpty(plan.parent) : !index.OneLine(array);
    edits.push_back({begin, end, Render(NewValue::Array(std::move(appended)), style, spread,
                                        LineIndent(doc, begin))});
    return;
  }
  // The first element is the node after the array's; the last ends where the blanks before the
  // closing bracket start.
  uint32_t first_begin = doc.nodes()[array + 1].offset();
  const std::string& text = doc.text();
  uint32_t last_end = end - 1;
  while (last_end > begin && (text[last_end - 1] == ' ' || text[last_end - 1] == '\t' ||
                              text[last_end - 1] == '\n' || text[last_end - 1] == '\r')) {
    --last_end;
  }
  // Removed runs, with the comma before the last element or after any other.
  for (auto it = plan.removed.begin(); it != plan.removed.end();) {
    uint32_t i = *it, j = *it;
    for (++it; it != plan.removed.end() && *it == j + 1; ++it) j = *it;
    if (j + 1 < elements.size()) {
      edits.push_back({elements[i].begin, elements[j + 1].begin, ""});
    } else {
      edits.push_back({elements[i - 1].end, elements[j].end, ""});
      last_end = elements[i - 1].end;
    }
  }
  if (appended.empty()) return;
  bool one_line = index.OneLine(array);
  std::string indent = LineIndent(doc, first_begin);
  std::string out;
  for (const NewValue& e : appended) {
    out += one_line ? style.comma : "," + style.newline + indent;
    out += Render(e, style, !one_line, indent);
  }
  edits.push_back({last_end, last_end, out});
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


// Whether byte `offset` lies in one of the spans (sorted, not overlapping).
bool Inside(const std::vector<std::pair<uint32_t, uint32_t>>& spans, uint32_t offset) {
  auto after = std::upper_bound(spans.begin(), spans.end(), std::make_pair(offset, UINT32_MAX));
  return after != spans.begin() && offset < std::prev(after)->second;
}

}  // namespace

struct Planner::State {
  State(const json::Document& doc, const Policy& policy)
      : index(doc, policy), style(DetectStyle(doc)) {}
  Index index;
  SourceStyle style;
};

Planner::Planner(const json::Document& doc, const Policy& policy)
    : doc_(doc), policy_(policy), state_(std::make_unique<State>(doc, policy)) {}

Planner::~Planner() = default;

// Which remedy wins where two would touch the same text (so the result never depends on the
// order of the findings): a tool that is hidden or removed loses its other remedies; a change
// inside a removed entry or limit is dropped; of two renames to one name, the first in the file
// wins, and a name a rename writes is neither listed again by deny-by-default nor appended to
// hide; a pass that repairs a window adds no limit. What is dropped is found again by the next
// pass if it still applies.
std::string Planner::Plan(const std::vector<const Remedy*>& remedies,
                          std::vector<TextEdit>& edits) {
  const json::Document& doc = doc_;
  const Policy& policy = policy_;
  Index& index = state_->index;
  json::Value root = doc.root();
  if (!root.is_object()) return "the policy is not an object";
  std::map<uint32_t, ObjectPlan> objects;
  std::map<uint32_t, ArrayPlan> arrays;
  std::vector<TextEdit> out;
  std::unordered_set<std::string_view> removed;  // tools whose entry goes (hidden or removed)
  std::vector<std::pair<uint32_t, uint32_t>> removed_spans;
  auto remove_entry = [&](std::string_view name) {
    if (!removed.insert(name).second) return;
    if (const ToolRules* tool = index.FindTool(name)) {
      ObjectPlan& plan = objects[policy.tools_loc];
      plan.parent = 0;
      plan.removed.insert(index.OrdinalOf(tool->key_loc));
      removed_spans.emplace_back(doc.nodes()[tool->key_loc].offset(),
                                 doc.EndOffset(tool->value_loc));
    }
  };
  // Renames first: what they write decides what hide and deny-by-default may still add.
  std::set<std::string> renamed_in_tools, renamed_in_hide;
  std::vector<const Remedy*> renames;
  for (const Remedy* r : remedies) {
    if (r->kind == Remedy::Kind::kRemoveEntry || r->kind == Remedy::Kind::kHide) {
      remove_entry(r->tool);
    }
  }
  for (const Remedy* r : remedies) {
    if (r->kind != Remedy::Kind::kRename || r->target >= doc.nodes().size()) continue;
    bool in_tools = doc.nodes()[r->target].type() == json::Type::kKey;
    std::set<std::string>& into = in_tools ? renamed_in_tools : renamed_in_hide;
    if (in_tools && removed.count(r->tool)) continue;
    if (!into.insert(r->name).second) continue;
    renames.push_back(r);
  }
  std::vector<NewValue> hide_names;
  std::unordered_set<std::string_view> hidden;
  for (const Remedy* remedy : remedies) {
    const Remedy& r = *remedy;
    if (r.kind != Remedy::Kind::kHide || !hidden.insert(r.tool).second) continue;
    if (!index.Hidden(r.tool) && !renamed_in_hide.count(r.tool)) {
      hide_names.push_back(NewValue::String(r.tool));
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
  // Limits that go: an element of their tool's limits array.
  for (const Remedy* remedy : remedies) {
    const Remedy& r = *remedy;
    if (r.kind != Remedy::Kind::kRemoveLimit || removed.count(r.tool)) continue;
    const ToolRules* tool = index.FindTool(r.tool);
    if (!tool) continue;
    json::Value limits = json::Value(&doc, tool->value_loc).Find("limits");
    if (!limits.is_array()) continue;
    uint32_t ordinal = 0;
    for (json::Value e : limits.elements()) {
      if (e.index() == r.target) {
        ArrayPlan& plan = arrays[limits.index()];
        plan.parent = tool->value_loc;
        plan.removed.insert(ordinal);
        removed_spans.emplace_back(e.offset(), doc.EndOffset(e.index()));
        break;
      }
      ++ordinal;
    }
  }
  // Values written in place.
  std::sort(removed_spans.begin(), removed_spans.end());
  auto replace = [&](uint32_t target, std::string text) {
    if (target >= doc.nodes().size()) return;
    uint32_t begin = doc.nodes()[target].offset();
    if (Inside(removed_spans, begin)) return;
    out.push_back({begin, doc.EndOffset(target), std::move(text)});
  };
  for (const Remedy* r : renames) replace(r->target, Render(NewValue::String(r->name), state_->style, false, ""));
  for (const Remedy* remedy : remedies) {
    const Remedy& r = *remedy;
    if (r.kind == Remedy::Kind::kSetWindow) {
      replace(r.target, Render(NewValue::String(WindowName(r.window)), state_->style, false, ""));
    } else if (r.kind == Remedy::Kind::kSetMax) {
      replace(r.target, std::to_string(r.max));
    }
  }
  // A limit written with a window in seconds does not count until it is repaired, so a tool
  // under it looks unlimited: a pass that repairs a window adds no limit, and the next pass
  // judges the repaired limits.
  bool windows_repaired = std::any_of(remedies.begin(), remedies.end(), [](const Remedy* r) {
    return r->kind == Remedy::Kind::kSetWindow;
  });
  for (const Remedy* remedy : remedies) {
    const Remedy& r = *remedy;
    if (r.kind != Remedy::Kind::kAddLimit && r.kind != Remedy::Kind::kGuard &&
        r.kind != Remedy::Kind::kDenyByDefault) {
      continue;
    }
    if (removed.count(r.tool)) continue;
    if (r.kind == Remedy::Kind::kAddLimit && windows_repaired) continue;
    if (r.kind == Remedy::Kind::kDenyByDefault) {
      if (policy.default_loc == kNoLoc) return "\"default\" is missing";
      out.push_back({doc.nodes()[policy.default_loc].offset(), doc.EndOffset(policy.default_loc),
                     "\"deny\""});
      std::vector<std::pair<std::string, NewValue>> listed;
      for (const std::string& name : r.values) {
        if (!renamed_in_tools.count(name)) listed.emplace_back(name, NewValue::Object());
      }
      if (listed.empty()) continue;
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
  for (auto& [object, plan] : objects) RenderObject(doc, state_->style, index, object, plan, out);
  for (auto& [array, plan] : arrays) RenderArray(doc, state_->style, index, array, plan, out);
  edits.insert(edits.end(), std::make_move_iterator(out.begin()),
               std::make_move_iterator(out.end()));
  return "";
}

std::string PlanEdits(const json::Document& doc, const Policy& policy,
                      const std::vector<const Remedy*>& remedies, std::vector<TextEdit>& edits) {
  return Planner(doc, policy).Plan(remedies, edits);
}

}  // namespace mcpolicy::fix
