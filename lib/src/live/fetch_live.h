// Fetching a live server's tools, shared by fetch, drift and scan.
#ifndef MCPOLICY_LIVE_FETCH_LIVE_H_
#define MCPOLICY_LIVE_FETCH_LIVE_H_

#include <string>
#include <string_view>

#include "live/mcp_client.h"
#include "mcpolicy/fetch.h"

namespace mcpolicy::live {

// Starts the server of `request`, lists its tools and stops it. On failure fills `failure`
// (exit 2, the error, the server's last stderr lines with --env values redacted).
bool FetchLive(const FetchRequest& request, ToolList* list, CommandOutput* failure);
// "fetched N tools from NAME VERSION over MCP ERA in P pages...".
std::string FetchNote(const ToolList& list, size_t tools);
// --name, else the serverInfo name, else the command's base name.
std::string SnapshotName(const FetchRequest& request, const ToolList& list);
// `s` with control characters and invalid UTF-8 replaced, for text output.
std::string PrintableText(std::string_view s);

}  // namespace mcpolicy::live

#endif  // MCPOLICY_LIVE_FETCH_LIVE_H_
