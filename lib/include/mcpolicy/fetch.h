// Entry point of `mcpolicy fetch`: start an MCP server, ask it for its tools, print them in the
// form every --tools option reads.
#ifndef MCPOLICY_FETCH_H_
#define MCPOLICY_FETCH_H_

#include <cstdint>
#include <string>
#include <vector>

#include "mcpolicy/commands.h"

namespace mcpolicy {

enum class FetchFormat { kJson, kTable };

struct FetchRequest {
  std::vector<std::string> command;  // argv of a stdio server, run without a shell
  // Or the endpoint of a server over streamable HTTP (exactly one of `command` and `url`), with
  // "Name: value" headers sent on every request (their values are never printed).
  std::string url;
  std::vector<std::string> headers;
  std::vector<std::string> env;      // "K=V" added to (or replacing in) the inherited environment
  std::string cwd;                   // the server's working directory; empty: ours
  int timeout_ms = 5000;             // the longest wait for any one reply
  FetchFormat format = FetchFormat::kJson;
  bool color = false;                // table only
  uint64_t max_bytes = 64ull << 20;  // largest message and largest merged tool list
  // --write-snapshot: also record the tools in this drift snapshot (atomically; other servers in
  // it kept), under `snapshot_name` (default: the server's own name, else the command's).
  std::string snapshot_path;
  std::string snapshot_name;
};

// Starts the server in its own process group (or, with `url`, POSTs to its HTTP endpoint), speaks MCP as a client (either protocol era),
// merges every page of tools/list and returns `{"tools": [...]}` (each tool as the server sent
// it) or classify's table. The server is stopped before this returns, whatever happened: its
// standard input closed, SIGTERM to its group after a grace period, SIGKILL after another.
// Exit codes: 0 tools listed, 2 the server could not be started, spoke no MCP, failed or
// timed out (the error names why, with the last lines of its standard error, made printable).
// Values given with `env` are never printed.
CommandOutput RunFetch(const FetchRequest& request);

}  // namespace mcpolicy

#endif  // MCPOLICY_FETCH_H_
