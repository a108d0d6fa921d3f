// mcpolicy scan: list the servers that clients start, then (with consent) fetch and judge each.
#include <algorithm>
#include <map>

#include "live/client_config.h"
#include "live/dump.h"
#include "live/fetch_live.h"
#include "live/snapshot.h"
#include "mcpolicy/catalog.h"
#include "mcpolicy/io.h"
#include "mcpolicy/scan.h"

namespace mcpolicy {
namespace {

using live::PrintableText;
using live::ServerSpec;

struct ServerResult {
  std::string status;  // "scanned", "failed", "skipped"
  std::string detail;  // why it failed or was skipped
  std::string catalog_server;
  size_t tools = 0;
  std::map<std::string, int> counts;                        // by category
  std::vector<std::pair<std::string, std::string>> risky;   // name, category (reachable)
  std::vector<std::string> filtered;                         // hidden by the client's own filters
  std::vector<std::string> notes;
};

constexpr const char* kOrder[] = {"read", "write", "execute", "destructive", "financial", "other"};

std::string Command(const ServerSpec& s) {
  if (s.transport != "stdio") return s.transport + ": " + s.url;
  std::string out = "stdio:";
  for (const std::string& a : s.argv) {
    bool plain = !a.empty() && a.find_first_of(" \t'\"\\$`") == std::string::npos;
    out += " " + (plain ? a : "'" + a + "'");
  }
  return out;
}

// The catalog server whose alias (an npm or PyPI package, a Docker image) the command names.
std::string CatalogByPackage(const ServerSpec& s) {
  const Catalog& catalog = Catalog::Bundled();
  for (size_t i = 1; i < s.argv.size(); ++i) {
    std::string token = s.argv[i];
    if (token.empty() || token[0] == '-') continue;
    size_t version = token.find('@', token[0] == '@' ? 1 : 0);
    if (version != std::string::npos) token.resize(version);
    size_t tag = token.rfind(':');
    if (tag != std::string::npos && token.find('/') != std::string::npos) token.resize(tag);
    if (const CatalogServer* server = catalog.Find(token)) return server->id;
  }
  return "";
}

bool Allowed(const ServerSpec& s, const std::string& tool) {
  auto in = [&](const std::vector<std::string>& list) {
    return std::find(list.begin(), list.end(), tool) != list.end();
  };
  if (!s.include_tools.empty() && !in(s.include_tools)) return false;
  return !in(s.exclude_tools);
}

std::string Listing(const std::vector<ServerSpec>& servers, size_t configs) {
  std::string out = "MCP servers in " + std::to_string(configs) + (configs == 1 ? " config" : " configs") + ":\n";
  for (size_t i = 0; i < servers.size(); ++i) {
    const ServerSpec& s = servers[i];
    out += "  [" + std::to_string(i + 1) + "] " + PrintableText(s.name) + " (" + s.client + ", " +
           s.scope + ": " + PrintableText(s.config_path) + ")" + (s.enabled ? "" : " disabled") + "\n";
    out += "      " + PrintableText(Command(s)) + "\n";
    if (!s.cwd.empty()) out += "      cwd: " + PrintableText(s.cwd) + "\n";
    if (!s.env.empty()) {
      std::string keys;
      for (const std::string& e : s.env) keys += (keys.empty() ? "" : ", ") + e.substr(0, e.find('='));
      out += "      env: " + PrintableText(keys) + " (values not shown)\n";
    }
    for (const std::string& u : s.unresolved) {
      out += "      could not expand " + PrintableText(u) + " (only the environment is used)\n";
    }
  }
  return out;
}

ServerResult Outcome(std::string status, std::string detail) {
  ServerResult r;
  r.status = std::move(status);
  r.detail = std::move(detail);
  return r;
}

ServerResult Scan(const ServerSpec& s, const ScanRequest& request, nlohmann::json* snapshot_record) {
  ServerResult r;
  if (!s.enabled) return Outcome("skipped", "disabled in its config");
  if (s.transport != "stdio" && s.transport != "http") {
    return Outcome("skipped", "an " + s.transport + " server: scan speaks to stdio and streamable HTTP servers only");
  }
  if (!s.unresolved.empty()) {
    r.notes.push_back(s.transport == "http" ? "asked with unexpanded references"
                                            : "started with unexpanded references");
  }
  FetchRequest fetch;
  if (s.transport == "http") {
    fetch.url = s.url;
    fetch.headers = s.headers;
  } else {
    fetch.command = s.argv;
    fetch.env = s.env;
    fetch.cwd = s.cwd;
  }
  fetch.timeout_ms = request.timeout_ms;
  fetch.max_bytes = request.max_bytes;
  live::ToolList list;
  CommandOutput failure;
  if (!live::FetchLive(fetch, &list, &failure)) {
    r.status = "failed";
    r.detail = failure.errors.empty() ? "failed" : failure.errors.front();
    if (r.detail.rfind("fetch: ", 0) == 0) r.detail = r.detail.substr(7);
    for (const std::string& n : failure.notes) r.notes.push_back(n);
    return r;
  }
  r.status = "scanned";
  r.tools = list.tools.size();
  r.catalog_server = CatalogByPackage(s);
  nlohmann::ordered_json dump{{"tools", list.tools}};
  std::map<std::string, live::ToolVerdict> verdicts;
  std::string error;
  if (!live::ClassifyTools(dump.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                           &verdicts, &error, r.catalog_server)) {
    return Outcome("failed", "could not classify its tools: " + error);
  }
  for (const auto& tool : list.tools) {
    const std::string name = tool["name"].get<std::string>();
    const std::string category = verdicts.count(name) ? verdicts[name].category : "other";
    if (!Allowed(s, name)) {
      r.filtered.push_back(name);
      continue;
    }
    ++r.counts[category];
    if (category == "execute" || category == "destructive" || category == "financial") {
      r.risky.emplace_back(name, category);
    }
  }
  if (snapshot_record) *snapshot_record = live::ServerRecord(list.tools, verdicts, s.argv.front());
  return r;
}

std::string CountsText(const ServerResult& r) {
  std::string out;
  for (const char* c : kOrder) {
    auto it = r.counts.find(c);
    if (it == r.counts.end()) continue;
    out += (out.empty() ? "" : ", ") + std::to_string(it->second) + " " + c;
  }
  return out.empty() ? "none" : out;
}

}  // namespace

CommandOutput RunScan(const ScanRequest& request) {
  CommandOutput output;
  std::vector<live::ConfigFile> files;
  if (request.configs.empty()) {
    files = live::DiscoverConfigs(request.project_dir, request.home);
  } else {
    for (const std::string& path : request.configs) {
      ReadResult read = ReadInput(path, 16ull << 20);
      if (!read.ok) {
        output.exit_code = 2;
        output.errors.push_back(read.error);
        return output;
      }
      std::string client = live::GuessClient(path, read.data);
      if (client.empty()) {
        output.exit_code = 2;
        output.errors.push_back(PrintableText(path) +
                                ": not a client config this scan knows (no mcpServers, servers or "
                                "[mcp_servers] table)");
        return output;
      }
      files.push_back({path, client, "given"});
    }
  }
  if (files.empty()) {
    output.exit_code = 2;
    output.errors.push_back("scan: no client config found (looked for .mcp.json, .cursor/mcp.json, "
                            ".vscode/mcp.json, .gemini/settings.json, .codex/config.toml here and "
                            "the user configs of Claude Desktop, Claude Code, Cursor, VS Code, "
                            "Gemini CLI and Codex); name one: mcpolicy scan FILE");
    return output;
  }
  std::vector<ServerSpec> servers;
  for (const live::ConfigFile& file : files) {
    std::string error;
    if (!live::ReadConfig(file, request.project_dir, request.home, &servers, &error)) {
      output.exit_code = 2;
      output.errors.push_back(PrintableText(error));
      return output;
    }
  }
  servers = live::MergeScopes(std::move(servers));
  if (servers.empty()) {
    output.exit_code = 2;
    output.errors.push_back("scan: the configs name no MCP server");
    return output;
  }
  const std::string listing = Listing(servers, files.size());
  if (!request.yes) {
    if (!request.ask) {
      output.out = listing;
      output.exit_code = 2;
      output.errors.push_back("scan: nothing started: no terminal to ask on; pass --yes to start "
                              "the servers listed");
      return output;
    }
    if (!request.ask(listing)) {
      output.exit_code = 2;
      output.errors.push_back("scan: nothing started");
      return output;
    }
  }
  std::vector<ServerResult> results;
  std::map<std::string, nlohmann::json> records;
  for (const ServerSpec& s : servers) {
    nlohmann::json record;
    results.push_back(Scan(s, request, request.snapshot_path.empty() ? nullptr : &record));
    if (!record.is_null()) records[s.name] = record;
    if (results.back().status != "scanned") output.exit_code = 1;
  }
  for (const auto& [name, record] : records) {
    std::string error = live::WriteSnapshot(request.snapshot_path, name, record);
    if (!error.empty()) {
      output.errors.push_back(error);
      output.exit_code = 2;
    }
  }
  int scanned = 0, failed = 0, skipped = 0, critical = 0;
  for (const ServerResult& r : results) {
    (r.status == "scanned" ? scanned : r.status == "failed" ? failed : skipped)++;
    for (const auto& [name, category] : r.risky) critical += category != "execute";
  }
  if (request.format == ScanFormat::kJson) {
    nlohmann::ordered_json out{{"servers", nlohmann::ordered_json::array()}};
    for (size_t i = 0; i < servers.size(); ++i) {
      const ServerSpec& s = servers[i];
      const ServerResult& r = results[i];
      nlohmann::ordered_json entry{{"name", s.name}, {"client", s.client}, {"scope", s.scope},
                                   {"config", s.config_path}, {"transport", s.transport},
                                   {"command", s.argv}, {"url", s.url}, {"status", r.status}};
      if (!r.detail.empty()) entry["error"] = r.detail;
      if (r.status == "scanned") {
        entry["tools"] = r.tools;
        entry["catalog"] = r.catalog_server.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(r.catalog_server);
        entry["categories"] = r.counts;
        nlohmann::ordered_json risky = nlohmann::ordered_json::array();
        for (const auto& [name, category] : r.risky) risky.push_back({{"tool", name}, {"category", category}});
        entry["risky"] = risky;
        entry["filtered_by_client"] = r.filtered;
      }
      out["servers"].push_back(entry);
    }
    output.out = out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    return output;
  }
  const bool md = request.format == ScanFormat::kMarkdown;
  std::string out = md ? "" : listing + "\n";
  if (md) out += "| server | client | tools | categories | risky (reachable) |\n|---|---|---|---|---|\n";
  for (size_t i = 0; i < servers.size(); ++i) {
    const ServerSpec& s = servers[i];
    const ServerResult& r = results[i];
    std::string risky;
    for (const auto& [name, category] : r.risky) {
      risky += (risky.empty() ? "" : ", ") + PrintableText(name) + " (" + category + ")";
    }
    if (md) {
      std::string cell = r.status == "scanned" ? CountsText(r) : r.status + ": " + PrintableText(r.detail);
      for (std::string* text : {&cell, &risky}) {
        std::string escaped;
        for (char c : *text) escaped += c == '|' ? std::string("\\|") : std::string(1, c);
        *text = escaped;
      }
      out += "| " + PrintableText(s.name) + " | " + s.client + " | " +
             (r.status == "scanned" ? std::to_string(r.tools) : "-") + " | " + cell + " | " +
             (risky.empty() ? "-" : risky) + " |\n";
      continue;
    }
    out += PrintableText(s.name) + " (" + s.client + "): ";
    if (r.status != "scanned") {
      out += r.status + ": " + PrintableText(r.detail) + "\n";
      for (const std::string& n : r.notes) out += "    " + n + "\n";
      continue;
    }
    out += std::to_string(r.tools) + " tools: " + CountsText(r);
    out += r.catalog_server.empty() ? " (heuristic and inferred catalog)\n"
                                    : " (catalog " + r.catalog_server + ", by package)\n";
    if (!risky.empty()) out += "    risky: " + risky + "\n";
    if (!r.filtered.empty()) {
      out += "    hidden by the client's tool filter: " + std::to_string(r.filtered.size()) + "\n";
    }
  }
  out += std::string(md ? "\n" : "") + "scan: " + std::to_string(servers.size()) +
         (servers.size() == 1 ? " server: " : " servers: ") +
         std::to_string(scanned) + " scanned, " + std::to_string(failed) + " failed, " +
         std::to_string(skipped) + " skipped; " + std::to_string(critical) +
         (critical == 1 ? " destructive or financial tool reachable\n"
                        : " destructive or financial tools reachable\n");
  output.out = out;
  return output;
}

}  // namespace mcpolicy
