#include "rules/shared_counter.h"
#include "util/text.h"

#include <algorithm>
#include <string_view>
#include <vector>

namespace mcpolicy {
namespace {

std::string Shape(const Limit& l) {
  return "window " + std::string(WindowName(*l.window)) + " and max " + FormatNumber(*l.max);
}

}  // namespace

void SharedCounter::Check(const PolicyContext& context, DiagnosticSink& sink) const {
  const Policy& policy = context.policy;
  if (!policy.counters_shared) return;  // each tool's counters are its own: nothing is shared
  // A limit's id: all_tools limits first, then the tools' limits by their place in the Policy's
  // storage, which is file order. Ids rather than copies keep a 100,000-tool policy cheap.
  const size_t shared = policy.all_tools_limits.size();
  auto limit_of = [&](uint32_t id) -> const Limit& {
    return id < shared ? policy.all_tools_limits[id] : policy.limit_storage[id - shared];
  };
  auto judged_shape = [](const Limit& l) { return !l.counter.empty() && l.window && l.max; };
  // One counter, different quotas: each limit against the first limit naming its counter. Ids
  // sorted by counter (stable, so a group starts with the first in file order); findings are
  // then reported in file order.
  std::vector<uint32_t> order;
  for (uint32_t id = 0; id < shared; ++id) {
    if (judged_shape(limit_of(id))) order.push_back(id);
  }
  for (const ToolRules& t : policy.tools) {
    for (const Limit& l : t.limits) {
      if (judged_shape(l)) {
        order.push_back(static_cast<uint32_t>(shared + (&l - policy.limit_storage.data())));
      }
    }
  }
  auto by_counter = [&](uint32_t a, uint32_t b) {
    return limit_of(a).counter < limit_of(b).counter;
  };
  if (!std::is_sorted(order.begin(), order.end(), by_counter)) {
    std::stable_sort(order.begin(), order.end(), by_counter);
  }
  std::vector<std::pair<uint32_t, uint32_t>> clashes;  // (limit, first limit of its counter)
  for (size_t g = 0; g < order.size();) {
    const Limit& f = limit_of(order[g]);
    size_t i = g + 1;
    for (; i < order.size() && limit_of(order[i]).counter == f.counter; ++i) {
      const Limit& l = limit_of(order[i]);
      if (*f.window != *l.window || *f.max != *l.max) clashes.emplace_back(order[i], order[g]);
    }
    g = i;
  }
  std::sort(clashes.begin(), clashes.end());
  for (auto [id, first] : clashes) {
    const Limit& l = limit_of(id);
    const Limit& f = limit_of(first);
    uint32_t line = context.source.LineOf(f.loc);
    sink.Report(info().name, l.counter_loc,
                "counter " + QuotedName(l.counter) + " has " + Shape(f) + " at line " +
                    std::to_string(line) + " but " + Shape(l) +
                    " here; limits naming one counter share one quota, so give this limit its "
                    "own counter or make the two match");
  }
  // A counter named after another tool: usually a limit copied from that tool's entry.
  // The longest tool name (not the owner's) that is the counter itself or a prefix of it ending
  // before a "_": try those prefixes, longest first, against the sorted resolution.
  for (const ToolRules& t : policy.tools) {
    for (const Limit& l : t.limits) {
      if (l.counter.empty() || l.counter.starts_with(t.name)) continue;
      std::string_view named_after;
      for (size_t end = l.counter.size();;) {
        std::string_view name = l.counter.substr(0, end);
        if (name != t.name && context.resolution.Find(name)) {
          named_after = name;
          break;
        }
        if (end == 0) break;
        end = l.counter.rfind('_', end - 1);
        if (end == std::string_view::npos) break;
      }
      const ResolvedTool* owner = context.resolution.Find(t.name);
      // An entry that never applies (unknown or invalid name) is reported by its own rule.
      if (named_after.empty() || !owner || !rules::Judged(*owner)) continue;
      sink.Report(info().name, l.counter_loc,
                  "counter " + QuotedName(l.counter) + " on " + rules::Describe(*owner) +
                      " is named after tool " + QuotedName(named_after) +
                      ", so the two tools share one quota, likely by copy and paste; name it " +
                      QuotedName(std::string(t.name) + "_rate") +
                      " unless the quota is meant to be shared");
    }
  }
}

}  // namespace mcpolicy
