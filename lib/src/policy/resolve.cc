// Resolve: a category and a decision for every tool a policy or its server names.
#include <algorithm>

#include "mcpolicy/policy.h"

namespace mcpolicy {
namespace {

Decision Decide(const Policy& policy, const ResolvedTool& tool) {
  if (tool.hidden_by) return Decision::kHidden;
  if (!tool.rules && policy.default_action != DefaultAction::kAllow) {
    // kUnset (absent or malformed "default") is read as deny: the schema rule reports it, and
    // reading it as allow would flag every tool of the server on top.
    return Decision::kDeniedByDefault;
  }
  if (tool.has_limits) return Decision::kLimited;
  if (tool.has_conditions) return Decision::kConditioned;
  return Decision::kUnlimited;
}

}  // namespace

std::string_view DecisionName(Decision decision) {
  switch (decision) {
    case Decision::kHidden: return "hidden";
    case Decision::kDeniedByDefault: return "denied by default";
    case Decision::kLimited: return "allowed with limits";
    case Decision::kConditioned: return "allowed with argument conditions";
    case Decision::kUnlimited: return "allowed unlimited";
  }
  return "allowed unlimited";
}

std::string ServerChoice::Describe() const {
  if (!server) return "none";
  switch (source) {
    case Source::kFlag: return server->id + " (--server)";
    case Source::kConfig: return server->id + " (configuration)";
    case Source::kInferred:
      return server->id + " (inferred, " + std::to_string(matched) + " of " + std::to_string(total) +
             " names)";
    case Source::kNone: break;
  }
  return server->id;
}

const ResolvedTool* Resolution::Find(std::string_view name) const {
  auto it = std::lower_bound(tools.begin(), tools.end(), name,
                             [](const ResolvedTool& t, std::string_view n) { return t.name < n; });
  return (it != tools.end() && it->name == name) ? &*it : nullptr;
}

std::vector<std::string_view> PolicyToolNames(const Policy& policy) {
  std::vector<std::string_view> names;
  names.reserve(policy.tools.size() + policy.hide.size());
  for (const ToolRules& t : policy.tools) names.push_back(t.name);
  for (const HideEntry& h : policy.hide) {
    if (h.name != "*") names.push_back(h.name);
  }
  // Policies are often written in name order: skip the sort then.
  if (!std::is_sorted(names.begin(), names.end())) std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

ServerChoice InferServer(const Policy& policy, const Catalog& catalog) {
  ServerChoice choice;
  std::vector<std::string_view> names = PolicyToolNames(policy);
  if (names.empty()) return choice;
  std::optional<ServerMatch> match = catalog.Infer(names);
  // Catalog::Infer accepts half of the names; a guess that weak would turn every other name into
  // an unknown-tool finding, so inference here asks for all names, or two thirds and at least two.
  if (!match || !match->server) return choice;
  bool strong = match->matched == match->total ||
                (match->matched >= 2 && match->matched * 3 >= match->total * 2);
  if (!strong) return choice;
  choice.server = match->server;
  choice.source = ServerChoice::Source::kInferred;
  choice.matched = match->matched;
  choice.total = match->total;
  return choice;
}

Resolution Resolve(const Policy& policy, const ServerChoice& server, const Classifier& classifier) {
  return Resolve(policy, server, [&]() -> const Classifier& { return classifier; });
}

Resolution Resolve(const Policy& policy, const ServerChoice& server,
                   const std::function<const Classifier&()>& classifier) {
  Resolution resolution;
  resolution.server = server;
  // Every name with where it came from, sorted by name (stable: a name's sources stay in the
  // order catalog, tools, hide, and within hide in file order, so the last hide entry wins).
  struct Source {
    std::string_view name;
    const ToolRules* rules = nullptr;
    const HideEntry* hidden = nullptr;
  };
  std::vector<Source> sources;
  sources.reserve((server.server ? server.server->tools.size() : 0) + policy.tools.size() +
                  policy.hide.size());
  if (server.server) {
    for (const CatalogTool& c : server.server->tools) sources.push_back({c.name});
  }
  for (const ToolRules& r : policy.tools) sources.push_back({r.name, &r});
  const HideEntry* hide_all = nullptr;
  for (const HideEntry& h : policy.hide) {
    if (h.name == "*") {
      hide_all = &h;
    } else {
      sources.push_back({h.name, nullptr, &h});
    }
  }
  auto by_name = [](const Source& a, const Source& b) { return a.name < b.name; };
  if (!std::is_sorted(sources.begin(), sources.end(), by_name)) {
    std::stable_sort(sources.begin(), sources.end(), by_name);
  }
  size_t distinct = 0;
  for (size_t i = 0; i < sources.size(); ++i) distinct += i == 0 || sources[i].name != sources[i - 1].name;
  resolution.tools.reserve(distinct);

  const bool any_limit = !policy.all_tools_limits.empty();
  Classification classification;
  for (size_t i = 0; i < sources.size();) {
    ResolvedTool tool;
    tool.name = sources[i].name;
    for (; i < sources.size() && sources[i].name == tool.name; ++i) {
      if (sources[i].rules) tool.rules = sources[i].rules;
      if (sources[i].hidden) tool.hidden_by = sources[i].hidden;
    }
    if (!tool.hidden_by) tool.hidden_by = hide_all;
    if (server.server) tool.catalog = server.server->FindTool(tool.name);
    tool.on_server = !server.server || tool.catalog != nullptr;
    if (tool.catalog) {
      tool.category = tool.catalog->category;
      tool.from_catalog = true;
    } else {
      ToolInfo info;
      info.name = tool.name;
      classifier().Classify(info, &classification);
      tool.category = classification.category;
    }
    tool.has_limits = any_limit || (tool.rules && !tool.rules->limits.empty());
    tool.has_conditions = tool.rules && (!tool.rules->require.empty() || !tool.rules->deny_if.empty());
    tool.decision = Decide(policy, tool);
    resolution.tools.push_back(tool);
  }
  return resolution;
}

}  // namespace mcpolicy
