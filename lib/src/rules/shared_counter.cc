#include "rules/shared_counter.h"

#include <algorithm>
#include <string_view>
#include <vector>

namespace mcpolicy {
namespace {

struct Use {
  const Limit* limit;
  std::string_view owner;  // the tool, or "" for all_tools
};

std::string Shape(const Limit& l) {
  return "window " + std::string(WindowName(*l.window)) + " and max " + rules::Number(*l.max);
}

}  // namespace

void SharedCounter::Check(const PolicyContext& context, DiagnosticSink& sink) const {
  const Policy& policy = context.policy;
  std::vector<Use> uses;
  uses.reserve(policy.limit_storage.size() + policy.all_tools_limits.size());
  for (const Limit& l : policy.all_tools_limits) uses.push_back({&l, ""});
  for (const ToolRules& t : policy.tools) {
    for (const Limit& l : t.limits) uses.push_back({&l, t.name});
  }
  // One counter, different quotas: each use against the first use of its counter. Uses sorted
  // by counter (stable, so a group starts with the first use in file order); findings are then
  // reported in file order.
  std::vector<uint32_t> order;
  order.reserve(uses.size());
  for (uint32_t i = 0; i < uses.size(); ++i) {
    const Limit& l = *uses[i].limit;
    if (!l.counter.empty() && l.window && l.max) order.push_back(i);
  }
  auto by_counter = [&](uint32_t a, uint32_t b) {
    return uses[a].limit->counter < uses[b].limit->counter;
  };
  if (!std::is_sorted(order.begin(), order.end(), by_counter)) {
    std::stable_sort(order.begin(), order.end(), by_counter);
  }
  std::vector<std::pair<uint32_t, uint32_t>> clashes;  // (use, first use of its counter)
  for (size_t g = 0; g < order.size();) {
    const Limit& f = *uses[order[g]].limit;
    size_t i = g + 1;
    for (; i < order.size() && uses[order[i]].limit->counter == f.counter; ++i) {
      const Limit& l = *uses[order[i]].limit;
      if (*f.window != *l.window || *f.max != *l.max) clashes.emplace_back(order[i], order[g]);
    }
    g = i;
  }
  std::sort(clashes.begin(), clashes.end());
  for (auto [use, first] : clashes) {
    const Limit& l = *uses[use].limit;
    const Limit& f = *uses[first].limit;
    uint32_t line = json::Value(&context.doc, f.node).location().line;
    sink.Report(info().name, l.counter_node,
                "counter " + rules::Quote(l.counter) + " has " + Shape(f) + " at line " +
                    std::to_string(line) + " but " + Shape(l) +
                    " here; limits naming one counter share one quota, so give this limit its "
                    "own counter or make the two match");
  }
  // A counter named after another tool: usually a limit copied from that tool's entry.
  // The longest tool name (not the owner's) that is the counter itself or a prefix of it ending
  // before a "_": try those prefixes, longest first, against the sorted resolution.
  for (const Use& u : uses) {
    const Limit& l = *u.limit;
    if (u.owner.empty() || l.counter.empty() || l.counter.starts_with(u.owner)) continue;
    std::string_view named_after;
    for (size_t end = l.counter.size();;) {
      std::string_view name = l.counter.substr(0, end);
      if (name != u.owner && context.resolution.Find(name)) {
        named_after = name;
        break;
      }
      if (end == 0) break;
      end = l.counter.rfind('_', end - 1);
      if (end == std::string_view::npos) break;
    }
    const ResolvedTool* owner = context.resolution.Find(u.owner);
    // An entry that never applies (unknown or invalid name) is reported by its own rule.
    if (named_after.empty() || !owner || !rules::Judged(*owner)) continue;
    sink.Report(info().name, l.counter_node,
                "counter " + rules::Quote(l.counter) + " on " + rules::Describe(*owner) +
                    " is named after tool " + rules::Quote(named_after) +
                    ", so the two tools share one quota, likely by copy and paste; name it " +
                    rules::Quote(std::string(u.owner) + "_rate") +
                    " unless the quota is meant to be shared");
  }
}

}  // namespace mcpolicy
