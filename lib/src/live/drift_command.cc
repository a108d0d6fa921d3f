// mcpolicy drift: the tools now (a dump, or a live server) against a snapshot, graded.
#include <algorithm>
#include <map>
#include <set>

#include "live/drift_compare.h"
#include "live/dump.h"
#include "live/fetch_live.h"
#include "live/snapshot.h"
#include "mcpolicy/drift.h"
#include "mcpolicy/io.h"

namespace mcpolicy {
namespace {

using live::DriftChange;
using live::DriftSeverity;

CommandOutput Error(std::string message) {
  CommandOutput out;
  out.exit_code = 2;
  out.errors.push_back(std::move(message));
  return out;
}

// 1-based line of `"tool": {` under the server `name` in the snapshot text (the server's line,
// or 1, when the tool is not there: a new tool).
int LineOf(const std::string& text, const std::string& name, const std::string& tool) {
  auto line_at = [&](size_t offset) {
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
  };
  size_t server = text.find("\n    " + nlohmann::json(name).dump() + ": {");
  if (server == std::string::npos) return 1;
  size_t at = text.find("\n        " + nlohmann::json(tool).dump() + ": {", server);
  size_t next_server = text.find("\n    \"", server + 1);
  if (at == std::string::npos || (next_server != std::string::npos && at > next_server)) {
    return line_at(server + 1);
  }
  return line_at(at + 1);
}

std::string Count(size_t n, const char* noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

// GitHub workflow commands: data escapes % CR LF; properties also : and ,.
std::string GithubEscape(std::string_view s, bool property) {
  std::string out;
  for (char c : s) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else if (property && c == ':') out += "%3A";
    else if (property && c == ',') out += "%2C";
    else out.push_back(c);
  }
  return out;
}

std::string Render(const DriftRequest& request, const std::string& server,
                   const std::string& snapshot_text, const std::vector<DriftChange>& changes,
                   size_t tools_now) {
  const std::string& path = request.snapshot_path;
  int errors = 0, warnings = 0, notes = 0;
  for (const DriftChange& c : changes) {
    (c.severity == DriftSeverity::kError     ? errors
     : c.severity == DriftSeverity::kWarning ? warnings
                                             : notes)++;
  }
  switch (request.format) {
    case DriftFormat::kJson: {
      nlohmann::ordered_json out{{"snapshot", path}, {"server", server}, {"tools", tools_now},
                                 {"risk_rose", errors > 0}, {"changes", nlohmann::ordered_json::array()}};
      for (const DriftChange& c : changes) {
        out["changes"].push_back({{"rule", c.rule},
                                  {"severity", live::SeverityName(c.severity)},
                                  {"tool", c.tool},
                                  {"line", LineOf(snapshot_text, server, c.tool)},
                                  {"message", c.message}});
      }
      return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    }
    case DriftFormat::kGithub: {
      std::string out;
      for (const DriftChange& c : changes) {
        out += "::" + std::string(live::SeverityName(c.severity) == "note" ? "notice"
                                  : live::SeverityName(c.severity)) +
               " file=" + GithubEscape(path, true) +
               ",line=" + std::to_string(LineOf(snapshot_text, server, c.tool)) +
               ",title=" + GithubEscape("mcpolicy drift (" + c.rule + ")", true) +
               "::" + GithubEscape(live::PrintableText(c.message), false) + "\n";
      }
      return out;
    }
    case DriftFormat::kSarif: {
      nlohmann::ordered_json rules = nlohmann::ordered_json::array();
      std::set<std::string> seen;
      nlohmann::ordered_json results = nlohmann::ordered_json::array();
      for (const DriftChange& c : changes) {
        if (seen.insert(c.rule).second) {
          rules.push_back({{"id", c.rule},
                           {"shortDescription", {{"text", "MCP server drift: " + c.rule}}}});
        }
        std::string level(live::SeverityName(c.severity));
        results.push_back(
            {{"ruleId", c.rule},
             {"level", level},
             {"message", {{"text", c.message}}},
             {"locations",
              {{{"physicalLocation",
                 {{"artifactLocation", {{"uri", path}}},
                  {"region", {{"startLine", LineOf(snapshot_text, server, c.tool)}}}}}}}}});
      }
      nlohmann::ordered_json log{
          {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
          {"version", "2.1.0"},
          {"runs",
           {{{"tool", {{"driver", {{"name", "mcpolicy"}, {"version", MCPOLICY_VERSION},
                                   {"rules", rules}}}}},
             {"results", results}}}}};
      return log.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    }
    case DriftFormat::kText:
      break;
  }
  std::string out;
  const std::string shown_path = live::PrintableText(path);
  const std::string shown_server = live::PrintableText(server);
  for (const DriftChange& c : changes) {
    const int line = LineOf(snapshot_text, server, c.tool);
    const bool at_tool = c.rule != "new-tool";  // a new tool points at its server's entry
    out += shown_path + ":" + std::to_string(line) + (at_tool ? ":9: " : ":5: ") +
           std::string(live::SeverityName(c.severity)) + ": " + shown_server + ": " +
           live::PrintableText(c.message) + " [" + c.rule + "]\n";
  }
  if (changes.empty()) {
    out += "drift: " + shown_server + ": no change since the snapshot (" + std::to_string(tools_now) +
           " tools)\n";
  } else {
    out += "drift: " + shown_server + ": " + Count(changes.size(), "change") + " (" +
           Count(errors, "error") + ", " + Count(warnings, "warning") + ", " +
           Count(notes, "note") + ")" + (errors > 0 ? "; risk rose" : "") + "\n";
  }
  return out;
}

}  // namespace

CommandOutput RunDrift(const DriftRequest& request) {
  nlohmann::json snapshot;
  std::string error;
  std::string snapshot_text;  // for the line of each change
  if (!live::ReadSnapshot(request.snapshot_path, &snapshot, &error, &snapshot_text)) {
    return Error(error);
  }

  nlohmann::ordered_json tools;
  std::vector<std::string> notes;
  std::string source;
  std::string server_name;  // from the live server, for choosing the entry
  if (!request.tools_path.empty()) {
    ReadResult read = ReadInput(request.tools_path, request.fetch.max_bytes);
    if (!read.ok) return Error(read.error);
    source = request.tools_path == "-"
                 ? (request.stdin_filename.empty() ? "<stdin>" : request.stdin_filename)
                 : request.tools_path;
    if (!live::ParseDump(read.data, source, &tools, &error)) return Error(error);
  } else {
    live::ToolList list;
    CommandOutput failure;
    if (!live::FetchLive(request.fetch, &list, &failure)) return failure;
    notes.push_back(live::FetchNote(list, list.tools.size()));
    tools = std::move(list.tools);
    source = request.fetch.command.empty() ? "" : request.fetch.command.front();
    server_name = live::SnapshotName(request.fetch, list);
  }

  const nlohmann::json& servers = snapshot["servers"];
  std::string name = request.name;
  if (name.empty() && servers.size() == 1) name = servers.begin().key();
  if (name.empty() && !server_name.empty() && servers.contains(server_name)) name = server_name;
  if (name.empty()) {
    std::string known;
    for (const auto& [key, value] : servers.items()) known += (known.empty() ? "" : ", ") + key;
    return Error(request.snapshot_path + ": holds several servers (" + live::PrintableText(known) +
                 "); name one with --name");
  }
  if (!servers.contains(name)) {
    return Error(request.snapshot_path + ": no server \"" + live::PrintableText(name) +
                 "\" in the snapshot");
  }
  std::map<std::string, live::ToolVerdict> verdicts;
  nlohmann::ordered_json dump{{"tools", tools}};
  if (!live::ClassifyTools(dump.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                           &verdicts, &error)) {
    return Error("drift: " + error);
  }
  nlohmann::json now = live::ServerRecord(tools, verdicts, source);
  std::set<std::string> other_tools;
  for (const auto& [key, server] : servers.items()) {
    if (key == name) continue;
    for (const auto& [tool, record] : server["tools"].items()) other_tools.insert(tool);
  }
  std::vector<DriftChange> changes = live::CompareRecords(servers[name], now, other_tools);
  CommandOutput output;
  output.out = Render(request, name, snapshot_text, changes, tools.size());
  output.notes = std::move(notes);
  for (const DriftChange& c : changes) {
    if (c.severity == DriftSeverity::kError) output.exit_code = 1;
  }
  return output;
}

}  // namespace mcpolicy
