#include <algorithm>
#include "live/channel.h"
#include "live/child_process.h"
#include "live/dump.h"
#include "live/fetch_live.h"
#include "live/http_channel.h"
#include "live/snapshot.h"
#include "live/mcp_client.h"
#include "mcpolicy/fetch.h"
#include "mcpolicy/escape.h"

namespace mcpolicy {
namespace {

constexpr int kLogLines = 5;

std::string Printable(std::string_view s) { return Escaped(s); }

// The last few non-empty lines of what the server wrote to stderr, each made printable.
std::vector<std::string> LogLines(const std::string& tail) {
  std::vector<std::string> lines;
  size_t end = tail.size();
  while (end > 0 && static_cast<int>(lines.size()) < kLogLines) {
    size_t start = tail.rfind('\n', end - 1);
    start = start == std::string::npos ? 0 : start + 1;
    std::string_view line(tail.data() + start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") != std::string_view::npos) {
      lines.push_back("  | " + Printable(line.substr(0, 300)));
    }
    end = start == 0 ? 0 : start - 1;
  }
  std::reverse(lines.begin(), lines.end());
  return lines;
}

// `log` with every value given by --env (of 3 bytes or more) replaced by "***": a server that
// logs its token must not make mcpolicy print it.
std::string Redacted(std::string log, const std::vector<std::string>& env) {
  for (const std::string& e : env) {
    std::string_view value = std::string_view(e).substr(e.find('=') + 1);
    if (value.size() < 3) continue;
    for (size_t at = log.find(value); at != std::string::npos; at = log.find(value, at + 3)) {
      log.replace(at, value.size(), "***");
    }
  }
  return log;
}

CommandOutput Fail(std::string message, const std::string& log_tail,
                   const std::vector<std::string>& env = {}) {
  CommandOutput output;
  output.exit_code = 2;
  output.errors.push_back(std::move(message));
  std::vector<std::string> lines = LogLines(Redacted(log_tail, env));
  if (!lines.empty()) {
    output.notes.push_back("the server's last words on standard error:");
    output.notes.insert(output.notes.end(), lines.begin(), lines.end());
  }
  return output;
}

}  // namespace

namespace live {

std::string PrintableText(std::string_view s) { return Printable(s); }

namespace {

// The streamable HTTP half of FetchLive.
bool FetchOverHttp(const FetchRequest& request, ToolList* list, CommandOutput* failure) {
  // The URL may carry a token in its query: messages name the scheme, host and path only.
  std::string shown = request.url.substr(0, request.url.find_first_of("?#"));
  shown = Printable(shown.substr(0, 200));
  std::string error;
  std::unique_ptr<HttpChannel> channel =
      HttpChannel::Open(HttpOptions{request.url, request.headers, request.max_bytes}, &error);
  if (!channel) {
    *failure = Fail("fetch: " + error, "");
    return false;
  }
  ClientOptions options;
  options.reply_timeout = std::chrono::milliseconds(request.timeout_ms);
  options.max_tools_bytes = request.max_bytes;
  McpClient client(channel.get(), options);
  if (!client.ListTools(list, &error)) {
    *failure = Fail("fetch: " + shown + ": " + Printable(error), "");
    return false;
  }
  return true;
}

}  // namespace

bool FetchLive(const FetchRequest& request, ToolList* list, CommandOutput* failure) {
  if (!request.url.empty() && !request.command.empty()) {
    *failure = Fail("fetch: give either a server command after -- or --url, not both", "");
    return false;
  }
  if (!request.url.empty()) return FetchOverHttp(request, list, failure);
  if (request.command.empty()) {
    *failure = Fail("fetch: no server given (mcpolicy fetch -- CMD ARGS..., or --url URL)", "");
    return false;
  }
  for (const std::string& e : request.env) {
    if (e.find('=') == std::string::npos || e.front() == '=') {
      // The value may be a secret: the message quotes nothing of it.
      *failure = Fail("fetch: --env takes KEY=VALUE with a non-empty KEY", "");
      return false;
    }
  }
  const std::string name = Printable(request.command.front());
  SpawnOptions spawn{request.command, request.env, request.cwd};
  std::string error;
  std::unique_ptr<ChildProcess> child = ChildProcess::Spawn(spawn, &error);
  if (!child) {
    *failure = Fail("fetch: " + name + ": " + error, "");
    return false;
  }
  SignalGuard guard(child->pid());
  StdioChannel channel(child.get(), request.max_bytes);
  ClientOptions options;
  options.reply_timeout = std::chrono::milliseconds(request.timeout_ms);
  options.max_tools_bytes = request.max_bytes;
  McpClient client(&channel, options);
  bool ok = client.ListTools(list, &error);
  child->Stop(std::chrono::milliseconds(std::min(request.timeout_ms, 2000)));
  if (!ok) {
    int status = 0;
    if (child->Exited(&status) && error.find("closed its output") != std::string::npos) {
      error += " (it " + DescribeWaitStatus(status) + ")";
    }
    *failure = Fail("fetch: " + name + ": " + Redacted(Printable(error), request.env),
                    channel.LogTail(), request.env);
    return false;
  }
  return true;
}

std::string FetchNote(const ToolList& list, size_t tools) {
  std::string note = "fetched " + std::to_string(tools) + " tools";
  if (!list.server_name.empty()) {
    note += " from " + Printable(list.server_name.substr(0, 100));
    if (!list.server_version.empty()) note += " " + Printable(list.server_version.substr(0, 40));
  }
  note += " over MCP " + Printable(list.era) + " in " + std::to_string(list.pages) +
          (list.pages == 1 ? " page" : " pages");
  if (list.answered_requests > 0) {
    note += "; answered " + std::to_string(list.answered_requests) + " requests from the server";
  }
  if (list.skipped_lines > 0) {
    note += "; skipped " + std::to_string(list.skipped_lines) + " lines that were not JSON-RPC";
  }
  return note;
}

// The name a server gets in a snapshot: --name, else its serverInfo name, else its command.
std::string SnapshotName(const FetchRequest& request, const ToolList& list) {
  if (!request.snapshot_name.empty()) return request.snapshot_name;
  if (!list.server_name.empty()) return list.server_name;
  std::string command = request.command.empty() ? "server" : request.command.front();
  if (request.command.empty() && !request.url.empty()) {
    command = request.url.substr(0, request.url.find_first_of("?#"));
    while (!command.empty() && command.back() == '/') command.pop_back();
  }
  return command.substr(command.rfind('/') == std::string::npos ? 0 : command.rfind('/') + 1);
}

}  // namespace live

CommandOutput RunFetch(const FetchRequest& request) {
  live::ToolList list;
  CommandOutput failure;
  if (!live::FetchLive(request, &list, &failure)) return failure;
  const size_t count = list.tools.size();
  nlohmann::ordered_json dump{{"tools", std::move(list.tools)}};
  std::string json = dump.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  json.push_back('\n');
  CommandOutput output;
  if (!request.snapshot_path.empty()) {
    std::map<std::string, live::ToolVerdict> verdicts;
    std::string error;
    if (!live::ClassifyTools(json, &verdicts, &error)) return Fail("fetch: " + error, "");
    std::string source = !request.command.empty() ? request.command.front()
                         : request.url.substr(0, request.url.find_first_of("?#"));
    error = live::WriteSnapshot(request.snapshot_path, live::SnapshotName(request, list),
                                live::ServerRecord(dump["tools"], verdicts, source));
    if (!error.empty()) return Fail(error, "");
  }
  if (request.format == FetchFormat::kTable) {
    output = live::ClassifyDump(json, /*table=*/true, request.color);
  } else {
    output.out = std::move(json);
  }
  output.notes.push_back(live::FetchNote(list, count));
  return output;
}

}  // namespace mcpolicy
