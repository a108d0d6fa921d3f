#include "rules/shared_counter.h"

#include <map>
#include <set>

namespace mcpolicy {
namespace {

struct Use {
  const Limit* limit;
  std::string owner;  // the tool, or "" for all_tools
};

std::string Shape(const Limit& l) {
  return "window " + std::string(WindowName(*l.window)) + " and max " + rules::Number(*l.max);
}

}  // namespace

void SharedCounter::Check(const PolicyContext& context, DiagnosticSink& sink) const {
  const Policy& policy = context.policy;
  std::vector<Use> uses;
  for (const Limit& l : policy.all_tools_limits) uses.push_back({&l, ""});
  for (const ToolRules& t : policy.tools) {
    for (const Limit& l : t.limits) uses.push_back({&l, t.name});
  }
  // One counter, different quotas.
  std::map<std::string_view, const Use*> first;
  for (const Use& u : uses) {
    const Limit& l = *u.limit;
    if (l.counter.empty() || !l.window || !l.max) continue;
    auto [it, inserted] = first.emplace(l.counter, &u);
    if (inserted) continue;
    const Limit& f = *it->second->limit;
    if (*f.window == *l.window && *f.max == *l.max) continue;
    uint32_t line = json::Value(&context.doc, f.node).location().line;
    sink.Report(info().name, l.counter_node,
                "counter " + rules::Quote(l.counter) + " has " + Shape(f) + " at line " +
                    std::to_string(line) + " but " + Shape(l) +
                    " here; limits naming one counter share one quota, so give this limit its "
                    "own counter or make the two match");
  }
  // A counter named after another tool: usually a limit copied from that tool's entry.
  std::set<std::string_view> tool_names;
  for (const ResolvedTool& t : context.resolution.tools) tool_names.insert(t.name);
  for (const Use& u : uses) {
    const Limit& l = *u.limit;
    if (u.owner.empty() || l.counter.empty() || l.counter.rfind(u.owner, 0) == 0) continue;
    std::string_view named_after;
    for (std::string_view name : tool_names) {
      bool prefix = l.counter.rfind(name, 0) == 0 &&
                    (l.counter.size() == name.size() || l.counter[name.size()] == '_');
      if (prefix && name != u.owner && name.size() > named_after.size()) named_after = name;
    }
    const ResolvedTool* owner = context.resolution.Find(u.owner);
    // An entry that never applies (unknown or invalid name) is reported by its own rule.
    if (named_after.empty() || !owner || !rules::Judged(*owner)) continue;
    sink.Report(info().name, l.counter_node,
                "counter " + rules::Quote(l.counter) + " on " + rules::Describe(*owner) +
                    " is named after tool " + rules::Quote(named_after) +
                    ", so the two tools share one quota, likely by copy and paste; name it " +
                    rules::Quote(u.owner + "_rate") + " unless the quota is meant to be shared");
  }
}

}  // namespace mcpolicy
