// Entry point of `mcpolicy scan`: every MCP server that the user's clients start, listed, then
// (with consent) started, asked for its tools and judged.
#ifndef MCPOLICY_SCAN_H_
#define MCPOLICY_SCAN_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "mcpolicy/commands.h"

namespace mcpolicy {

enum class ScanFormat { kText, kJson, kMarkdown };

struct ScanRequest {
  // Client configs to read; empty: the usual project (under project_dir) and user (under home)
  // locations of Claude Desktop, Claude Code, Cursor, VS Code, Gemini CLI and Codex.
  std::vector<std::string> configs;
  std::string project_dir;
  std::string home;
  bool yes = false;  // start the servers without asking
  // Asked with the listing when !yes; true starts them. Empty (no terminal): nothing is started,
  // the listing is printed and the exit code is 2.
  std::function<bool(const std::string& listing)> ask;
  ScanFormat format = ScanFormat::kText;
  int timeout_ms = 10000;            // per reply, per server
  uint64_t max_bytes = 64ull << 20;  // per server
  std::string snapshot_path;         // --write-snapshot: every scanned server's tools
};

// Exit codes: 0 every server scanned, 1 some server failed or could not be started (each one
// reported; the scan goes on), 2 nothing scanned (no config, no server, bad config, no consent).
CommandOutput RunScan(const ScanRequest& request);

}  // namespace mcpolicy

#endif  // MCPOLICY_SCAN_H_
