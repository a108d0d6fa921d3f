// Lookups over a loaded catalog: by id or alias, "did you mean", and which server a set of tool
// names comes from.
#include <algorithm>
#include <cctype>

#include "mcpolicy/catalog.h"
#include "util/suggest.h"

namespace mcpolicy {
namespace {

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::string CatalogLoadError::ToString() const {
  if (line == 0) return path + ": " + message;
  return path + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message;
}

std::string DescribeOperations(const CatalogTool& tool, size_t limit) {
  if (tool.operation_argument.empty()) return "";
  std::string out = tool.operation_argument + ":";
  bool first_group = true;
  for (int rank = CategoryRank(Category::kFinancial); rank >= 0; --rank) {
    size_t shown = 0, total = 0;
    Category category = Category::kOther;
    std::string values;
    for (const auto& [value, c] : tool.operations) {
      if (CategoryRank(c) != rank) continue;
      category = c;
      if (++total > limit) continue;
      values += (shown++ ? ", " : " ") + value;
    }
    if (total == 0) continue;
    if (total > shown) values += " +" + std::to_string(total - shown) + " more";
    out += (first_group ? "" : ";") + values + " (" + std::string(CategoryName(category)) + ")";
    first_group = false;
  }
  return out;
}

const CatalogTool* CatalogServer::FindTool(std::string_view tool_name) const {
  auto it = std::lower_bound(index_.begin(), index_.end(), tool_name,
                             [this](uint32_t i, std::string_view n) { return tools[i].name < n; });
  if (it == index_.end() || tools[*it].name != tool_name) return nullptr;
  return &tools[*it];
}

void Catalog::BuildIndexes() {
  std::sort(servers_.begin(), servers_.end(),
            [](const CatalogServer& a, const CatalogServer& b) { return a.id < b.id; });
  by_tool_.clear();
  for (uint32_t s = 0; s < servers_.size(); ++s) {
    CatalogServer& server = servers_[s];
    server.index_.resize(server.tools.size());
    for (uint32_t t = 0; t < server.tools.size(); ++t) {
      server.index_[t] = t;
      by_tool_.emplace_back(s, t);
    }
    std::stable_sort(server.index_.begin(), server.index_.end(), [&server](uint32_t a, uint32_t b) {
      return server.tools[a].name < server.tools[b].name;
    });
  }
  std::stable_sort(by_tool_.begin(), by_tool_.end(), [this](const auto& a, const auto& b) {
    return servers_[a.first].tools[a.second].name < servers_[b.first].tools[b.second].name;
  });
}

const CatalogServer* Catalog::Find(std::string_view id_or_alias) const {
  auto it = std::lower_bound(servers_.begin(), servers_.end(), id_or_alias,
                             [](const CatalogServer& s, std::string_view id) { return s.id < id; });
  if (it != servers_.end() && it->id == id_or_alias) return Loaded(&*it);
  for (const CatalogServer& s : servers_) {
    for (const std::string& alias : s.aliases) {
      if (EqualsIgnoringCase(alias, id_or_alias)) return Loaded(&s);
    }
  }
  // GitHub treats owner and repository names case-insensitively; so do we.
  for (const CatalogServer& s : servers_) {
    if (EqualsIgnoringCase(s.id, id_or_alias)) return Loaded(&s);
  }
  return nullptr;
}

std::string Catalog::Suggest(std::string_view id_or_alias) const {
  // "mcp-server-python" for "kestra-io/mcp-server-python": the repository part alone.
  for (const CatalogServer& s : servers_) {
    size_t slash = s.id.find('/');
    if (slash != std::string::npos && EqualsIgnoringCase(s.id.substr(slash + 1), id_or_alias)) return s.id;
  }
  std::vector<std::string_view> candidates;
  for (const CatalogServer& s : servers_) {
    candidates.push_back(s.id);
    for (const std::string& alias : s.aliases) candidates.push_back(alias);
  }
  return mcpolicy::Suggest(id_or_alias, candidates);
}

std::vector<const CatalogServer*> Catalog::ServersWithTool(std::string_view tool_name) const {
  auto name_of = [this](const std::pair<uint32_t, uint32_t>& p) -> std::string_view {
    return servers_[p.first].tools[p.second].name;
  };
  auto lo = std::lower_bound(by_tool_.begin(), by_tool_.end(), tool_name,
                             [&](const auto& p, std::string_view n) { return name_of(p) < n; });
  std::vector<const CatalogServer*> out;
  for (auto it = lo; it != by_tool_.end() && name_of(*it) == tool_name; ++it) {
    if (out.empty() || out.back() != &servers_[it->first]) out.push_back(&servers_[it->first]);
  }
  for (const CatalogServer*& server : out) server = Loaded(server);
  return out;
}

std::optional<ServerMatch> Catalog::Infer(const std::vector<std::string_view>& tool_names) const {
  if (tool_names.empty()) return std::nullopt;
  std::vector<size_t> counts(servers_.size(), 0);
  auto name_of = [this](const std::pair<uint32_t, uint32_t>& p) -> std::string_view {
    return servers_[p.first].tools[p.second].name;
  };
  for (std::string_view name : tool_names) {
    auto lo = std::lower_bound(by_tool_.begin(), by_tool_.end(), name,
                               [&](const auto& p, std::string_view n) { return name_of(p) < n; });
    uint32_t last = UINT32_MAX;
    for (auto it = lo; it != by_tool_.end() && name_of(*it) == name; ++it) {
      if (it->first != last) ++counts[it->first];  // a server counts a name once per occurrence
      last = it->first;
    }
  }
  size_t best = servers_.size();
  for (size_t s = 0; s < servers_.size(); ++s) {
    if (counts[s] == 0) continue;
    if (best == servers_.size() || counts[s] > counts[best] ||
        (counts[s] == counts[best] && servers_[s].tools.size() < servers_[best].tools.size())) {
      best = s;  // servers_ is in id order, so equal ties keep the smaller id
    }
  }
  if (best == servers_.size() || counts[best] * 2 < tool_names.size()) return std::nullopt;
  return ServerMatch{Loaded(&servers_[best]), counts[best], tool_names.size()};
}

}  // namespace mcpolicy
