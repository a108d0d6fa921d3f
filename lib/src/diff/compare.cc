// Compare: per tool (reachability, limits, guards), then the default and all_tools limits.
#include "diff/compare.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "diff/describe.h"
#include "rules/context.h"
#include "util/text.h"

namespace mcpolicy::diff {
namespace {

DiffPosition At(const Side& side, LocId node) {
  DiffPosition p;
  if (node == kNoLoc) return p;
  const SourceMap& source = side.version.source();
  TextPoint at = source.Locate(source.BeginOffset(node));
  p.line = at.line;
  p.column = at.column;
  p.pointer = source.PointerOf(node);
  return p;
}

// `node`, or the closest thing the version has when it has no node for the change: the "tools"
// object, the "default" value, the document.
DiffPosition Near(const Side& side, LocId node) {
  if (node == kNoLoc) node = side.policy().tools_loc;
  if (node == kNoLoc) node = side.policy().default_loc;
  if (node == kNoLoc) node = side.version.root_loc();
  return At(side, node);
}

bool DefaultAllows(const Policy& policy) { return policy.default_action == DefaultAction::kAllow; }

// How a tool stands in a version that names it nowhere (the other version or the server does).
ResolvedTool Unnamed(const ResolvedTool& like, const Policy& policy) {
  ResolvedTool t;
  t.name = like.name;
  t.category = like.category;
  t.from_catalog = like.from_catalog;
  t.catalog = like.catalog;
  t.on_server = like.on_server;
  for (const HideEntry& h : policy.hide) {
    if (h.name == "*") t.hidden_by = &h;
  }
  t.has_limits = !policy.all_tools_limits.empty();
  if (t.hidden_by) {
    t.decision = Decision::kHidden;
  } else if (!DefaultAllows(policy)) {
    t.decision = Decision::kDeniedByDefault;
  } else {
    t.decision = t.has_limits ? Decision::kLimited : Decision::kUnlimited;
  }
  return t;
}

class Comparer {
 public:
  Comparer(const Side& old_side, const Side& new_side, const DiffWording& words)
      : old_(old_side), new_(new_side), words_(words) {}

  std::vector<DiffChange> Run() {
    std::set<std::string> names;
    for (const ResolvedTool& t : old_.resolution.tools) names.emplace(t.name);
    for (const ResolvedTool& t : new_.resolution.tools) names.emplace(t.name);
    for (const std::string& name : names) {
      const ResolvedTool* o = old_.resolution.Find(name);
      const ResolvedTool* n = new_.resolution.Find(name);
      // A name the known server does not have cannot be called, whatever either version says.
      if (!(o ? o : n)->on_server) continue;
      ResolvedTool o_storage = o ? ResolvedTool() : Unnamed(*n, old_.policy());
      ResolvedTool n_storage = n ? ResolvedTool() : Unnamed(*o, new_.policy());
      Tool(o ? *o : o_storage, n ? *n : n_storage);
    }
    DefaultFlip();
    AllToolsLimits();
    return std::move(changes_);
  }

 private:
  DiffChange& Add(std::string_view tool, ChangeKind kind, bool increase,
                  std::optional<Category> category, DiffPosition old_position,
                  DiffPosition new_position, std::string message) {
    DiffChange c;
    c.tool = std::string(tool);
    c.kind = kind;
    c.increase = increase;
    c.category = category;
    c.risk = category ? RiskOf(*category) : Risk::kLow;
    c.old_position = std::move(old_position);
    c.new_position = std::move(new_position);
    c.message = std::move(message);
    if (tool.empty()) {
      bool whole = kind == ChangeKind::kDefaultAllow || kind == ChangeKind::kDefaultDeny;
      c.subject = whole ? words_.default_subject : words_.all_tools_subject;
    }
    changes_.push_back(std::move(c));
    return changes_.back();
  }

  void Tool(const ResolvedTool& o, const ResolvedTool& n) {
    DiffPosition old_at = Near(old_, rules::LocOf(o));
    DiffPosition new_at = Near(new_, rules::LocOf(n));
    bool unnamed = !o.rules && !n.rules && !o.hidden_by && !n.hidden_by;
    if (o.reachable() != n.reachable()) {
      if (unnamed) {
        // Only the default moved it: reported once, with the default.
        (n.reachable() ? opened_by_default_ : closed_by_default_).push_back(o.reachable() ? o : n);
        return;
      }
      std::string message = State(n, new_) + ", was " + State(o, old_);
      if (n.reachable()) {
        ChangeKind kind =
            o.decision == Decision::kHidden ? ChangeKind::kLeftHide : ChangeKind::kBecameReachable;
        Add(n.name, kind, true, rules::EffectiveCategory(n), old_at, new_at, message);
      } else {
        ChangeKind kind =
            n.decision == Decision::kHidden ? ChangeKind::kHidden : ChangeKind::kBecameUnreachable;
        Add(n.name, kind, false, rules::EffectiveCategory(o), old_at, new_at, message);
      }
      return;
    }
    if (!n.reachable()) return;  // hidden <-> denied: no call gets through either way
    Limits(o, n, old_at, new_at);
    bool operations = OperationGuards(o, n, old_at, new_at);
    if (!operations) Approval(o, n, old_at, new_at);
    ConditionGuards(o, n, old_at, new_at);
  }

  std::string State(const ResolvedTool& tool, const Side& side) const {
    return StateText(tool, side.policy(), words_);
  }

  void Limits(const ResolvedTool& o, const ResolvedTool& n, const DiffPosition& old_at,
              const DiffPosition& new_at) {
    std::span<const Limit> ol = o.rules ? o.rules->limits : std::span<const Limit>();
    std::span<const Limit> nl = n.rules ? n.rules->limits : std::span<const Limit>();
    if (ol.empty() && nl.empty()) return;
    const Limit* os = Strictest(ol);
    const Limit* ns = Strictest(nl);
    const Limit& o_shown = os ? *os : ol.empty() ? Limit() : ol.front();
    const Limit& n_shown = ns ? *ns : nl.empty() ? Limit() : nl.front();
    if (nl.empty()) {
      Add(n.name, ChangeKind::kLostLimit, true, rules::EffectiveCategory(n), At(old_, o_shown.loc),
          new_at, State(n, new_) + ", was " + LimitedText(o_shown));
      return;
    }
    if (ol.empty()) {
      Add(n.name, ChangeKind::kGainedLimit, false, rules::EffectiveCategory(o), old_at,
          At(new_, n_shown.loc), LimitedText(n_shown) + ", had no limit");
      return;
    }
    auto where = [](const Limit& l) { return l.max_loc != kNoLoc ? l.max_loc : l.loc; };
    if (os && ns && *ns->PerMinute() != *os->PerMinute()) {
      // Limits mcpolicy cannot read (a window of 60) are lint's to report, not compared here.
      bool looser = *ns->PerMinute() > *os->PerMinute();
      Add(n.name, looser ? ChangeKind::kLoosenedLimit : ChangeKind::kTightenedLimit, looser,
          rules::EffectiveCategory(looser ? n : o), At(old_, where(*os)), At(new_, where(*ns)),
          std::string(looser ? "limit loosened" : "limit tightened") + " to " + LimitText(*ns) +
              ", was " + LimitText(*os));
    }
    // A spend cap counts money, not calls: one version limiting calls (or spending) and the other
    // not is a limit lost or gained, though both versions have some limit.
    const Limit* o_cap = SpendCap(ol);
    const Limit* n_cap = SpendCap(nl);
    if (os && !ns && n_cap) {
      Add(n.name, ChangeKind::kLostLimit, true, rules::EffectiveCategory(n), At(old_, where(*os)),
          At(new_, n_cap->loc), State(n, new_) + ", was " + LimitedText(*os));
    } else if (!os && ns && o_cap) {
      Add(n.name, ChangeKind::kGainedLimit, false, rules::EffectiveCategory(o),
          At(old_, o_cap->loc), At(new_, where(*ns)),
          LimitedText(*ns) + ", had only " + LimitText(*o_cap));
    }
    if (o_cap && !n_cap && ns) {
      Add(n.name, ChangeKind::kLostLimit, true, rules::EffectiveCategory(n), At(old_, o_cap->loc),
          new_at, LimitText(*o_cap) + " removed, still " + LimitedText(*ns));
    } else if (!o_cap && n_cap && os) {
      Add(n.name, ChangeKind::kGainedLimit, false, rules::EffectiveCategory(o), old_at,
          At(new_, n_cap->loc), LimitText(*n_cap) + " added, beside " + LimitedText(*os));
    }
  }

  static const Limit* SpendCap(std::span<const Limit> limits) {
    for (const Limit& l : limits) {
      if (l.spend_cap && l.Enforced()) return &l;
    }
    return nullptr;
  }

  // Every call waiting for a person's approval (Intercept's require_approval with no conditions)
  // in one version and not the other. A multiplexer's operations are judged by OperationGuards.
  void Approval(const ResolvedTool& o, const ResolvedTool& n, const DiffPosition& old_at,
                const DiffPosition& new_at) {
    bool was = o.rules && o.rules->approval;
    bool is = n.rules && n.rules->approval;
    if (was == is) return;
    if (was) {
      Add(n.name, ChangeKind::kLostGuard, true, rules::EffectiveCategory(n), old_at, new_at,
          "calls no longer wait for a person's approval (require_approval), every call did");
    } else {
      Add(n.name, ChangeKind::kGainedGuard, false, rules::EffectiveCategory(o), old_at, new_at,
          "every call now waits for a person's approval (require_approval)");
    }
  }

  // A multiplexer's operations that one version stops with a condition and the other does not.
  // Returns whether it reported a change.
  bool OperationGuards(const ResolvedTool& o, const ResolvedTool& n, const DiffPosition& old_at,
                       const DiffPosition& new_at) {
    const CatalogTool* c = n.catalog;
    if (!c || c->operations.empty()) return false;
    std::string path = "args." + c->operation_argument;
    std::vector<std::pair<std::string, Category>> opened, closed;
    for (const auto& [value, category] : c->operations) {
      bool was = o.rules && rules::Stopped(*o.rules, path, value);
      bool is = n.rules && rules::Stopped(*n.rules, path, value);
      if (was && !is) opened.emplace_back(value, category);
      if (!was && is) closed.emplace_back(value, category);
    }
    auto guard_node = [&](const ResolvedTool& t) {
      if (t.rules) {
        for (const auto* list : {&t.rules->deny_if, &t.rules->require}) {
          for (const Condition& cond : *list) {
            if (cond.path == path) return cond.loc;
          }
        }
      }
      return kNoLoc;
    };
    auto add = [&](const std::vector<std::pair<std::string, Category>>& ops, bool increase) {
      if (ops.empty()) return;
      Category worst = ops.front().second;
      std::string values;
      for (const auto& [value, category] : ops) {
        if (CategoryRank(category) > CategoryRank(worst)) worst = category;
        values += (values.empty() ? "" : ", ") + QuotedName(value);
      }
      std::string subject = c->operation_argument + " " + values;
      // The conditions on the operation argument where there are any, else the tool's entry.
      uint32_t old_node = guard_node(o), new_node = guard_node(n);
      DiffPosition old_pos = old_node != kNoLoc ? At(old_, old_node) : old_at;
      DiffPosition new_pos = new_node != kNoLoc ? At(new_, new_node) : new_at;
      Add(n.name, increase ? ChangeKind::kLostGuard : ChangeKind::kGainedGuard, increase, worst,
          old_pos, new_pos,
          subject + (ops.size() == 1 ? " is " : " are ") +
              (increase ? "no longer stopped by " : "now stopped by ") +
              std::string(words_.stopped_by));
    };
    add(opened, true);
    add(closed, false);
    return !opened.empty() || !closed.empty();
  }

  // Conditions, other than a multiplexer's on its operation argument, present in one version only.
  void ConditionGuards(const ResolvedTool& o, const ResolvedTool& n, const DiffPosition& old_at,
                       const DiffPosition& new_at) {
    std::string skip_path = n.catalog && !n.catalog->operations.empty()
                                ? "args." + n.catalog->operation_argument
                                : std::string();
    // Keyed by the hosted JSON text, so equal conditions match across dialects; shown in words_.
    struct Shown {
      LocId node;
      std::string text;
    };
    const DiffWording& hosted = WordingOf(Dialect::kHostedJson);
    auto collect = [&](const Side& side, const ResolvedTool& t) {
      std::map<std::string, Shown> out;  // key -> the first condition with that key
      if (!t.rules) return out;
      for (const auto& [list, key_list, shown_list] :
           {std::tuple{&t.rules->require, hosted.require_list, words_.require_list},
            {&t.rules->deny_if, hosted.deny_if_list, words_.deny_if_list}}) {
        for (const Condition& c : *list) {
          if (!skip_path.empty() && c.path == skip_path) continue;
          std::string value = side.version.ValueText(c);
          out.emplace(ConditionText(key_list, c, value),
                      Shown{c.loc, ConditionText(shown_list, c, value)});
        }
      }
      return out;
    };
    std::map<std::string, Shown> before = collect(old_, o);
    std::map<std::string, Shown> after = collect(new_, n);
    for (const auto& [key, shown] : before) {
      if (after.count(key)) continue;
      Add(n.name, ChangeKind::kLostGuard, true, rules::EffectiveCategory(n), At(old_, shown.node),
          new_at, "condition removed: " + shown.text);
    }
    for (const auto& [key, shown] : after) {
      if (before.count(key)) continue;
      Add(n.name, ChangeKind::kGainedGuard, false, rules::EffectiveCategory(o), old_at,
          At(new_, shown.node), "condition added: " + shown.text);
    }
  }

  void DefaultFlip();
  void AllToolsLimits();

  const Side& old_;
  const Side& new_;
  const DiffWording& words_;
  std::vector<DiffChange> changes_;
  std::vector<ResolvedTool> opened_by_default_;  // unlisted tools the new default lets through
  std::vector<ResolvedTool> closed_by_default_;  // unlisted tools the new default stops
};

// The worst category among `tools`, or nullopt for none.
std::optional<Category> Worst(const std::vector<const ResolvedTool*>& tools) {
  std::optional<Category> worst;
  for (const ResolvedTool* t : tools) {
    Category c = rules::EffectiveCategory(*t);
    if (!worst || CategoryRank(c) > CategoryRank(*worst)) worst = c;
  }
  return worst;
}

// "destructive (2): a, b; execute (1): c", worst category first, names in order.
std::string Grouped(const std::vector<const ResolvedTool*>& tools) {
  std::map<int, std::pair<Category, std::vector<std::string_view>>, std::greater<int>> groups;
  for (const ResolvedTool* t : tools) {
    Category c = rules::EffectiveCategory(*t);
    auto& group = groups[CategoryRank(c)];
    group.first = c;
    group.second.push_back(t->name);
  }
  std::string out;
  for (const auto& [rank, group] : groups) {
    if (!out.empty()) out += "; ";
    out +=
        std::string(CategoryName(group.first)) + " (" + std::to_string(group.second.size()) + "): ";
    for (size_t i = 0; i < group.second.size(); ++i)
      out += (i ? ", " : "") + std::string(group.second[i]);
  }
  return out;
}

void Comparer::DefaultFlip() {
  bool allowed_before = DefaultAllows(old_.policy());
  bool allowed_now = DefaultAllows(new_.policy());
  if (allowed_before == allowed_now) return;
  const Side& open = allowed_now ? new_ : old_;
  std::vector<const ResolvedTool*> tools;
  for (const ResolvedTool& t : allowed_now ? opened_by_default_ : closed_by_default_)
    tools.push_back(&t);
  ResolvedTool sample = Unnamed(ResolvedTool(), open.policy());
  std::string state = State(sample, open);
  // Intercept allows when a policy leaves `default` out: say so where that is what allows.
  if (!open.policy().default_written) state += " (default: is left out, and Intercept then allows)";
  std::string denied(words_.denied_by_default);
  std::string message = "unlisted tools " +
                        (allowed_now ? state + ", were " + denied : denied + ", were " + state);
  std::optional<Category> category = Worst(tools);
  const CatalogServer* server = new_.resolution.server.server;
  DiffChange& change =
      Add("", allowed_now ? ChangeKind::kDefaultAllow : ChangeKind::kDefaultDeny, allowed_now,
          category, Near(old_, old_.policy().default_loc), Near(new_, new_.policy().default_loc),
          "");
  if (!tools.empty()) {
    message += ": " + std::to_string(tools.size()) + " tool" + (tools.size() == 1 ? "" : "s") +
               " of " + server->id + (allowed_now ? " became reachable" : " no longer reachable") +
               " -- " + Grouped(tools);
  } else if (!server && !open.policy().hides_all()) {
    // Nothing says which tools the server has: assume the worst a server may offer.
    change.risk = Risk::kCritical;
    message += "; the server is unknown (give --server), so the tools this " +
               std::string(allowed_now ? "opens" : "closes") + " cannot be named";
  } else {
    message += "; every tool is listed or hidden, so no call changes";
  }
  change.message = std::move(message);
}

void Comparer::AllToolsLimits() {
  std::span<const Limit> before = old_.policy().all_tools_limits;
  std::span<const Limit> after = new_.policy().all_tools_limits;
  if (before.empty() && after.empty()) return;
  const Limit* os = Strictest(before);
  const Limit* ns = Strictest(after);
  ChangeKind kind;
  bool increase;
  std::string message;
  if (after.empty()) {
    kind = ChangeKind::kLostAllToolsLimit, increase = true;
    message = "limits removed, were " + (os ? LimitText(*os) : LimitText(before.front()));
  } else if (before.empty()) {
    kind = ChangeKind::kGainedAllToolsLimit, increase = false;
    message = "limited to " + (ns ? LimitText(*ns) : LimitText(after.front())) + ", had no limit";
  } else if (os && ns && *ns->PerMinute() != *os->PerMinute()) {
    increase = *ns->PerMinute() > *os->PerMinute();
    kind = increase ? ChangeKind::kLoosenedAllToolsLimit : ChangeKind::kTightenedAllToolsLimit;
    message = std::string(increase ? "limit loosened" : "limit tightened") + " to " +
              LimitText(*ns) + ", was " + LimitText(*os);
  } else {
    return;
  }
  // The tools the change reaches: reachable ones without a limit of their own.
  const Side& exposed = increase ? new_ : old_;
  std::vector<const ResolvedTool*> tools;
  for (const ResolvedTool& t : exposed.resolution.tools) {
    if (t.reachable() && t.on_server && !(t.rules && !t.rules->limits.empty())) tools.push_back(&t);
  }
  if (!tools.empty()) {
    message += "; " + std::to_string(tools.size()) + " reachable tool" +
               (tools.size() == 1 ? "" : "s") + " without a limit of " +
               (tools.size() == 1 ? "its" : "their") + " own";
  }
  auto node = [](const Side& side, std::span<const Limit> limits, const Limit* strictest) {
    if (strictest) return strictest->max_loc != kNoLoc ? strictest->max_loc : strictest->loc;
    if (!limits.empty()) return limits.front().loc;
    return side.version.all_tools_loc();
  };
  DiffChange& change = Add("", kind, increase, Worst(tools), Near(old_, node(old_, before, os)),
                           Near(new_, node(new_, after, ns)), std::move(message));
  if (!exposed.resolution.server.server && DefaultAllows(exposed.policy()) &&
      !exposed.policy().hides_all()) {
    change.risk = Risk::kCritical;  // unnamed tools of an unknown server are reached too
  }
}

}  // namespace

std::vector<DiffChange> Compare(const Side& old_side, const Side& new_side,
                                const DiffWording& words) {
  return Comparer(old_side, new_side, words).Run();
}

}  // namespace mcpolicy::diff
