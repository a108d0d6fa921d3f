#include "mcpolicy/io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
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
  struct stat link_info;
  if (lstat(path.c_str(), &link_info) != 0) {
    result.error = path + ": " + Errno();
    return result;
  }
  // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused right after fstat.
  int fd = open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    if (S_ISLNK(link_info.st_mode) && errno == ENOENT) {
      result.error = path + ": is a dangling symbolic link";
    } else {
      result.error = path + ": " + Errno();
    }
    return result;
  }
  struct stat info;
  if (fstat(fd, &info) != 0) {
    result.error = path + ": " + Errno();
    close(fd);
    return result;
  }
  if (!S_ISREG(info.st_mode)) {
    result.error = path + ": " + DescribeMode(info.st_mode);
    close(fd);
    return result;
  }
  if (static_cast<uint64_t>(info.st_size) > max_bytes) {
    result.error = path + ": " + FormatSize(static_cast<uint64_t>(info.st_size)) +
                   " is larger than the " + FormatSize(max_bytes) + " size cap (see --max-file-size)";
    close(fd);
    return result;
  }
  int flags = fcntl(fd, F_GETFL);
  if (flags >= 0) fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
  result.data.reserve(static_cast<size_t>(info.st_size));
  bool ok = ReadAll(fd, max_bytes, result.data, error);
  close(fd);
  if (!ok) {
    result.error = path + ": " + error;
    result.data.clear();
    return result;
  }
  result.ok = true;
  return result;
}

std::string WriteFileAtomically(const std::string& path, std::string_view content) {
  std::string dir = ".";
  size_t slash = path.rfind('/');
  if (slash != std::string::npos) dir = slash == 0 ? "/" : path.substr(0, slash);
  std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  std::string temp = (dir == "/" ? "" : dir) + "/." + base + ".mcpolicy-XXXXXX";
  int fd = mkstemp(temp.data());
  if (fd < 0) return path + ": cannot create a temporary file in " + dir + ": " + Errno();
  auto fail = [&](const std::string& what) {
    std::string message = path + ": " + what + ": " + Errno();
    close(fd);
    unlink(temp.c_str());
    return message;
  };
  struct stat info;
  mode_t mode;
  if (stat(path.c_str(), &info) == 0) {
    mode = info.st_mode & 07777;
  } else {
    mode_t mask = umask(0);
    umask(mask);
    mode = 0666 & ~mask;
  }
  if (fchmod(fd, mode) != 0) return fail("cannot set permissions");
  size_t written = 0;
  while (written < content.size()) {
    ssize_t n = write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("write failed");
    }
    written += static_cast<size_t>(n);
  }
  if (fsync(fd) != 0) return fail("fsync failed");
  if (close(fd) != 0) {
    std::string message = path + ": close failed: " + Errno();
    unlink(temp.c_str());
    return message;
  }
  if (rename(temp.c_str(), path.c_str()) != 0) {
    std::string message = path + ": cannot replace the file: " + Errno();
    unlink(temp.c_str());
    return message;
  }
  return "";
}

}  // namespace mcpolicy
