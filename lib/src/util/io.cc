#include "mcpolicy/io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace mcpolicy {
namespace {

std::string Errno() { return std::strerror(errno); }

std::string DescribeMode(mode_t mode) {
  if (S_ISDIR(mode)) return "is a directory";
  if (S_ISFIFO(mode)) return "is a FIFO (named pipe); only regular files are read";
  if (S_ISCHR(mode)) return "is a character device; only regular files are read";
  if (S_ISBLK(mode)) return "is a block device; only regular files are read";
  if (S_ISSOCK(mode)) return "is a socket; only regular files are read";
  return "is not a regular file";
}

// Reads all of `fd`, failing once more than `max_bytes` arrive.
bool ReadAll(int fd, uint64_t max_bytes, std::string& out, std::string& error) {
  char buffer[1 << 16];
  while (true) {
    ssize_t n = read(fd, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      error = Errno();
      return false;
    }
    if (n == 0) return true;
    out.append(buffer, static_cast<size_t>(n));
    if (out.size() > max_bytes) {
      error = "is larger than the " + FormatSize(max_bytes) + " size cap (see --max-file-size)";
      return false;
    }
  }
}

}  // namespace

uint64_t ContentHash(std::string_view content) {
  uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : content) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

std::string FormatSize(uint64_t bytes) {
  char buf[64];
  if (bytes >= (1ull << 20) && bytes % (1ull << 20) == 0) {
    std::snprintf(buf, sizeof buf, "%llu MiB", static_cast<unsigned long long>(bytes >> 20));
  } else if (bytes >= (1ull << 20)) {
    std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(bytes) / (1 << 20));
  } else if (bytes >= 1024) {
    std::snprintf(buf, sizeof buf, "%.1f KiB", static_cast<double>(bytes) / 1024);
  } else {
    std::snprintf(buf, sizeof buf, "%llu bytes", static_cast<unsigned long long>(bytes));
  }
  return buf;
}

int OpenRegularFile(const std::string& path, std::string* error) {
  struct stat link_info;
  if (lstat(path.c_str(), &link_info) != 0) {
    *error = path + ": " + Errno();
    return -1;
  }
  // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused right after fstat.
  int fd = open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    if (S_ISLNK(link_info.st_mode) && errno == ENOENT) {
      *error = path + ": is a dangling symbolic link";
    } else {
      *error = path + ": " + Errno();
    }
    return -1;
  }
  struct stat info;
  if (fstat(fd, &info) != 0) {
    *error = path + ": " + Errno();
    close(fd);
    return -1;
  }
  if (!S_ISREG(info.st_mode)) {
    *error = path + ": " + DescribeMode(info.st_mode);
    close(fd);
    return -1;
  }
  int flags = fcntl(fd, F_GETFL);
  if (flags >= 0) fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
  return fd;
}

ReadResult ReadInput(const std::string& path, uint64_t max_bytes) {
  ReadResult result;
  std::string error;
  if (path == "-") {
    if (!ReadAll(STDIN_FILENO, max_bytes, result.data, error)) {
      result.error = "<stdin>: " + error;
      return result;
    }
    result.ok = true;
    return result;
  }
  int fd = OpenRegularFile(path, &result.error);
  if (fd < 0) return result;
  struct stat info;
  if (fstat(fd, &info) != 0) {
    result.error = path + ": " + Errno();
    close(fd);
    return result;
  }
  if (static_cast<uint64_t>(info.st_size) > max_bytes) {
    result.error = path + ": " + FormatSize(static_cast<uint64_t>(info.st_size)) +
                   " is larger than the " + FormatSize(max_bytes) + " size cap (see --max-file-size)";
    close(fd);
    return result;
  }
  result.data.reserve(static_cast<size_t>(info.st_size));
  bool ok = ReadAll(fd, max_bytes, result.data, error);
  close(fd);
  if (!ok) {
    result.error = path + ": " + error;
    result.data.clear();
    return result;
  }
  result.ok = true;
  result.stamp = {true,
                  static_cast<uint64_t>(info.st_dev),
                  static_cast<uint64_t>(info.st_ino),
                  static_cast<int64_t>(info.st_size),
                  static_cast<int64_t>(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec,
                  ContentHash(result.data)};
  return result;
}

}  // namespace mcpolicy
