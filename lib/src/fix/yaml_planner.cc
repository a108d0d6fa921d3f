#include "fix/yaml_planner.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <unordered_set>

#include "fix/yaml_style.h"
#include "yaml/scalar.h"

namespace mcpolicy::fix {
namespace {

using yaml::Kind;
using yaml::Node;
using yaml::Style;
using yaml::Tree;
using Entry = std::pair<uint32_t, uint32_t>;  // key node, value node (as written)

// Top-level keys in the order new ones are placed by.
constexpr std::string_view kRootOrder[] = {"version", "description", "default", "hide",
                                           "approvals", "tools"};

int Rank(std::string_view key) {
  for (size_t i = 0; i < std::size(kRootOrder); ++i) {
    if (kRootOrder[i] == key) return static_cast<int>(i);
  }
  return -1;
}

std::string Spaces(size_t n) { return std::string(n, ' '); }

class Planner {
 public:
  Planner(const Tree& tree, const intercept::InterceptPolicy& policy)
      : tree_(tree), text_(tree.text()), policy_(policy), style_(DetectYamlStyle(tree)) {
    Index();
  }

  std::string Plan(const std::vector<const Remedy*>& remedies, std::vector<TextEdit>& edits);

 private:
  // --- The text around nodes.
  uint32_t LineStart(uint32_t offset) const {
    size_t nl = offset ? text_.rfind('\n', offset - 1) : std::string::npos;
    uint32_t start = nl == std::string::npos ? 0 : static_cast<uint32_t>(nl + 1);
    return start == 0 && tree_.bom() ? 3 : start;
  }
  // Past the line break of the line holding byte `offset` (the text's end on the last line).
  uint32_t AfterLine(uint32_t offset) const {
    size_t nl = text_.find('\n', offset);
    return nl == std::string::npos ? static_cast<uint32_t>(text_.size()) : static_cast<uint32_t>(nl + 1);
  }
  // One past the node's last byte that is not blank (a block scalar's span takes in the blank
  // lines after it).
  uint32_t ContentEnd(uint32_t index) const {
    const Node& n = tree_.node(index);
    uint32_t end = n.end;
    while (end > n.begin.offset && std::string_view(" \t\r\n").find(text_[end - 1]) != std::string_view::npos) {
      --end;
    }
    return end;
  }
  // Past the line break of an entry's last line (a comment after it on that line included).
  uint32_t AfterEntry(Entry e) const {
    uint32_t end = std::max(ContentEnd(e.first), ContentEnd(e.second));
    return AfterLine(end ? end - 1 : 0);
  }
  bool StartsLine(uint32_t offset) const {
    uint32_t start = LineStart(offset);
    return start <= offset &&
           std::string_view(text_).substr(start, offset - start).find_first_not_of(' ') ==
               std::string_view::npos;
  }
  size_t IndentOf(uint32_t index) const {
    uint32_t at = tree_.node(index).begin.offset;
    return at - LineStart(at);
  }
  std::string At(uint32_t index) const {
    const yaml::Position& p = tree_.node(index).begin;
    return "line " + std::to_string(p.line) + ", column " + std::to_string(p.column);
  }

  // --- What the tree says about a node.
  bool IsNull(uint32_t index) const {
    const Node& n = tree_.node(index);
    return n.kind == Kind::kScalar && yaml::ResolveScalar(tree_, index).type == yaml::ScalarType::kNull;
  }
  // The node, or the nearest one holding it, that an alias elsewhere repeats (an edit here would
  // change that too), or kNoNode.
  uint32_t SharedAncestor(uint32_t index) const {
    for (uint32_t at = index; at != yaml::kNoNode; at = parent_[at]) {
      if (aliased_.count(at)) return at;
    }
    return yaml::kNoNode;
  }
  // Some node inside [begin, end) is an alias's target.
  bool SharedWithin(uint32_t begin, uint32_t end) const {
    for (uint32_t target : aliased_) {
      uint32_t at = tree_.node(target).begin.offset;
      if (at >= begin && at < end) return true;
    }
    return false;
  }
  // The written entry of mapping `map` whose key is `key`, or {kNoNode, kNoNode}.
  Entry Written(uint32_t map, std::string_view key) const {
    for (Entry e : tree_.WrittenEntries(map)) {
      if (tree_.IsScalar(e.first) && tree_.ScalarText(e.first) == key) return e;
    }
    return {yaml::kNoNode, yaml::kNoNode};
  }
  // Why the node (what `what` names) cannot take an edit, or "".
  std::string Unsafe(uint32_t index, const std::string& what) const {
    const Node& n = tree_.node(index);
    if (n.kind == Kind::kAlias) {
      return what + " (" + At(index) + ") is an alias; edit the anchored node it stands for by hand";
    }
    if (uint32_t shared = SharedAncestor(index); shared != yaml::kNoNode) {
      std::string anchor = "&" + tree_.node(shared).anchor;
      return what + " (" + At(index) + ") " +
             (shared == index ? "carries the anchor " + anchor
                              : "lies inside the anchor " + anchor + " (" + At(shared) + ")") +
             ", which an alias repeats elsewhere, so an edit would change both; make the change "
             "by hand";
    }
    if (n.kind == Kind::kMap && n.has_merge) {
      return what + " (" + At(index) + ") takes entries from a merge key (<<), so a key written "
             "there would override them; make the change by hand";
    }
    return "";
  }
  // Whether a replacement of the node's whole span would drop an anchor or a tag.
  bool Decorated(uint32_t index) const {
    return !tree_.node(index).anchor.empty() || !tree_.node(index).tag.empty();
  }

  void Index() {
    parent_.assign(tree_.nodes().size(), yaml::kNoNode);
    for (uint32_t i = 0; i < tree_.nodes().size(); ++i) {
      const Node& n = tree_.node(i);
      if (n.kind == Kind::kAlias && n.target != yaml::kNoNode) aliased_.insert(n.target);
      if (n.kind == Kind::kMap) {
        for (Entry e : tree_.WrittenEntries(i)) parent_[e.first] = parent_[e.second] = i;
      } else if (n.kind == Kind::kSeq) {
        for (uint32_t item : tree_.Items(i)) parent_[item] = i;
      }
    }
  }

  // --- Edits.
  // New lines at `at` (a line start, or the end of a last line without a line break).
  void InsertLines(uint32_t at, std::string lines, std::vector<TextEdit>& out) const {
    if (at == text_.size() && !text_.empty() && text_.back() != '\n') {
      lines.resize(lines.size() - style_.newline.size());  // the file keeps its missing last break
      lines.insert(0, style_.newline);
    }
    out.push_back({at, at, std::move(lines)});
  }
  std::string AppendFlow(uint32_t seq, const std::vector<YamlValue>& items, std::vector<TextEdit>& out) const;
  std::string AppendBlock(uint32_t seq, const std::vector<YamlValue>& items, std::vector<TextEdit>& out) const;
  // Items for a list value that is null: after the colon (empty), or in place of `~`/`null`.
  std::string FillNull(uint32_t value, const YamlValue& flow, const std::string& what,
                       std::vector<TextEdit>& out) const;
  std::string PlanHide(const std::vector<std::string>& names, std::vector<TextEdit>& out);
  std::string PlanTools(const std::vector<const intercept::Tool*>& removed,
                        const std::vector<std::string>& listed, std::vector<TextEdit>& out);
  std::string PlanDefault(std::vector<TextEdit>& out);
  std::string PlanRules(const intercept::Tool& tool, const std::vector<YamlValue>& rules,
                        std::vector<TextEdit>& out) const;
  void PlanRootKeys(std::vector<TextEdit>& out) const;
  // The written `tools:` entry of `tool`, or why there is none to edit.
  std::string ToolEntry(const intercept::Tool& tool, Entry& entry) const;
  std::string ToolKey(std::string_view name, uint32_t tools_map) const;

  YamlValue Quoted(std::string_view text) const {
    return YamlValue::Scalar(
        YamlScalar(text, style_.quote == '\'' ? Quoting::kSingle : Quoting::kDouble, style_.quote));
  }
  YamlValue LimitRule(const Remedy& r) const {
    return YamlValue::Map({{"name", Quoted("rate limit")},
                           {"rate_limit", YamlValue::Scalar(std::to_string(r.max) + "/" +
                                                            std::string(WindowName(r.window)))}});
  }
  YamlValue GuardRule(const Remedy& r) const {
    std::vector<YamlValue> values;
    for (const std::string& v : r.values) values.push_back(Quoted(v));
    std::string_view argument = r.path;
    if (argument.starts_with("args.")) argument.remove_prefix(5);
    return YamlValue::Map(
        {{"name", Quoted("guard " + std::string(argument))},
         {"conditions", YamlValue::Seq({YamlValue::Map({{"path", Quoted(r.path)},
                                                        {"op", YamlValue::Scalar("not_in")},
                                                        {"value", YamlValue::Seq(std::move(values))}})})}});
  }

  const Tree& tree_;
  const std::string& text_;
  const intercept::InterceptPolicy& policy_;
  YamlStyle style_;
  std::vector<uint32_t> parent_;
  std::unordered_set<uint32_t> aliased_;
  std::vector<std::pair<std::string, YamlValue>> root_keys_;  // new top-level keys
};

std::string Planner::AppendFlow(uint32_t seq, const std::vector<YamlValue>& items,
                                std::vector<TextEdit>& out) const {
  const Node& n = tree_.node(seq);
  uint32_t close = ContentEnd(seq);
  size_t open = text_.find('[', n.begin.offset);
  if (close == 0 || text_[close - 1] != ']' || open == std::string::npos || open >= close) {
    return "internal error: a flow list without brackets (please report this)";
  }
  --close;
  std::vector<uint32_t> written = tree_.Items(seq);
  if (written.empty()) {
    std::string text = style_.seq_pad;
    for (size_t i = 0; i < items.size(); ++i) text += (i ? style_.comma : "") + RenderFlow(items[i], style_);
    out.push_back({static_cast<uint32_t>(open + 1), close, text + style_.seq_pad});
    return "";
  }
  uint32_t last = written.back();
  bool spread = std::string_view(text_).substr(open, close - open).find('\n') != std::string_view::npos &&
                StartsLine(tree_.node(last).begin.offset);
  std::string separator =
      spread ? "," + style_.newline + Spaces(IndentOf(last)) : style_.comma;
  std::string text;
  for (const YamlValue& item : items) text += separator + RenderFlow(item, style_);
  uint32_t end = ContentEnd(last);
  out.push_back({end, end, text});
  return "";
}

std::string Planner::AppendBlock(uint32_t seq, const std::vector<YamlValue>& items,
                                 std::vector<TextEdit>& out) const {
  const Node& n = tree_.node(seq);
  if (!StartsLine(n.begin.offset)) {
    return "the list at " + At(seq) + " does not start its line, so where a new item goes is "
           "unclear; make the change by hand";
  }
  size_t offset = style_.item_offset;
  const Node& first = tree_.node(tree_.Items(seq).front());
  if (first.begin.line == n.begin.line && first.begin.offset > n.begin.offset + 1) {
    offset = first.begin.offset - n.begin.offset;
  }
  InsertLines(AfterLine(ContentEnd(seq) - 1), RenderBlockItems(items, IndentOf(seq), offset, style_), out);
  return "";
}

std::string Planner::FillNull(uint32_t value, const YamlValue& flow, const std::string& what,
                              std::vector<TextEdit>& out) const {
  const Node& n = tree_.node(value);
  if (n.begin.offset == n.end) {  // nothing written: right after the colon
    out.push_back({n.begin.offset, n.end, " " + RenderFlow(flow, style_)});
    return "";
  }
  if (Decorated(value)) {
    return what + " (" + At(value) + ") carries an anchor or a tag; make the change by hand";
  }
  out.push_back({n.begin.offset, n.end, RenderFlow(flow, style_)});
  return "";
}

std::string Planner::PlanHide(const std::vector<std::string>& names, std::vector<TextEdit>& out) {
  Entry hide = Written(tree_.root(), "hide");
  Quoting quoting = Quoting::kPlainIfSafe;
  if (hide.second != yaml::kNoNode && tree_.node(hide.second).kind == Kind::kSeq) {
    std::vector<uint32_t> items = tree_.Items(hide.second);
    if (!items.empty()) quoting = QuotingLike(tree_.node(items.front()).style);
  }
  std::vector<YamlValue> items;
  for (const std::string& name : names) {
    items.push_back(YamlValue::Scalar(YamlScalar(name, quoting, style_.quote)));
  }
  if (hide.second == yaml::kNoNode) {
    root_keys_.emplace_back("hide", YamlValue::Seq(std::move(items)));
    return "";
  }
  if (std::string why = Unsafe(hide.second, "hide:"); !why.empty()) return why;
  const Node& n = tree_.node(hide.second);
  if (n.kind == Kind::kSeq) {
    return n.style == Style::kFlow ? AppendFlow(hide.second, items, out)
                                   : AppendBlock(hide.second, items, out);
  }
  if (IsNull(hide.second)) return FillNull(hide.second, YamlValue::Seq(std::move(items)), "hide:", out);
  return "hide: (" + At(hide.second) + ") is not a list";
}

std::string Planner::ToolKey(std::string_view name, uint32_t tools_map) const {
  Quoting quoting = Quoting::kPlainIfSafe;
  if (tools_map != yaml::kNoNode) {
    std::vector<Entry> entries = tree_.WrittenEntries(tools_map);
    if (!entries.empty()) quoting = QuotingLike(tree_.node(entries.front().first).style);
  }
  return YamlScalar(name, quoting, style_.quote);
}

std::string Planner::ToolEntry(const intercept::Tool& tool, Entry& entry) const {
  Entry tools = Written(tree_.root(), "tools");
  if (tools.second == yaml::kNoNode) return "internal error: no tools: (please report this)";
  if (std::string why = Unsafe(tools.second, "tools:"); !why.empty()) return why;
  if (tree_.node(tools.second).style == Style::kFlow) {
    return "tools: (" + At(tools.second) + ") is a flow mapping ({...}), which --fix does not "
           "rewrite; write it in block style (one tool per line) or make the change by hand";
  }
  for (Entry e : tree_.WrittenEntries(tools.second)) {
    if (e.first == tool.key_node) {
      entry = e;
      return "";
    }
  }
  return "tool \"" + tool.name + "\" comes from a merge key (<<) under tools:; make the change by hand";
}

std::string Planner::PlanTools(const std::vector<const intercept::Tool*>& removed,
                               const std::vector<std::string>& listed, std::vector<TextEdit>& out) {
  if (removed.empty() && listed.empty()) return "";
  Entry tools = Written(tree_.root(), "tools");
  YamlValue added = YamlValue::Map();
  uint32_t tools_map = tools.second != yaml::kNoNode && tree_.node(tools.second).kind == Kind::kMap
                           ? tools.second
                           : yaml::kNoNode;
  for (const std::string& name : listed) {
    added.children.emplace_back(ToolKey(name, tools_map),
                                YamlValue::Map({{"rules", YamlValue::Seq()}}));
  }
  if (tools.second == yaml::kNoNode) {
    root_keys_.emplace_back("tools", std::move(added));
    return "";
  }
  if (std::string why = Unsafe(tools.second, "tools:"); !why.empty()) return why;
  const Node& n = tree_.node(tools.second);
  if (IsNull(tools.second)) {
    if (n.begin.offset != n.end) return FillNull(tools.second, added, "tools:", out);
    InsertLines(AfterLine(n.begin.offset),
                RenderBlockEntries(added, IndentOf(tools.first) + style_.step, style_), out);
    return "";
  }
  if (n.kind != Kind::kMap) return "tools: (" + At(tools.second) + ") is not a mapping";
  std::vector<Entry> entries = tree_.WrittenEntries(tools.second);
  if (n.style == Style::kFlow) {
    if (entries.empty() && removed.empty() && !Decorated(tools.second)) {
      out.push_back({n.begin.offset, n.end, RenderFlow(added, style_)});
      return "";
    }
    return "tools: (" + At(tools.second) + ") is a flow mapping ({...}), which --fix does not "
           "rewrite; write it in block style (one tool per line) or make the change by hand";
  }
  size_t kept = entries.size();
  for (const intercept::Tool* tool : removed) {
    Entry e;
    if (std::string why = ToolEntry(*tool, e); !why.empty()) return why;
    uint32_t key = tree_.node(e.first).begin.offset;
    if (!StartsLine(key)) {
      return "the entry of tool \"" + tool->name + "\" (" + At(e.first) + ") does not start its "
             "line; make the change by hand";
    }
    uint32_t begin = LineStart(key), end = AfterEntry(e);
    if (SharedWithin(begin, end)) {
      return "the entry of tool \"" + tool->name + "\" (" + At(e.first) + ") holds an anchor an "
             "alias elsewhere uses, so it cannot be removed; make the change by hand";
    }
    out.push_back({begin, end, ""});
    --kept;
  }
  if (!listed.empty()) {
    InsertLines(AfterEntry(entries.back()), RenderBlockEntries(added, IndentOf(entries.front().first), style_),
                out);
  } else if (kept == 0) {  // `tools: {}`, not a null the reader must guess at
    size_t colon = text_.find(':', ContentEnd(tools.first));
    if (colon == std::string::npos) return "internal error: tools: has no colon (please report this)";
    out.push_back({static_cast<uint32_t>(colon + 1), static_cast<uint32_t>(colon + 1), " {}"});
  }
  return "";
}

std::string Planner::PlanDefault(std::vector<TextEdit>& out) {
  Entry def = Written(tree_.root(), "default");
  if (!policy_.default_written || def.second == yaml::kNoNode) {
    if (def.second != yaml::kNoNode) {  // `default:` with nothing: write the value after the colon
      if (std::string why = Unsafe(def.second, "default:"); !why.empty()) return why;
      return FillNull(def.second, YamlValue::Scalar("deny"), "default:", out);
    }
    root_keys_.emplace_back("default", YamlValue::Scalar("deny"));
    return "";
  }
  if (std::string why = Unsafe(def.second, "default:"); !why.empty()) return why;
  const Node& n = tree_.node(def.second);
  if (Decorated(def.second)) {
    return "default: (" + At(def.second) + ") carries an anchor or a tag; make the change by hand";
  }
  std::string value;
  switch (n.style) {
    case Style::kPlain: value = "deny"; break;
    case Style::kDouble: value = "\"deny\""; break;
    case Style::kSingle: value = "'deny'"; break;
    default:
      return "default: (" + At(def.second) + ") is a block scalar; write default: deny by hand";
  }
  out.push_back({n.begin.offset, n.end, value});
  return "";
}

std::string Planner::PlanRules(const intercept::Tool& tool, const std::vector<YamlValue>& rules,
                               std::vector<TextEdit>& out) const {
  Entry e;
  if (std::string why = ToolEntry(tool, e); !why.empty()) return why;
  std::string what = "the entry of tool \"" + tool.name + "\"";
  if (std::string why = Unsafe(e.second, what); !why.empty()) return why;
  const Node& v = tree_.node(e.second);
  YamlValue list = YamlValue::Seq(rules);
  if (IsNull(e.second)) {
    if (v.begin.offset != v.end) return FillNull(e.second, YamlValue::Map({{"rules", list}}), what, out);
    InsertLines(AfterLine(v.begin.offset),
                RenderBlockEntries(YamlValue::Map({{"rules", list}}), IndentOf(e.first) + style_.step, style_),
                out);
    return "";
  }
  if (v.kind != Kind::kMap) return what + " (" + At(e.second) + ") is not a mapping";
  Entry r = Written(e.second, "rules");
  if (r.second == yaml::kNoNode) {
    std::vector<Entry> entries = tree_.WrittenEntries(e.second);
    if (v.style == Style::kBlock) {
      InsertLines(AfterEntry(entries.back()),
                  RenderBlockEntries(YamlValue::Map({{"rules", list}}), IndentOf(entries.front().first), style_),
                  out);
    } else if (entries.empty()) {
      if (Decorated(e.second)) return what + " (" + At(e.second) + ") carries an anchor or a tag";
      out.push_back({v.begin.offset, v.end, RenderFlow(YamlValue::Map({{"rules", list}}), style_)});
    } else {
      uint32_t end = ContentEnd(entries.back().second);
      out.push_back({end, end, style_.comma + "rules: " + RenderFlow(list, style_)});
    }
    return "";
  }
  what = "rules: of tool \"" + tool.name + "\"";
  if (std::string why = Unsafe(r.second, what); !why.empty()) return why;
  const Node& rn = tree_.node(r.second);
  if (rn.kind == Kind::kSeq) {
    return rn.style == Style::kFlow ? AppendFlow(r.second, rules, out) : AppendBlock(r.second, rules, out);
  }
  if (IsNull(r.second)) {
    if (rn.begin.offset != rn.end || v.style == Style::kFlow) return FillNull(r.second, list, what, out);
    InsertLines(AfterLine(rn.begin.offset),
                RenderBlockItems(rules, IndentOf(r.first) + style_.seq_offset, style_.item_offset, style_),
                out);
    return "";
  }
  return what + " (" + At(r.second) + ") is not a list";
}

void Planner::PlanRootKeys(std::vector<TextEdit>& out) const {
  std::vector<Entry> entries = tree_.WrittenEntries(tree_.root());
  std::vector<std::pair<std::string, YamlValue>> keys = root_keys_;
  std::stable_sort(keys.begin(), keys.end(),
                   [](const auto& a, const auto& b) { return Rank(a.first) < Rank(b.first); });
  std::map<uint32_t, std::string> slots;  // offset -> lines, in key order
  size_t indent = IndentOf(entries.front().first);
  for (const auto& [key, value] : keys) {
    int rank = Rank(key);
    // After the entry closest before the key in kRootOrder, else before the first after it.
    size_t after = entries.size(), before = entries.size();
    int after_rank = -1;
    for (size_t i = 0; i < entries.size(); ++i) {
      int r = tree_.IsScalar(entries[i].first) ? Rank(tree_.ScalarText(entries[i].first)) : -1;
      if (r >= 0 && r < rank && r >= after_rank) after = i, after_rank = r;
      if (r > rank && before == entries.size()) before = i;
    }
    uint32_t at = after < entries.size()    ? AfterEntry(entries[after])
                  : before < entries.size() ? LineStart(tree_.node(entries[before].first).begin.offset)
                                            : AfterEntry(entries.back());
    slots[at] += RenderBlockEntries(YamlValue::Map({{key, value}}), indent, style_);
  }
  for (auto& [at, lines] : slots) InsertLines(at, std::move(lines), out);
}

std::string Planner::Plan(const std::vector<const Remedy*>& remedies, std::vector<TextEdit>& edits) {
  uint32_t root = tree_.root();
  if (root == yaml::kNoNode || tree_.node(root).kind != Kind::kMap) return "the policy is not a mapping";
  if (tree_.node(root).style == Style::kFlow) {
    return "the policy is one flow mapping ({...}), which --fix does not rewrite; write it in "
           "block style or make the change by hand";
  }
  if (tree_.node(root).has_merge) {
    return "the top level takes entries from a merge key (<<); make the change by hand";
  }
  if (tree_.WrittenEntries(root).empty() || !StartsLine(tree_.node(tree_.WrittenEntries(root).front().first).begin.offset)) {
    return "the top-level keys do not start their lines; make the change by hand";
  }
  auto find_tool = [&](std::string_view name) -> const intercept::Tool* {
    for (const intercept::Tool& t : policy_.tools) {
      if (t.name == name) return &t;
    }
    return nullptr;
  };
  std::set<std::string_view> already;
  for (const intercept::HideEntry& h : policy_.hide) already.insert(h.name);
  std::set<std::string_view> hidden;
  std::vector<std::string> hide_names;
  std::vector<const intercept::Tool*> removed;
  for (const Remedy* r : remedies) {
    if (r->kind != Remedy::Kind::kHide || !hidden.insert(r->tool).second) continue;
    if (!already.count(r->tool)) hide_names.push_back(r->tool);
    if (const intercept::Tool* tool = find_tool(r->tool)) removed.push_back(tool);
  }
  const Remedy* deny = nullptr;
  std::vector<const intercept::Tool*> order;  // tools gaining rules, in remedy order
  std::map<const intercept::Tool*, std::vector<YamlValue>> rules;
  for (const Remedy* r : remedies) {
    if (r->kind == Remedy::Kind::kDenyByDefault) {
      if (!deny) deny = r;
      continue;
    }
    if (r->kind != Remedy::Kind::kAddLimit && r->kind != Remedy::Kind::kGuard) continue;
    if (hidden.count(r->tool)) continue;
    const intercept::Tool* tool = find_tool(r->tool);
    if (!tool) continue;
    auto [it, added] = rules.try_emplace(tool);
    if (added) order.push_back(tool);
    it->second.push_back(r->kind == Remedy::Kind::kAddLimit ? LimitRule(*r) : GuardRule(*r));
  }
  // Edits at one offset apply in the order given: rules appended to the last tool, then tools
  // appended after it, then new top-level keys after `tools:`.
  std::vector<TextEdit> out;
  for (const intercept::Tool* tool : order) {
    if (std::string why = PlanRules(*tool, rules[tool], out); !why.empty()) return why;
  }
  std::vector<std::string> listed;
  if (deny) {
    for (const std::string& name : deny->values) {
      if (!find_tool(name) && !hidden.count(name)) listed.push_back(name);
    }
  }
  if (std::string why = PlanTools(removed, listed, out); !why.empty()) return why;
  if (!hide_names.empty()) {
    if (std::string why = PlanHide(hide_names, out); !why.empty()) return why;
  }
  if (deny) {
    if (std::string why = PlanDefault(out); !why.empty()) return why;
  }
  PlanRootKeys(out);
  edits.insert(edits.end(), std::make_move_iterator(out.begin()), std::make_move_iterator(out.end()));
  return "";
}

}  // namespace

std::string PlanYamlEdits(const Tree& tree, const intercept::InterceptPolicy& policy,
                          const std::vector<const Remedy*>& remedies, std::vector<TextEdit>& edits) {
  return Planner(tree, policy).Plan(remedies, edits);
}

}  // namespace mcpolicy::fix
