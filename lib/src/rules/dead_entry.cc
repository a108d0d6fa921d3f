#include "rules/dead_entry.h"
#include "util/text.h"

#include <algorithm>
#include <string_view>
#include <vector>

namespace mcpolicy {
namespace {

// Limit `a` can never be reached when `b`, counting at least the same calls, has a shorter window
// and lets fewer calls through over a's window than a's max. Only judged when a's counter is used
// by this limit alone, since a shared counter also counts other tools' calls.
bool Unreachable(const Limit& a, const Limit& b) {
  if (!a.window || !a.max || !b.window || !b.max || *b.max == 0) return false;
  double span_a = WindowMinutes(*a.window), span_b = WindowMinutes(*b.window);
  return span_b < span_a && *b.max * (span_a / span_b) <= *a.max;
}

}  // namespace

void DeadEntry::Check(const PolicyContext& context, DiagnosticSink& sink) const {
  const Policy& policy = context.policy;
  // Every counter, once per limit naming it, sorted: a counter's uses are one equal range. Built
  // on first need: only a tool with two limits or more can have a dead one.
  std::vector<std::string_view> counters;
  auto used_once = [&](std::string_view counter) {
    if (counters.empty()) {
      counters.reserve(policy.limit_storage.size() + policy.all_tools_limits.size());
      for (const ToolRules& t : policy.tools) {
        for (const Limit& l : t.limits) counters.push_back(l.counter);
      }
      for (const Limit& l : policy.all_tools_limits) counters.push_back(l.counter);
      if (!std::is_sorted(counters.begin(), counters.end())) {
        std::sort(counters.begin(), counters.end());
      }
    }
    auto [first, last] = std::equal_range(counters.begin(), counters.end(), counter);
    return last - first == 1;
  };
  const PolicyWording& w = context.wording;
  for (const ToolRules& t : policy.tools) {
    const ResolvedTool* tool = context.resolution.Find(t.name);
    if (!tool) continue;
    auto what = [&] { return rules::Describe(*tool) + " is listed under " + w.Key(PolicyKey::kTools); };
    // The resolution knows whether a name is hidden; FindHidden then gives the first entry.
    const HideEntry* h =
        tool->hidden_by && tool->hidden_by->name != "*" ? policy.FindHidden(t.name) : nullptr;
    if (h) {
      uint32_t line = context.source.LineOf(h->loc);
      Diagnostic& d = sink.Report(info().name, t.key_loc,
                  what() + " but also hidden (line " + std::to_string(line) +
                      "), and hide wins, so this entry never applies; remove the entry, or remove "
                      "the name from " + w.Key(PolicyKey::kHide) + " if the agent needs the tool");
      Remedy remedy;
      remedy.kind = Remedy::Kind::kRemoveEntry;
      remedy.fix = "remove-entry";
      remedy.tool = std::string(t.name);
      d.remedy = std::move(remedy);
      continue;
    }
    if (policy.hides_all()) {
      sink.Report(info().name, t.key_loc,
                  what() + " but " + w.HideAll() +
                      " hides every tool, so this entry never applies; remove \"*\" from " +
                      w.Key(PolicyKey::kHide) + " or remove the entry");
      continue;
    }
    if (t.limits.size() < 2) continue;
    for (const Limit& a : t.limits) {
      if (a.counter.empty() || !used_once(a.counter)) continue;
      for (const Limit& b : t.limits) {
        if (&a == &b || !Unreachable(a, b)) continue;
        Diagnostic& d = sink.Report(info().name, a.max_loc,
                    "limit " + QuotedName(a.counter) + " on " + rules::Describe(*tool) +
                        " allows " + FormatNumber(*a.max) + " calls per " +
                        std::string(WindowName(*a.window)) + ", but limit " +
                        QuotedName(b.counter) + " stops it at " + FormatNumber(*b.max) +
                        " per " + std::string(WindowName(*b.window)) +
                        " first, so it never applies; lower its " + w.Key(PolicyKey::kMax) +
                        " or remove it");
        if (a.loc != kNoLoc) {
          Remedy remedy;
          remedy.kind = Remedy::Kind::kRemoveLimit;
          remedy.fix = "remove-limit";
          remedy.tool = std::string(t.name);
          remedy.target = a.loc;
          d.remedy = std::move(remedy);
        }
        break;
      }
    }
  }
}

}  // namespace mcpolicy
