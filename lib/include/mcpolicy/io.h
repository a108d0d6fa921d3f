// Reading inputs safely and writing outputs atomically.
#ifndef MCPOLICY_IO_H_
#define MCPOLICY_IO_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace mcpolicy {

struct ReadResult {
  bool ok = false;
  std::string data;
  std::string error;  // "path: reason", when !ok
};

// Reads a regular file (symlinks followed) of at most `max_bytes`. A directory, FIFO, socket or
// device is refused without blocking on it; so is a dangling symlink. "-" reads standard input.
ReadResult ReadInput(const std::string& path, uint64_t max_bytes);

// Writes `content` to a temporary file in the target's directory, flushes it to disk and renames
// it over `path`, so a crash leaves either the old file or the new one, never half of either.
// An existing target keeps its permission bits. Returns "" or an error message naming the path.
std::string WriteFileAtomically(const std::string& path, std::string_view content);

// "64 MiB", "1.5 KiB", "12 bytes".
std::string FormatSize(uint64_t bytes);

}  // namespace mcpolicy

#endif  // MCPOLICY_IO_H_
