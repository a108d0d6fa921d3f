// MCP's streamable HTTP transport as a Channel: each message the client sends is one POST to the
// server's endpoint; the reply (a JSON body, or a text/event-stream whose `data:` events are
// JSON-RPC messages) is read to its end inside Send and queued for Receive. libcurl does the HTTP
// (README "Dependencies"): TLS certificates and host names are verified, redirects are not
// followed, only http and https are spoken, and every response is bounded in size and time.
//
// Headers sent with every POST: Content-Type and Accept as the specification requires,
// `Mcp-Method` (the request's method), `Mcp-Session-Id` once the server gave one (servers of the
// initialize era), `MCP-Protocol-Version` once known (a request's _meta or an initialize result),
// and the user's own (`--header`, e.g. Authorization), whose values are never printed.
// An HTTP error status becomes a JSON-RPC error reply to the request that caused it, so the
// client's era detection sees an error rather than waiting out a timeout.
#ifndef MCPOLICY_LIVE_HTTP_CHANNEL_H_
#define MCPOLICY_LIVE_HTTP_CHANNEL_H_

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "live/channel.h"

namespace mcpolicy::live {

struct HttpOptions {
  std::string url;                   // http:// or https://
  std::vector<std::string> headers;  // "Name: value"
  uint64_t max_bytes = 64ull << 20;  // largest response body
};

class HttpChannel : public Channel {
 public:
  // Checks the URL and the headers; nullptr with `error` set (never quoting a header's value).
  static std::unique_ptr<HttpChannel> Open(HttpOptions options, std::string* error);
  ~HttpChannel() override;
  HttpChannel(const HttpChannel&) = delete;
  HttpChannel& operator=(const HttpChannel&) = delete;

  bool Send(std::string_view message, Clock::time_point deadline, std::string* error) override;
  // Queued messages only: over HTTP every reply arrives within its POST, so an empty queue
  // means no reply is coming (kTimeout at once).
  ReceiveStatus Receive(Clock::time_point deadline, std::string* message,
                        std::string* error) override;

 private:
  explicit HttpChannel(HttpOptions options);
  // The JSON-RPC messages of one response body of type `content_type`, queued.
  void QueueBody(std::string_view content_type, const std::string& body);
  void Remember(const std::string& message);  // notes a negotiated protocol version

  HttpOptions options_;
  void* curl_ = nullptr;  // CURL*
  std::string session_id_;
  std::string protocol_version_;
  std::deque<std::string> queue_;
};

// The `data:` payloads of a text/event-stream body, one per event, in order (multi-line data
// joined with '\n'; comments, `event:`, `id:` and `retry:` fields skipped).
std::vector<std::string> SseEvents(std::string_view body);

}  // namespace mcpolicy::live

#endif  // MCPOLICY_LIVE_HTTP_CHANNEL_H_
