#include "corpus.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

namespace mcpolicy::bench {
namespace {

// Kept out of every corpus, whatever the catalog holds: they measure the classifier from outside.
constexpr std::array<std::string_view, 10> kReserved = {
    "zereight/gitlab-mcp",          "chigwell/telegram-mcp",  "alpacahq/alpaca-mcp-server",
    "microsoft/azure-devops-mcp",   "cashfree/cashfree-mcp",  "heroku/heroku-mcp-server",
    "wonderwhy-er/desktopcommandermcp", "webflow/mcp-server", "hangwin/mcp-chrome",
    "voska/hass-mcp"};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::optional<bool> OptionalBool(const nlohmann::json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end() || !it->is_boolean()) return std::nullopt;
  return it->get<bool>();
}

}  // namespace

bool IsReservedRepository(std::string_view repository) {
  std::string r = Lower(repository);
  for (std::string_view prefix : {"https://github.com/", "http://github.com/"}) {
    if (r.rfind(prefix, 0) == 0) r.erase(0, prefix.size());
  }
  while (!r.empty() && (r.back() == '/')) r.pop_back();
  if (r.size() > 4 && r.ends_with(".git")) r.resize(r.size() - 4);
  for (std::string_view reserved : kReserved) {
    if (r == reserved || r.rfind(std::string(reserved) + "/", 0) == 0) return true;
  }
  return false;
}

ToolInfo LabelledTool::Info(bool full) const {
  ToolInfo info;
  info.name = name;
  if (!full) return info;
  info.description = description;
  info.hints = hints;
  for (const std::string& a : arguments) info.properties.push_back(a);
  if (!selector.empty()) {
    if (std::find(arguments.begin(), arguments.end(), selector) == arguments.end())
      info.properties.push_back(selector);
    EnumProperty e;
    e.name = selector;
    for (const std::string& v : operations) e.values.push_back(v);
    info.enums.push_back(std::move(e));
  }
  return info;
}

bool LoadCatalogCorpus(const std::string& dir, std::vector<LabelledTool>* out, std::string* error) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  if (ec) {
    *error = dir + ": " + ec.message();
    return false;
  }
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    const auto doc = nlohmann::json::parse(ss.str(), nullptr, false);
    if (!doc.is_object() || !doc.contains("tools") || !doc["tools"].is_array()) {
      *error = path.string() + ": not a catalog server file";
      return false;
    }
    const std::string repository = doc.value("repository", "");
    if (IsReservedRepository(repository)) {
      std::cerr << path.string() << ": skipped, " << repository
                << " is reserved for independent evaluation\n";
      continue;
    }
    for (const auto& t : doc["tools"]) {
      const auto label = t.is_object() ? ParseCategory(t.value("category", "")) : std::nullopt;
      if (!label || !t.contains("name") || !t["name"].is_string()) {
        *error = path.string() + ": a tool without a name or a category";
        return false;
      }
      LabelledTool tool;
      tool.repository = repository;
      tool.server = doc.value("id", "");
      tool.name = t["name"].get<std::string>();
      tool.description = t.value("summary", "");
      tool.label = *label;
      if (const auto a = t.find("annotations"); a != t.end() && a->is_object()) {
        tool.hints.read_only = OptionalBool(*a, "readOnlyHint");
        tool.hints.destructive = OptionalBool(*a, "destructiveHint");
        tool.hints.idempotent = OptionalBool(*a, "idempotentHint");
        tool.hints.open_world = OptionalBool(*a, "openWorldHint");
      }
      if (const auto a = t.find("arguments"); a != t.end() && a->is_array()) {
        for (const auto& v : *a) {
          if (v.is_string()) tool.arguments.push_back(v.get<std::string>());
        }
      }
      if (const auto o = t.find("operations"); o != t.end() && o->is_object()) {
        tool.selector = o->value("argument", "");
        if (const auto v = o->find("values"); v != o->end() && v->is_object()) {
          for (const auto& [value, category] : v->items()) tool.operations.push_back(value);
        }
      }
      out->push_back(std::move(tool));
    }
  }
  return true;
}

std::vector<int> GroupsByRepository(const std::vector<LabelledTool>& tools, int* group_count) {
  std::map<std::string, int> ids;
  std::vector<int> groups;
  groups.reserve(tools.size());
  for (const LabelledTool& t : tools) {
    const std::string key = Lower(t.repository.empty() ? t.server : t.repository);
    auto [it, inserted] = ids.emplace(key, static_cast<int>(ids.size()));
    groups.push_back(it->second);
  }
  *group_count = static_cast<int>(ids.size());
  return groups;
}

}  // namespace mcpolicy::bench
