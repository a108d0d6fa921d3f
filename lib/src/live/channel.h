// The transport under an MCP client: JSON-RPC messages out, JSON-RPC messages in, each read bounded
// by a deadline. A stdio server's channel is line-delimited JSON over its pipes; the HTTP one
// (streamable HTTP) will implement the same interface.
#ifndef MCPOLICY_LIVE_CHANNEL_H_
#define MCPOLICY_LIVE_CHANNEL_H_

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "live/child_process.h"

namespace mcpolicy::live {

using Clock = std::chrono::steady_clock;

enum class ReceiveStatus { kMessage, kTimeout, kClosed, kError };

class Channel {
 public:
  virtual ~Channel() = default;
  // Sends one JSON-RPC message (no newline inside). False with `error` set when it cannot.
  virtual bool Send(std::string_view message, Clock::time_point deadline, std::string* error) = 0;
  // The next message the server sent, or why there is none before `deadline`.
  virtual ReceiveStatus Receive(Clock::time_point deadline, std::string* message,
                                std::string* error) = 0;
  // What the server said on its log stream most recently (at most a few lines), raw.
  virtual std::string LogTail() const { return {}; }
};

// Line-delimited JSON-RPC over a child's stdin/stdout; stderr is drained (so a chatty server never
// blocks on a full pipe) and its last lines kept for error messages.
class StdioChannel : public Channel {
 public:
  StdioChannel(ChildProcess* child, uint64_t max_line_bytes)
      : child_(child), max_line_(max_line_bytes) {}
  bool Send(std::string_view message, Clock::time_point deadline, std::string* error) override;
  ReceiveStatus Receive(Clock::time_point deadline, std::string* message,
                        std::string* error) override;
  std::string LogTail() const override { return log_tail_; }

 private:
  void DrainStderr();
  ChildProcess* child_;
  uint64_t max_line_;
  std::string buffer_;   // stdout bytes not yet returned
  size_t scanned_ = 0;   // bytes of buffer_ known to hold no newline
  std::string log_tail_;
  bool stdout_closed_ = false;
  bool stderr_closed_ = false;
};

}  // namespace mcpolicy::live

#endif  // MCPOLICY_LIVE_CHANNEL_H_
