#include <sys/mman.h>
#include <unistd.h>

#include "live/channel.h"
#include "live/child_process.h"
#include "live/mcp_client.h"
#include "mcpolicy/classify_commands.h"
#include "mcpolicy/fetch.h"
#include "source/utf8.h"

namespace mcpolicy {
namespace {

constexpr int kLogLines = 5;

std::string Printable(std::string_view s) {
  std::string out;
  utf8::AppendPrintable(out, s, /*keep_tabs=*/false);
  return out;
}

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
      lines.insert(lines.begin(), "  | " + Printable(line.substr(0, 300)));
    }
    end = start == 0 ? 0 : start - 1;
  }
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

CommandOutput Table(const std::string& json, bool color) {
  CommandOutput output;
  int fd = memfd_create("mcpolicy-fetch", MFD_CLOEXEC);
  if (fd < 0 || write(fd, json.data(), json.size()) != static_cast<ssize_t>(json.size())) {
    if (fd >= 0) close(fd);
    output.exit_code = 2;
    output.errors.push_back("fetch: cannot hold the tool list for the table");
    return output;
  }
  ClassifyRequest classify;
  classify.tools_path = "/proc/self/fd/" + std::to_string(fd);
  classify.color = color;
  output = RunClassify(classify);
  close(fd);
  return output;
}

}  // namespace

CommandOutput RunFetch(const FetchRequest& request) {
  if (request.command.empty()) return Fail("fetch: no server command given (mcpolicy fetch -- CMD ARGS...)", "");
  for (const std::string& e : request.env) {
    if (e.find('=') == std::string::npos || e.front() == '=') {
      // The value may be a secret: the message quotes nothing of it.
      return Fail("fetch: --env takes KEY=VALUE with a non-empty KEY", "");
    }
  }
  const std::string name = Printable(request.command.front());
  live::SpawnOptions spawn{request.command, request.env, request.cwd};
  std::string error;
  std::unique_ptr<live::ChildProcess> child = live::ChildProcess::Spawn(spawn, &error);
  if (!child) return Fail("fetch: " + name + ": " + error, "");
  live::SignalGuard guard(child->pid());
  live::StdioChannel channel(child.get(), request.max_bytes);
  live::ClientOptions options;
  options.reply_timeout = std::chrono::milliseconds(request.timeout_ms);
  options.max_tools_bytes = request.max_bytes;
  live::McpClient client(&channel, options);
  live::ToolList list;
  bool ok = client.ListTools(&list, &error);
  const std::chrono::milliseconds grace(std::min(request.timeout_ms, 2000));
  child->Stop(grace);
  if (!ok) {
    int status = 0;
    if (child->Exited(&status) && error.find("closed its output") != std::string::npos) {
      error += " (it " + live::DescribeWaitStatus(status) + ")";
    }
    return Fail("fetch: " + name + ": " + Redacted(Printable(error), request.env), channel.LogTail(),
                request.env);
  }
  nlohmann::ordered_json dump{{"tools", std::move(list.tools)}};
  std::string json = dump.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  json.push_back('\n');
  CommandOutput output;
  if (request.format == FetchFormat::kTable) {
    output = Table(json, request.color);
  } else {
    output.out = std::move(json);
  }
  std::string note = "fetched " + std::to_string(dump["tools"].size()) + " tools";
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
  output.notes.push_back(note);
  return output;
}

}  // namespace mcpolicy
