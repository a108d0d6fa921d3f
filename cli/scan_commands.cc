// scan: every MCP server the user's clients start, listed, then (with consent) judged.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "common.h"
#include "mcpolicy/io.h"
#include "mcpolicy/scan.h"

namespace mcpolicy::cli {
namespace {

constexpr const char* kScanExamples = R"(
Reads client configs (with no FILE: .mcp.json, .cursor/mcp.json, .vscode/mcp.json,
.gemini/settings.json and .codex/config.toml here, and the user configs of Claude Desktop,
Claude Code, Cursor, VS Code, Gemini CLI and Codex), merges scopes as each client does (project
over user), expands ${VAR}, ${VAR:-default}, ${env:VAR}, ${userHome} and ${workspaceFolder} from
the environment only, and lists every server with its exact command. Nothing is started until
you agree (--yes in scripts; with no terminal and no --yes it lists and exits 2). Then each stdio
server is started, asked for its tools (as fetch does) and stopped; its tools are classified
(the catalog entry named by its package, else the names' own) and its risky tools named. A
server that fails is reported and the scan goes on.

Examples:
  mcpolicy scan
  mcpolicy scan --yes ~/.config/Claude/claude_desktop_config.json .vscode/mcp.json
  mcpolicy scan --yes --format markdown --write-snapshot mcp-snapshot.json
Exit codes: 0 every server scanned, 1 some server failed or was skipped, 2 nothing scanned.)";

struct ScanFlags {
  ScanRequest request;
  std::string format = "text";
  std::string output_file;
  double timeout_seconds = 10;
};

}  // namespace

void RegisterScanCommands(CLI::App& app, std::vector<Command>& commands) {
  auto flags = std::make_shared<ScanFlags>();
  CLI::App* cmd = app.add_subcommand("scan", "List, start and judge the MCP servers your clients run");
  cmd->footer(kScanExamples);
  ScanRequest& req = flags->request;
  cmd->add_option("configs", req.configs, "Client config files (default: the usual locations)");
  cmd->add_flag("-y,--yes", req.yes, "Start the listed servers without asking");
  cmd->add_option("--format", flags->format, "text (default), json or markdown")
      ->check(CLI::IsMember({"text", "json", "markdown"}));
  cmd->add_option("--timeout", flags->timeout_seconds, "Seconds to wait for each reply (default 10)")
      ->check(CLI::Range(0.1, 3600.0));
  cmd->add_option("--write-snapshot", req.snapshot_path, "Record every scanned server's tools (drift)");
  cmd->add_option("-o,--output", flags->output_file, "Write the report to FILE (atomically)");
  commands.push_back({cmd, [flags] {
                        ScanRequest& request = flags->request;
                        request.format = flags->format == "json"       ? ScanFormat::kJson
                                         : flags->format == "markdown" ? ScanFormat::kMarkdown
                                                                       : ScanFormat::kText;
                        request.timeout_ms = static_cast<int>(flags->timeout_seconds * 1000);
                        std::vector<NamedPath> inputs, outputs;
                        for (const std::string& c : request.configs) inputs.push_back({"", c});
                        if (!flags->output_file.empty()) outputs.push_back({"-o", flags->output_file});
                        if (!request.snapshot_path.empty()) {
                          outputs.push_back({"--write-snapshot", request.snapshot_path});
                        }
                        if (std::string conflict = FindOutputConflict(inputs, outputs); !conflict.empty()) {
                          std::cerr << "mcpolicy: error: " << conflict << "\n";
                          return 2;
                        }
                        std::error_code ec;
                        request.project_dir = std::filesystem::current_path(ec).string();
                        const char* home = std::getenv("HOME");
                        request.home = home ? home : "";
                        if (isatty(STDIN_FILENO) && isatty(STDERR_FILENO)) {
                          request.ask = [](const std::string& listing) {
                            std::cerr << listing << "Start these servers now? [y/N] " << std::flush;
                            std::string answer;
                            std::getline(std::cin, answer);
                            return answer == "y" || answer == "Y" || answer == "yes";
                          };
                        }
                        return Emit(RunScan(request), flags->output_file);
                      }});
}

}  // namespace mcpolicy::cli
