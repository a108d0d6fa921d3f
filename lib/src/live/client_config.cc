#include "live/client_config.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <nlohmann/json.hpp>

#define TOML_HEADER_ONLY 1
#define TOML_EXCEPTIONS 1
#include <toml++/toml.h>

#include "live/dump.h"
#include "mcpolicy/io.h"

namespace mcpolicy::live {
namespace {

constexpr uint64_t kMaxConfigBytes = 16ull << 20;

bool IsFile(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool EndsWith(const std::string& s, std::string_view tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

std::vector<std::string> Strings(const nlohmann::json& value) {
  std::vector<std::string> out;
  if (!value.is_array()) return out;
  for (const auto& v : value) {
    if (v.is_string()) out.push_back(v.get<std::string>());
  }
  return out;
}

void FromJsonServer(const std::string& name, const nlohmann::json& s, const ConfigFile& file,
                    const std::string& project_dir, const std::string& home,
                    std::vector<ServerSpec>* out) {
  if (!s.is_object()) return;
  ServerSpec spec;
  spec.client = file.client;
  spec.config_path = file.path;
  spec.scope = file.scope;
  spec.name = name;
  auto expand = [&](const std::string& text) {
    return Expand(text, project_dir, home, &spec.unresolved);
  };
  std::string type = s.value("type", "");
  std::string url = s.contains("httpUrl") && s["httpUrl"].is_string() ? s["httpUrl"].get<std::string>()
                    : s.contains("url") && s["url"].is_string()     ? s["url"].get<std::string>()
                                                                    : "";
  if (s.contains("command") && s["command"].is_string()) {
    spec.transport = "stdio";
    spec.argv.push_back(expand(s["command"].get<std::string>()));
    for (const std::string& a : Strings(s.value("args", nlohmann::json()))) spec.argv.push_back(expand(a));
  } else if (!url.empty()) {
    spec.transport = s.contains("httpUrl") ? "http" : (type == "sse" ? "sse" : (type.empty() ? "http" : type));
    if (file.client == "Gemini CLI" && !s.contains("httpUrl")) spec.transport = "sse";
    spec.url = expand(url);
  } else {
    spec.transport = "unknown";
  }
  if (s.contains("env") && s["env"].is_object()) {
    for (const auto& [key, value] : s["env"].items()) {
      if (value.is_string()) spec.env.push_back(key + "=" + expand(value.get<std::string>()));
    }
  }
  if (s.contains("cwd") && s["cwd"].is_string()) spec.cwd = expand(s["cwd"].get<std::string>());
  if (s.contains("headers") && s["headers"].is_object()) {
    for (const auto& [key, value] : s["headers"].items()) {
      if (value.is_string()) spec.headers.push_back(key + ": " + expand(value.get<std::string>()));
    }
  }
  spec.include_tools = Strings(s.value("includeTools", nlohmann::json()));
  spec.exclude_tools = Strings(s.value("excludeTools", nlohmann::json()));
  if (s.contains("disabled") && s["disabled"].is_boolean()) spec.enabled = !s["disabled"].get<bool>();
  out->push_back(std::move(spec));
}

bool ReadToml(const ConfigFile& file, const std::string& text, const std::string& project_dir,
              const std::string& home, std::vector<ServerSpec>* out, std::string* error) {
  toml::table root;
  try {
    root = toml::parse(text, file.path);
  } catch (const toml::parse_error& e) {
    *error = file.path + ":" + std::to_string(e.source().begin.line) + ":" +
             std::to_string(e.source().begin.column) + ": not valid TOML: " +
             std::string(e.description());
    return false;
  }
  const toml::table* servers = root["mcp_servers"].as_table();
  if (!servers) return true;
  for (const auto& [key, node] : *servers) {
    const toml::table* s = node.as_table();
    if (!s) continue;
    ServerSpec spec;
    spec.client = file.client;
    spec.config_path = file.path;
    spec.scope = file.scope;
    spec.name = std::string(key.str());
    auto expand = [&](const std::string& t) { return Expand(t, project_dir, home, &spec.unresolved); };
    if (auto command = (*s)["command"].value<std::string>()) {
      spec.transport = "stdio";
      spec.argv.push_back(expand(*command));
      if (const toml::array* args = (*s)["args"].as_array()) {
        for (const auto& a : *args) {
          if (auto v = a.value<std::string>()) spec.argv.push_back(expand(*v));
        }
      }
    } else if (auto url = (*s)["url"].value<std::string>()) {
      spec.transport = "http";
      spec.url = expand(*url);
    } else {
      spec.transport = "unknown";
    }
    if (const toml::table* env = (*s)["env"].as_table()) {
      for (const auto& [k, v] : *env) {
        if (auto value = v.value<std::string>()) spec.env.push_back(std::string(k.str()) + "=" + expand(*value));
      }
    }
    if (auto cwd = (*s)["cwd"].value<std::string>()) spec.cwd = expand(*cwd);
    if (const toml::table* headers = (*s)["http_headers"].as_table()) {
      for (const auto& [k, v] : *headers) {
        if (auto value = v.value<std::string>()) spec.headers.push_back(std::string(k.str()) + ": " + expand(*value));
      }
    }
    if (auto enabled = (*s)["enabled"].value<bool>()) spec.enabled = *enabled;
    for (const char* key_name : {"enabled_tools", "disabled_tools"}) {
      if (const toml::array* list = (*s)[key_name].as_array()) {
        for (const auto& a : *list) {
          if (auto v = a.value<std::string>()) {
            (key_name[0] == 'e' ? spec.include_tools : spec.exclude_tools).push_back(*v);
          }
        }
      }
    }
    out->push_back(std::move(spec));
  }
  return true;
}

}  // namespace

std::string Expand(const std::string& text, const std::string& project_dir, const std::string& home,
                   std::vector<std::string>* unresolved) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    if (text.compare(i, 2, "${") != 0) {
      out.push_back(text[i++]);
      continue;
    }
    size_t close = text.find('}', i + 2);
    if (close == std::string::npos) {
      out.append(text, i, std::string::npos);
      break;
    }
    std::string inner = text.substr(i + 2, close - i - 2);
    std::string written = text.substr(i, close - i + 1);
    i = close + 1;
    std::string fallback;
    bool has_fallback = false;
    if (size_t dash = inner.find(":-"); dash != std::string::npos) {
      fallback = inner.substr(dash + 2);
      inner = inner.substr(0, dash);
      has_fallback = true;
    }
    if (inner == "userHome") {
      out += home;
      continue;
    }
    if (inner == "workspaceFolder") {
      out += project_dir;
      continue;
    }
    if (inner.rfind("env:", 0) == 0) inner = inner.substr(4);
    bool plain = !inner.empty() && std::all_of(inner.begin(), inner.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
    });
    const char* value = plain ? std::getenv(inner.c_str()) : nullptr;
    if (value) {
      out += value;
    } else if (has_fallback && plain) {
      out += fallback;
    } else {
      out += written;
      if (std::find(unresolved->begin(), unresolved->end(), written) == unresolved->end()) {
        unresolved->push_back(written);
      }
    }
  }
  return out;
}

std::string GuessClient(const std::string& path, const std::string& content) {
  if (EndsWith(path, ".toml")) return "Codex";
  if (EndsWith(path, "claude_desktop_config.json")) return "Claude Desktop";
  if (EndsWith(path, ".mcp.json") || EndsWith(path, ".claude.json")) return "Claude Code";
  if (EndsWith(path, ".cursor/mcp.json")) return "Cursor";
  if (EndsWith(path, ".vscode/mcp.json") || EndsWith(path, "Code/User/mcp.json")) return "VS Code";
  if (EndsWith(path, "settings.json")) return "Gemini CLI";
  nlohmann::json doc = nlohmann::json::parse(content, nullptr, false, /*ignore_comments=*/true);
  if (doc.is_object() && doc.contains("servers")) return "VS Code";
  if (doc.is_object() && doc.contains("mcpServers")) return "Claude Desktop";
  return "";
}

std::vector<ConfigFile> DiscoverConfigs(const std::string& project_dir, const std::string& home) {
  const std::vector<ConfigFile> candidates = {
      {project_dir + "/.mcp.json", "Claude Code", "project"},
      {project_dir + "/.cursor/mcp.json", "Cursor", "project"},
      {project_dir + "/.vscode/mcp.json", "VS Code", "project"},
      {project_dir + "/.gemini/settings.json", "Gemini CLI", "project"},
      {project_dir + "/.codex/config.toml", "Codex", "project"},
      {home + "/.config/Claude/claude_desktop_config.json", "Claude Desktop", "user"},
      {home + "/Library/Application Support/Claude/claude_desktop_config.json", "Claude Desktop", "user"},
      {home + "/.claude.json", "Claude Code", "user"},
      {home + "/.cursor/mcp.json", "Cursor", "user"},
      {home + "/.config/Code/User/mcp.json", "VS Code", "user"},
      {home + "/.gemini/settings.json", "Gemini CLI", "user"},
      {home + "/.codex/config.toml", "Codex", "user"},
  };
  std::vector<ConfigFile> found;
  for (const ConfigFile& c : candidates) {
    if (IsFile(c.path)) found.push_back(c);
  }
  return found;
}

bool ReadConfig(const ConfigFile& file, const std::string& project_dir, const std::string& home,
                std::vector<ServerSpec>* servers, std::string* error) {
  ReadResult read = ReadInput(file.path, kMaxConfigBytes);
  if (!read.ok) {
    *error = read.error;
    return false;
  }
  if (file.client == "Codex") return ReadToml(file, read.data, project_dir, home, servers, error);
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(read.data, nullptr, true, /*ignore_comments=*/true);
  } catch (const nlohmann::json::parse_error& e) {
    *error = JsonErrorMessage(file.path, e);
    return false;
  }
  if (!doc.is_object()) {
    *error = file.path + ": expected a JSON object";
    return false;
  }
  auto take = [&](const nlohmann::json& table) {
    if (!table.is_object()) return;
    for (const auto& [name, s] : table.items()) FromJsonServer(name, s, file, project_dir, home, servers);
  };
  if (file.client == "VS Code") {
    take(doc.value("servers", nlohmann::json()));
  } else {
    take(doc.value("mcpServers", nlohmann::json()));
  }
  // Claude Code keeps per-project servers in ~/.claude.json under projects.<dir>.mcpServers.
  if (file.client == "Claude Code" && doc.contains("projects") && doc["projects"].is_object() &&
      doc["projects"].contains(project_dir)) {
    ConfigFile local = file;
    local.scope = "local";
    const auto& project = doc["projects"][project_dir];
    if (project.is_object() && project.contains("mcpServers")) {
      for (const auto& [name, s] : project["mcpServers"].items()) {
        FromJsonServer(name, s, local, project_dir, home, servers);
      }
    }
  }
  return true;
}

std::vector<ServerSpec> MergeScopes(std::vector<ServerSpec> servers) {
  auto rank = [](const std::string& scope) { return scope == "user" ? 0 : scope == "project" ? 1 : 2; };
  std::stable_sort(servers.begin(), servers.end(), [&](const ServerSpec& a, const ServerSpec& b) {
    if (a.client != b.client) return a.client < b.client;
    if (a.name != b.name) return a.name < b.name;
    return rank(a.scope) > rank(b.scope);  // the winning scope first
  });
  std::vector<ServerSpec> merged;
  for (ServerSpec& s : servers) {
    if (!merged.empty() && merged.back().client == s.client && merged.back().name == s.name) continue;
    merged.push_back(std::move(s));
  }
  return merged;
}

}  // namespace mcpolicy::live
