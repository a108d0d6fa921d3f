#include "mcpolicy/io.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
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

// Removes "<prefix><pid>-XXXXXX" files in `dir` left by writers that died before renaming them:
// the process is gone and the file has not changed for a minute (a live writer in another PID
// namespace, which kill() cannot see, finishes well within that).
void RemoveStaleTemporaries(const std::string& dir, const std::string& prefix) {
  DIR* d = opendir(dir.c_str());
  if (d == nullptr) return;
  time_t now = time(nullptr);
  while (dirent* entry = readdir(d)) {
    std::string_view name = entry->d_name;
    if (!name.starts_with(prefix)) continue;
    std::string_view rest = name.substr(prefix.size());
    size_t dash = rest.find('-');
    if (dash == 0 || dash == std::string_view::npos || rest.size() - dash != 7) continue;
    long pid = 0;
    bool digits = true;
    for (char c : rest.substr(0, dash)) {
      digits = digits && c >= '0' && c <= '9' && pid < 100000000;
      pid = pid * 10 + (c - '0');
    }
    if (!digits || pid <= 0) continue;
    if (kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;
    std::string file = dir + "/" + std::string(name);
    struct stat info;
    if (lstat(file.c_str(), &info) != 0 || !S_ISREG(info.st_mode) || info.st_uid != geteuid() ||
        now - info.st_mtime < 60) {
      continue;
    }
    unlink(file.c_str());
  }
  closedir(d);
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
  return result;
}

std::string WriteFileAtomically(const std::string& path, std::string_view content) {
  // Write through a symlink: replacing the link itself would leave the file it names unchanged.
  std::string target = path;
  struct stat link_info;
  if (lstat(path.c_str(), &link_info) == 0 && S_ISLNK(link_info.st_mode)) {
    if (char* real = realpath(path.c_str(), nullptr)) {
      target = real;
      free(real);
    }
  }
  struct stat info;
  bool exists = stat(target.c_str(), &info) == 0;
  if (exists && S_ISDIR(info.st_mode)) return path + ": is a directory";
  size_t slash = target.rfind('/');
  std::string dir = slash == std::string::npos ? "." : slash == 0 ? "/" : target.substr(0, slash);
  std::string base = slash == std::string::npos ? target : target.substr(slash + 1);
  std::string prefix = "." + base + ".mcpolicy-";
  RemoveStaleTemporaries(dir, prefix);
  std::string temp = (dir == "/" ? "" : dir) + "/" + prefix + std::to_string(getpid()) + "-XXXXXX";
  int fd = mkostemp(temp.data(), O_CLOEXEC);
  if (fd < 0) return path + ": cannot create a temporary file in " + dir + ": " + Errno();
  auto fail = [&](const std::string& what) {
    std::string message = path + ": " + what + ": " + Errno();
    close(fd);
    unlink(temp.c_str());
    return message;
  };
  mode_t mode;
  if (exists) {
    mode = info.st_mode & 07777;
    // Keeps the owner when allowed (root editing another user's file); harmless otherwise.
    if (info.st_uid != geteuid() || info.st_gid != getegid()) {
      (void)!fchown(fd, info.st_uid, info.st_gid);
    }
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
  if (rename(temp.c_str(), target.c_str()) != 0) {
    std::string message = path + ": cannot replace the file: " + Errno();
    unlink(temp.c_str());
    return message;
  }
  // The rename is durable once the directory is flushed too; failing that is not worth an error.
  int dir_fd = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0) {
    fsync(dir_fd);
    close(dir_fd);
  }
  return "";
}

}  // namespace mcpolicy
