// fetch: start an MCP server and print its tools.
#include <iostream>

#include "common.h"
#include "mcpolicy/fetch.h"
#include "mcpolicy/io.h"

namespace mcpolicy::cli {
namespace {

constexpr const char* kFetchExamples = R"(
Starts the server given after `--` (exactly that argv, no shell, in a process group of its own),
or POSTs to the server's streamable HTTP endpoint given with --url, speaks MCP to it as a client (the stateless 2026-07-28 protocol, or the initialize handshake of
earlier versions, whichever the server speaks), merges every page of tools/list, answers the
requests the server sends meanwhile, and stops it (SIGTERM to its group, then SIGKILL).
The output is a tools/list result, {"tools": [...]}, with every tool as the server sent it:
what every --tools option reads, from a file or a pipe.

Examples:
  mcpolicy fetch -- npx -y @modelcontextprotocol/server-everything
  mcpolicy fetch --env API_KEY=$KEY -o tools.json -- uvx some-mcp-server
  mcpolicy fetch --format table -- node build/index.js
  mcpolicy fetch --url http://localhost:3001/mcp
  mcpolicy fetch --url https://mcp.example.com/mcp --header "Authorization: Bearer $TOKEN"
  mcpolicy fetch -- npx -y @modelcontextprotocol/server-filesystem /tmp | mcpolicy recommend --tools -
Exit codes: 0 tools listed, 2 the server could not be started or reached, spoke no MCP, failed or
timed out. Values given with --env and --header are never printed; over HTTPS the server's
certificate is verified, and redirects are not followed.)";

struct FetchFlags {
  FetchRequest request;
  std::string format = "json";
  std::string output_file;
  std::string color = "auto";
  double timeout_seconds = 5;
  std::string max_file_size = "64M";
};

}  // namespace

void RegisterFetchCommands(CLI::App& app, std::vector<Command>& commands) {
  auto flags = std::make_shared<FetchFlags>();
  CLI::App* cmd = app.add_subcommand("fetch", "Start an MCP server and print its tools (tools/list)");
  cmd->footer(kFetchExamples);
  CLI::Option* command =
      cmd->add_option("command", flags->request.command, "The server's command and arguments, after --");
  CLI::Option* url = cmd->add_option("--url", flags->request.url,
                                     "The server's streamable HTTP endpoint instead of a command");
  command->excludes(url);
  cmd->add_option("--header", flags->request.headers,
                  "'Name: value' sent with every HTTP request, e.g. Authorization (repeatable)")
      ->allow_extra_args(false)
      ->needs(url);
  cmd->add_option("--env", flags->request.env, "KEY=VALUE for the server's environment (repeatable)")
      ->allow_extra_args(false)
      ->excludes(url);
  cmd->add_option("--cwd", flags->request.cwd, "The server's working directory")->excludes(url);
  cmd->add_option("--timeout", flags->timeout_seconds,
                  "Seconds to wait for each reply (default 5)")
      ->check(CLI::Range(0.1, 3600.0));
  cmd->add_option("--format", flags->format, "json (default: a tools/list result) or table")
      ->check(CLI::IsMember({"json", "table"}));
  cmd->add_option("-o,--output", flags->output_file, "Write the output to FILE (atomically)");
  cmd->add_option("--color", flags->color, "auto, always or never (table)");
  cmd->add_option("--write-snapshot", flags->request.snapshot_path,
                  "Also record the tools in this drift snapshot (see drift)");
  cmd->add_option("--name", flags->request.snapshot_name,
                  "The server's name in the snapshot (default: its own name)");
  cmd->add_option("--max-file-size", flags->max_file_size,
                  "Largest message and tool list accepted (default 64M)");
  commands.push_back({cmd, [flags] {
                        FetchRequest& request = flags->request;
                        if (request.command.empty() && request.url.empty()) {
                          std::cerr << "mcpolicy: error: fetch needs a server: a command after -- "
                                       "or --url URL\n";
                          return 2;
                        }
                        request.format =
                            flags->format == "table" ? FetchFormat::kTable : FetchFormat::kJson;
                        request.timeout_ms = static_cast<int>(flags->timeout_seconds * 1000);
                        request.color = UseColor(flags->color, !flags->output_file.empty());
                        if (!ParseSizeFlag(flags->max_file_size, request.max_bytes)) return 2;
                        std::vector<NamedPath> outputs;
                        if (!flags->output_file.empty()) outputs.push_back({"-o", flags->output_file});
                        if (!request.snapshot_path.empty()) {
                          outputs.push_back({"--write-snapshot", request.snapshot_path});
                        }
                        if (std::string conflict = FindOutputConflict({}, outputs); !conflict.empty()) {
                          std::cerr << "mcpolicy: error: " << conflict << "\n";
                          return 2;
                        }
                        return Emit(RunFetch(request), flags->output_file);
                      }});
}

}  // namespace mcpolicy::cli
