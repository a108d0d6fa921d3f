// An MCP client that asks one server for its tools, speaking whichever protocol era the server
// speaks: the stateless 2026-07-28 protocol (server/discover, per-request _meta) or the older
// initialize handshake, chosen as the specification's stdio backward-compatibility rules say:
// probe with server/discover; a result, or an error that names the versions the server supports,
// means modern; any other error, or no answer in time, means legacy. A modern server that is
// merely slow to start is still recognised: its late discover reply is honoured.
//
// Requests the server sends meanwhile are answered (ping; roots/list with no roots; elicitation
// declined; anything else "method not found"); notifications and non-JSON lines are skipped.
#ifndef MCPOLICY_LIVE_MCP_CLIENT_H_
#define MCPOLICY_LIVE_MCP_CLIENT_H_

#include <chrono>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "live/channel.h"

namespace mcpolicy::live {

inline constexpr std::string_view kModernVersion = "2026-07-28";
inline constexpr std::string_view kLegacyVersion = "2025-11-25";

struct ToolList {
  nlohmann::ordered_json tools = nlohmann::ordered_json::array();  // every page, in order
  std::string era;               // "2026-07-28 (stateless)" or "2025-11-25 (initialize)"
  std::string protocol_version;  // as agreed
  std::string server_name, server_version;
  int pages = 0;
  int skipped_lines = 0;        // non-JSON lines on the server's stdout
  int answered_requests = 0;    // requests the server sent us
};

struct ClientOptions {
  std::chrono::milliseconds reply_timeout{5000};  // per reply
  // How long server/discover may stay unanswered before initialize is sent too (at most
  // reply_timeout). Servers of the initialize era may ignore the probe; a modern server that
  // answers it later is still recognised, so a short probe costs nothing but a wasted request.
  std::chrono::milliseconds probe_timeout{1000};
  int max_pages = 10000;
  uint64_t max_tools_bytes = 64ull << 20;  // the merged list's size, as JSON
};

class McpClient {
 public:
  McpClient(Channel* channel, ClientOptions options) : channel_(channel), options_(options) {}
  // Fills `out`; on failure returns false with `error` set (one sentence, raw server text quoted).
  bool ListTools(ToolList* out, std::string* error);

 private:
  struct Reply {
    bool ok = false;
    nlohmann::ordered_json result;
    int64_t code = 0;  // error code when !ok
    std::string message;
    nlohmann::ordered_json data;
  };
  enum class Wait { kReply, kTimeout, kFailed };
  // Sends a request; returns its id, or -1 with `error` set.
  int64_t Send(std::string_view method, nlohmann::ordered_json params, std::string* error);
  // Reads until the reply to `id` arrives (other replies are kept in replies_), for at most
  // `wait` (default: the reply timeout).
  Wait Await(int64_t id, Reply* reply, std::string* error);
  Wait Await(int64_t id, Reply* reply, std::string* error, std::chrono::milliseconds wait);
  bool Notify(std::string_view method, std::string* error);
  void Handle(const nlohmann::ordered_json& message);
  nlohmann::ordered_json Meta() const;
  bool ListPages(bool modern, ToolList* out, std::string* error);

  Channel* channel_;
  ClientOptions options_;
  int64_t next_id_ = 1;
  std::map<int64_t, Reply> replies_;
  int skipped_lines_ = 0;
  int answered_ = 0;
  std::string version_;  // the modern version in use
};

// A JSON-RPC error as one phrase: `error -32601 "Method not found"`.
std::string DescribeRpcError(int64_t code, const std::string& message);

}  // namespace mcpolicy::live

#endif  // MCPOLICY_LIVE_MCP_CLIENT_H_
