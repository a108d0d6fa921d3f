// Reading inputs safely and writing outputs atomically.
#ifndef MCPOLICY_IO_H_
#define MCPOLICY_IO_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mcpolicy {

// What a file was when it was read, so that replacing it can first check that nobody saved an
// edit meanwhile: device, inode, size, modification time and a hash of the bytes read.
struct FileStamp {
  bool valid = false;
  uint64_t device = 0;
  uint64_t inode = 0;
  int64_t size = 0;
  int64_t mtime_ns = 0;
  uint64_t hash = 0;  // ContentHash of the content read
};

// FNV-1a, 64 bits: enough to tell an edited file from the one read.
uint64_t ContentHash(std::string_view content);

struct ReadResult {
  bool ok = false;
  std::string data;
  std::string error;  // "path: reason", when !ok
  FileStamp stamp;    // for a regular file read in full
};

// Opens `path` for reading (symlinks followed) if it is a regular file, without blocking on a
// FIFO. Returns the descriptor, which the caller closes, or -1 with `error` set to
// "path: reason" (a directory, FIFO, device, dangling symlink or missing file).
int OpenRegularFile(const std::string& path, std::string* error);

// Reads a regular file (symlinks followed) of at most `max_bytes`. A directory, FIFO, socket or
// device is refused without blocking on it; so is a dangling symlink. "-" reads standard input.
ReadResult ReadInput(const std::string& path, uint64_t max_bytes);

struct WriteOptions {
  // The file as it was read (lint --fix): the write is refused, leaving the file alone, unless
  // the target is still that file with those bytes just before it is replaced.
  const FileStamp* expected = nullptr;
};

// Writes `content` to `path` so that a crash leaves either the old file or the new one:
//  - a regular file (or a missing one) is replaced by renaming a flushed temporary file from the
//    same directory over it, keeping its permission bits (and owner, where allowed). The
//    temporary is named ".<name>.mcpolicy-<pid>-XXXXXX" (<name> shortened so the whole fits
//    NAME_MAX); one left by a writer that was killed (its process is gone and the file is over a
//    minute old) is removed by the next write to the same target;
//  - symlinks are followed to the file they name, which is replaced (or created, for a dangling
//    link); the link itself is never replaced;
//  - a character device, a FIFO and the standard streams (/dev/stdout, /dev/fd/N,
//    /proc/self/fd/N) are written straight to, never replaced;
//  - refused: a directory, a socket, a symlink loop, a regular file with more than one hard link
//    (replacing it would split its names) or without write permission for its owner.
// Returns "" or an error message naming the path.
std::string WriteFileAtomically(const std::string& path, std::string_view content,
                                const WriteOptions& options = {});

// One file a command reads or writes, and the flag that named it ("" for an operand).
struct NamedPath {
  std::string flag;
  std::string path;
};

// Refuses outputs that would overwrite an input or another output: compares each output with
// every input and with the other outputs by device and inode (through symlinks and hard links),
// or by the absolute path it would be created at when it does not exist yet. "-" as an input is
// standard input, compared when it is a regular file. Character devices, FIFOs and sockets
// never conflict (they are written straight to). Returns "" or the error message.
std::string FindOutputConflict(const std::vector<NamedPath>& inputs,
                               const std::vector<NamedPath>& outputs);

// "64 MiB", "1.5 KiB", "12 bytes".
std::string FormatSize(uint64_t bytes);

}  // namespace mcpolicy

#endif  // MCPOLICY_IO_H_
