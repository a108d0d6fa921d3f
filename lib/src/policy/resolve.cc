// Resolve: a category and a decision for every tool a policy or its server names.
#include <algorithm>

#include "mcpolicy/policy.h"

namespace mcpolicy {
namespace {

Decision Decide(const Policy& policy, const ResolvedTool& tool) {
  if (tool.hidden_by) return Decision::kHidden;
  if (tool.rules && tool.rules->denied) return Decision::kDenied;
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
    case Decision::kDenied: return "denied by a rule";
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
    case Source::kTools: {
      // ServerFromTools names its server "tools from PATH".
      std::string_view id = server->id;
      if (id.starts_with("tools from ")) id.remove_prefix(11);
      return "the server described by " + std::string(id) + " (--tools)";
    }
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
  const auto tools_end = static_cast<ptrdiff_t>(names.size());
  for (const HideEntry& h : policy.hide) {
    if (h.name != "*") names.push_back(h.name);
  }
  // Policies are often written in name order: sort the two groups only when they need it, then
  // merge them.
  if (!std::is_sorted(names.begin(), names.begin() + tools_end)) {
    std::sort(names.begin(), names.begin() + tools_end);
  }
  if (!std::is_sorted(names.begin() + tools_end, names.end())) {
    std::sort(names.begin() + tools_end, names.end());
  }
  std::inplace_merge(names.begin(), names.begin() + tools_end, names.end());
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
  // Every name by where it came from: catalog tools, then policy tools, then named hide entries
  // (one index each, 4 bytes), sorted by name. The sort is stable, so a name's sources keep that
  // order and, within hide, file order: the last hide entry naming a tool wins.
  const size_t catalog_count = server.server ? server.server->tools.size() : 0;
  const size_t tools_end = catalog_count + policy.tools.size();
  std::vector<uint32_t> hidden;  // indices into policy.hide of the named entries
  const HideEntry* hide_all = nullptr;
  for (uint32_t i = 0; i < policy.hide.size(); ++i) {
    if (policy.hide[i].name == "*") {
      hide_all = &policy.hide[i];
    } else {
      hidden.push_back(i);
    }
  }
  auto name_of = [&](uint32_t source) -> std::string_view {
    if (source < catalog_count) return server.server->tools[source].name;
    if (source < tools_end) return policy.tools[source - catalog_count].name;
    return policy.hide[hidden[source - tools_end]].name;
  };
  std::vector<uint32_t> sources(tools_end + hidden.size());
  for (uint32_t i = 0; i < sources.size(); ++i) sources[i] = i;
  auto by_name = [&](uint32_t a, uint32_t b) { return name_of(a) < name_of(b); };
  if (!std::is_sorted(sources.begin(), sources.end(), by_name)) {
    // Each group is often sorted already (catalogs and generated policies are): merge runs.
    auto group_end = [&](size_t end) { return sources.begin() + static_cast<ptrdiff_t>(end); };
    for (auto [begin, end] : {std::pair{size_t{0}, catalog_count},
                              std::pair{catalog_count, tools_end},
                              std::pair{tools_end, sources.size()}}) {
      if (!std::is_sorted(group_end(begin), group_end(end), by_name)) {
        std::stable_sort(group_end(begin), group_end(end), by_name);
      }
    }
    std::inplace_merge(sources.begin(), group_end(catalog_count), group_end(tools_end), by_name);
    std::inplace_merge(sources.begin(), group_end(tools_end), sources.end(), by_name);
  }
  size_t distinct = 0;
  for (size_t i = 0; i < sources.size(); ++i) {
    distinct += i == 0 || name_of(sources[i]) != name_of(sources[i - 1]);
  }
  resolution.tools.reserve(distinct);

  auto enforced = [](std::span<const Limit> limits) {
    return std::any_of(limits.begin(), limits.end(), [](const Limit& l) { return l.Enforced(); });
  };
  const bool any_limit = enforced(policy.all_tools_limits);
  Classification classification;
  for (size_t i = 0; i < sources.size();) {
    ResolvedTool tool;
    tool.name = name_of(sources[i]);
    for (; i < sources.size() && name_of(sources[i]) == tool.name; ++i) {
      uint32_t source = sources[i];
      if (source >= catalog_count && source < tools_end) {
        tool.rules = &policy.tools[source - catalog_count];
      } else if (source >= tools_end) {
        tool.hidden_by = &policy.hide[hidden[source - tools_end]];
      }
    }
    if (!tool.hidden_by) tool.hidden_by = hide_all;
    if (server.server) tool.catalog = server.server->FindTool(tool.name);
    tool.on_server = !server.server || tool.catalog != nullptr;
    if (tool.catalog) {
      tool.category = tool.catalog->category;
      tool.from_catalog = true;
      tool.uncertain = tool.catalog->uncertain;
    } else {
      ToolInfo info;
      info.name = tool.name;
      classifier().Classify(info, &classification);
      tool.category = classification.category;
      tool.uncertain = classification.uncertain;
    }
    tool.has_limits = any_limit || (tool.rules && enforced(tool.rules->limits));
    tool.has_conditions = tool.rules && (!tool.rules->require.empty() ||
                                         !tool.rules->deny_if.empty() || tool.rules->approval);
    tool.decision = Decide(policy, tool);
    resolution.tools.push_back(tool);
  }
  return resolution;
}

}  // namespace mcpolicy
