// drift: compare a server's tools now with a snapshot.
#include "common.h"
#include "mcpolicy/drift.h"
#include "mcpolicy/io.h"

#include <iostream>

namespace mcpolicy::cli {
namespace {

constexpr const char* kDriftExamples = R"(
A snapshot records each server's tools when you approved them (fetch --write-snapshot FILE):
name, SHA-256 of the definition, category and risk, annotations, argument names, description.
drift compares the tools now (a dump with --tools, or the live server given after --) with it:
a new tool (error when execute, destructive or financial), a category that rose, an annotation
that weakened (destructiveHint true -> false, readOnlyHint appearing on a tool that writes),
a description that changed (error when it now addresses the agent, adds URLs or secrets, or
names another server's tools), a new argument (error for command, path, url, sql and alike).

Examples:
  mcpolicy fetch --write-snapshot mcp-snapshot.json -- npx -y @modelcontextprotocol/server-everything
  mcpolicy drift --snapshot mcp-snapshot.json -- npx -y @modelcontextprotocol/server-everything
  mcpolicy drift --snapshot mcp-snapshot.json --name everything --tools tools-now.json --format sarif
Exit codes: 0 nothing riskier than the snapshot, 1 risk rose (an error-level change),
2 mcpolicy could not compare (missing or bad snapshot, unknown server, server failed).)";

struct DriftFlags {
  DriftRequest request;
  std::string format = "text";
  std::string output_file;
  double timeout_seconds = 5;
};

}  // namespace

void RegisterDriftCommands(CLI::App& app, std::vector<Command>& commands) {
  auto flags = std::make_shared<DriftFlags>();
  CLI::App* cmd =
      app.add_subcommand("drift", "Compare a server's tools now with a snapshot and grade each change");
  cmd->footer(kDriftExamples);
  DriftRequest& req = flags->request;
  cmd->add_option("--snapshot", req.snapshot_path, "The snapshot (fetch --write-snapshot)")
      ->required();
  cmd->add_option("--tools", req.tools_path, "The tools now: a tools/list dump, or - for stdin");
  cmd->add_option("--stdin-filename", req.stdin_filename, "The name --tools - is reported under");
  cmd->add_option("--name", req.name, "The server's entry in the snapshot (default: the only one)");
  cmd->add_option("command", req.fetch.command, "Or: the server to start and ask, after --");
  cmd->add_option("--env", req.fetch.env, "KEY=VALUE for the server's environment (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--cwd", req.fetch.cwd, "The server's working directory");
  cmd->add_option("--timeout", flags->timeout_seconds, "Seconds to wait for each reply (default 5)")
      ->check(CLI::Range(0.1, 3600.0));
  cmd->add_option("--format", flags->format, "text (default), json, sarif or github")
      ->check(CLI::IsMember({"text", "json", "sarif", "github"}));
  cmd->add_option("-o,--output", flags->output_file, "Write the report to FILE (atomically)");
  commands.push_back({cmd, [flags] {
                        DriftRequest& request = flags->request;
                        if (request.tools_path.empty() == request.fetch.command.empty()) {
                          std::fprintf(stderr,
                                       "mcpolicy: error: drift takes the tools now either from "
                                       "--tools FILE or from a server given after --\n");
                          return 2;
                        }
                        request.format = flags->format == "json"    ? DriftFormat::kJson
                                         : flags->format == "sarif" ? DriftFormat::kSarif
                                         : flags->format == "github" ? DriftFormat::kGithub
                                                                     : DriftFormat::kText;
                        request.fetch.timeout_ms = static_cast<int>(flags->timeout_seconds * 1000);
                        if (!flags->output_file.empty()) {
                          std::vector<NamedPath> inputs = {{"--snapshot", request.snapshot_path}};
                          if (!request.tools_path.empty()) inputs.push_back({"--tools", request.tools_path});
                          std::string conflict =
                              FindOutputConflict(inputs, {{"-o", flags->output_file}});
                          if (!conflict.empty()) {
                            std::cerr << "mcpolicy: error: " << conflict << "\n";
                            return 2;
                          }
                        }
                        return Emit(RunDrift(request), flags->output_file);
                      }});
}

}  // namespace mcpolicy::cli
