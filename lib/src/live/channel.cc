#include "live/channel.h"

#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace mcpolicy::live {
namespace {

constexpr size_t kLogTailBytes = 2048;
constexpr size_t kChunk = 1 << 16;

int MillisUntil(Clock::time_point deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  if (left <= 0) return 0;
  return left > 60'000 ? 60'000 : static_cast<int>(left);
}

}  // namespace

bool StdioChannel::Send(std::string_view message, Clock::time_point deadline, std::string* error) {
  std::string line(message);
  line.push_back('\n');
  size_t sent = 0;
  while (sent < line.size()) {
    int fd = child_->stdin_fd();
    if (fd < 0) {
      *error = "the server's standard input is closed";
      return false;
    }
    ssize_t n = write(fd, line.data() + sent, line.size() - sent);
    if (n > 0) {
      sent += static_cast<size_t>(n);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
      *error = errno == EPIPE ? "the server closed its standard input"
                              : std::string("cannot write to the server: ") + std::strerror(errno);
      return false;
    }
    // The pipe is full: wait for room, reading stderr meanwhile so neither side blocks forever.
    pollfd fds[2] = {{fd, POLLOUT, 0}, {stderr_closed_ ? -1 : child_->stderr_fd(), POLLIN, 0}};
    int timeout = MillisUntil(deadline);
    if (timeout == 0) {
      *error = "the server did not read its input in time";
      return false;
    }
    if (poll(fds, 2, timeout) < 0 && errno != EINTR) {
      *error = std::string("poll: ") + std::strerror(errno);
      return false;
    }
    if (fds[1].revents) DrainStderr();
  }
  return true;
}

void StdioChannel::DrainStderr() {
  char chunk[4096];
  for (;;) {
    ssize_t n = read(child_->stderr_fd(), chunk, sizeof chunk);
    if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR && errno != EWOULDBLOCK)) {
      stderr_closed_ = true;
      return;
    }
    if (n < 0) return;
    log_tail_.append(chunk, static_cast<size_t>(n));
    if (log_tail_.size() > 2 * kLogTailBytes) log_tail_.erase(0, log_tail_.size() - kLogTailBytes);
  }
}

ReceiveStatus StdioChannel::Receive(Clock::time_point deadline, std::string* message,
                                    std::string* error) {
  for (;;) {
    size_t newline = buffer_.find('\n', scanned_);
    if (newline != std::string::npos) {
      message->assign(buffer_, 0, newline);
      if (!message->empty() && message->back() == '\r') message->pop_back();
      buffer_.erase(0, newline + 1);
      scanned_ = 0;
      return ReceiveStatus::kMessage;
    }
    scanned_ = buffer_.size();
    if (buffer_.size() > max_line_) {
      *error = "the server sent a line longer than " + std::to_string(max_line_) + " bytes";
      return ReceiveStatus::kError;
    }
    if (stdout_closed_) {
      if (!buffer_.empty()) {  // a last message without its newline
        message->swap(buffer_);
        buffer_.clear();
        scanned_ = 0;
        return ReceiveStatus::kMessage;
      }
      return ReceiveStatus::kClosed;
    }
    int timeout = MillisUntil(deadline);
    if (timeout == 0) return ReceiveStatus::kTimeout;
    pollfd fds[2] = {{child_->stdout_fd(), POLLIN, 0},
                     {stderr_closed_ ? -1 : child_->stderr_fd(), POLLIN, 0}};
    int rc = poll(fds, 2, timeout);
    if (rc < 0) {
      if (errno == EINTR) continue;
      *error = std::string("poll: ") + std::strerror(errno);
      return ReceiveStatus::kError;
    }
    if (fds[1].revents) DrainStderr();
    if (fds[0].revents) {
      char chunk[kChunk];
      ssize_t n = read(child_->stdout_fd(), chunk, sizeof chunk);
      if (n > 0) {
        buffer_.append(chunk, static_cast<size_t>(n));
      } else if (n == 0 || (errno != EAGAIN && errno != EINTR && errno != EWOULDBLOCK)) {
        stdout_closed_ = true;
      }
    }
  }
}

}  // namespace mcpolicy::live
