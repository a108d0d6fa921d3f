// Resolve: a category and a decision for every tool a policy or its server names.
#include <algorithm>
#include <map>

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
  for (const ToolRules& t : policy.tools) names.push_back(t.name);
  for (const HideEntry& h : policy.hide) {
    if (h.name != "*") names.push_back(h.name);
  }
  std::sort(names.begin(), names.end());
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
  std::map<std::string_view, ResolvedTool> tools;
  auto add = [&](std::string_view name) -> ResolvedTool& {
    ResolvedTool& t = tools[name];
    t.name = std::string(name);
    return t;
  };
  if (server.server) {
    for (const CatalogTool& c : server.server->tools) add(c.name);
  }
  for (const ToolRules& r : policy.tools) add(r.name).rules = &r;
  for (const HideEntry& h : policy.hide) {
    if (h.name != "*") add(h.name).hidden_by = &h;
  }
  const HideEntry* hide_all = nullptr;
  for (const HideEntry& h : policy.hide) {
    if (h.name == "*") hide_all = &h;
  }
  Classification classification;
  for (auto& [name, tool] : tools) {
    if (!tool.hidden_by) tool.hidden_by = hide_all;
    if (server.server) tool.catalog = server.server->FindTool(name);
    tool.on_server = !server.server || tool.catalog != nullptr;
    if (tool.catalog) {
      tool.category = tool.catalog->category;
      tool.from_catalog = true;
    } else {
      ToolInfo info;
      info.name = name;
      classifier().Classify(info, &classification);
      tool.category = classification.category;
    }
    tool.has_limits = !policy.all_tools_limits.empty() || (tool.rules && !tool.rules->limits.empty());
    tool.has_conditions = tool.rules && (!tool.rules->require.empty() || !tool.rules->deny_if.empty());
    tool.decision = Decide(policy, tool);
    resolution.tools.push_back(std::move(tool));
  }
  return resolution;
}

}  // namespace mcpolicy
