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

// Opens `path` for reading (symlinks followed) if it is a regular file, without blocking on a
// FIFO. Returns the descriptor, which the caller closes, or -1 with `error` set to
// "path: reason" (a directory, FIFO, device, dangling symlink or missing file).
int OpenRegularFile(const std::string& path, std::string* error);

// Reads a regular file (symlinks followed) of at most `max_bytes`. A directory, FIFO, socket or
// device is refused without blocking on it; so is a dangling symlink. "-" reads standard input.
ReadResult ReadInput(const std::string& path, uint64_t max_bytes);

// Writes `content` to a temporary file in the target's directory, flushes it to disk and renames
// it over `path`, so a crash leaves either the old file or the new one, never half of either.
// An existing target keeps its permission bits (and owner, where allowed); a symlink target is
// written through, replacing the file it points to. The temporary file is named
// ".<name>.mcpolicy-<pid>-XXXXXX"; one left by a writer that was killed (its process is gone and
// the file is over a minute old) is removed by the next write to the same target.
// Returns "" or an error message naming the path.
std::string WriteFileAtomically(const std::string& path, std::string_view content);

// "64 MiB", "1.5 KiB", "12 bytes".
std::string FormatSize(uint64_t bytes);

}  // namespace mcpolicy

#endif  // MCPOLICY_IO_H_
