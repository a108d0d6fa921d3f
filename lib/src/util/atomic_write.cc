// WriteFileAtomically: rename-over for regular files, straight writes for devices, FIFOs and the
// standard streams, and the checks that keep a write from losing data (see mcpolicy/io.h).
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <string>

#include "mcpolicy/io.h"
#include "util/paths.h"

namespace mcpolicy {
namespace {

constexpr int kMaxLinkHops = 40;  // as the kernel's MAXSYMLINKS
// ".<name>.mcpolicy-<pid>-XXXXXX" adds at most 1 + 10 + 10 + 1 + 6 bytes to <name>.
constexpr size_t kTemporaryOverhead = 28;

std::string Errno() { return std::strerror(errno); }

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

bool WriteAll(int fd, std::string_view content) {
  size_t written = 0;
  while (written < content.size()) {
    ssize_t n = write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    written += static_cast<size_t>(n);
  }
  return true;
}

// A device, FIFO or standard stream: written to as it is, never replaced.
std::string WriteStraight(const std::string& path, const std::string& target,
                          std::string_view content) {
  int stream = StandardStreamOf(target);
  int fd = stream >= 0 ? stream : open(target.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
  if (fd < 0 || (stream >= 0 && fcntl(fd, F_GETFD) < 0)) return path + ": " + Errno();
  bool ok = WriteAll(fd, content);
  std::string message = ok ? "" : path + ": write failed: " + Errno();
  if (stream < 0 && close(fd) != 0 && ok) message = path + ": close failed: " + Errno();
  return message;
}

// The longest prefix of `name` of at most `limit` bytes that does not cut a UTF-8 sequence.
std::string Shorten(const std::string& name, size_t limit) {
  if (name.size() <= limit) return name;
  size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
  return name.substr(0, cut);
}

// Whether `target` is still the file `expected` describes: same device, inode, size and
// modification time, and the same bytes.
bool Unchanged(const std::string& target, const FileStamp& expected) {
  struct stat info;
  if (stat(target.c_str(), &info) != 0) return false;
  int64_t mtime = static_cast<int64_t>(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec;
  if (static_cast<uint64_t>(info.st_dev) != expected.device ||
      static_cast<uint64_t>(info.st_ino) != expected.inode || info.st_size != expected.size ||
      mtime != expected.mtime_ns) {
    return false;
  }
  ReadResult now = ReadInput(target, static_cast<uint64_t>(expected.size));
  return now.ok && ContentHash(now.data) == expected.hash;
}

std::string Octal(mode_t mode) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04o", static_cast<unsigned>(mode & 07777));
  return buf;
}

}  // namespace

int StandardStreamOf(const std::string& path) {
  if (path == "/dev/stdout") return STDOUT_FILENO;
  if (path == "/dev/stderr") return STDERR_FILENO;
  std::string own = "/proc/" + std::to_string(getpid()) + "/fd/";
  for (const std::string& prefix : {std::string("/dev/fd/"), std::string("/proc/self/fd/"), own}) {
    if (!path.starts_with(prefix) || path.size() == prefix.size() ||
        path.size() - prefix.size() > 6) {
      continue;
    }
    int fd = 0;
    for (char c : path.substr(prefix.size())) {
      if (c < '0' || c > '9') return -1;
      fd = fd * 10 + (c - '0');
    }
    return fd;
  }
  return -1;
}

bool FollowLinks(const std::string& path, std::string& out, std::string& error) {
  std::string current = path;
  for (int hops = 0; hops <= kMaxLinkHops; ++hops) {
    struct stat info;
    if (StandardStreamOf(current) >= 0 || lstat(current.c_str(), &info) != 0 ||
        !S_ISLNK(info.st_mode)) {
      out = current;
      return true;
    }
    std::string target(PATH_MAX, '\0');
    ssize_t n = readlink(current.c_str(), target.data(), target.size());
    if (n < 0) {
      error = Errno();
      return false;
    }
    target.resize(static_cast<size_t>(n));
    if (target.empty() || target[0] != '/') {
      size_t slash = current.rfind('/');
      target = (slash == std::string::npos ? "" : current.substr(0, slash + 1)) + target;
    }
    current = std::move(target);
  }
  error = std::strerror(ELOOP);
  return false;
}

std::string WriteFileAtomically(const std::string& path, std::string_view content,
                                const WriteOptions& options) {
  std::string target, error;
  if (!FollowLinks(path, target, error)) return path + ": " + error;
  if (StandardStreamOf(target) >= 0) return WriteStraight(path, target, content);
  struct stat info;
  bool exists = stat(target.c_str(), &info) == 0;
  if (!exists && errno != ENOENT) return path + ": " + Errno();
  if (exists) {
    if (S_ISDIR(info.st_mode)) return path + ": is a directory";
    if (S_ISSOCK(info.st_mode)) return path + ": is a socket, which cannot be written to";
    if (!S_ISREG(info.st_mode)) return WriteStraight(path, target, content);
    if (info.st_nlink > 1) {
      return path + ": has " + std::to_string(info.st_nlink) +
             " hard links; replacing it would split them, so it was left unchanged";
    }
    if ((info.st_mode & S_IWUSR) == 0) {
      return path + ": has no write permission for its owner (mode " + Octal(info.st_mode) +
             "), so it was left unchanged";
    }
  }
  if (options.expected && !exists) {
    return path + ": was removed after mcpolicy read it, so it was not written";
  }
  size_t slash = target.rfind('/');
  std::string dir = slash == std::string::npos ? "." : slash == 0 ? "/" : target.substr(0, slash);
  std::string base = slash == std::string::npos ? target : target.substr(slash + 1);
  long name_max = pathconf(dir.c_str(), _PC_NAME_MAX);
  if (name_max <= 0) name_max = NAME_MAX;
  size_t room = static_cast<size_t>(name_max) > kTemporaryOverhead + 1
                    ? static_cast<size_t>(name_max) - kTemporaryOverhead
                    : 1;
  std::string prefix = "." + Shorten(base, room) + ".mcpolicy-";
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
  if (!WriteAll(fd, content)) return fail("write failed");
  if (fsync(fd) != 0) return fail("fsync failed");
  if (close(fd) != 0) {
    std::string message = path + ": close failed: " + Errno();
    unlink(temp.c_str());
    return message;
  }
  if (options.expected && !Unchanged(target, *options.expected)) {
    unlink(temp.c_str());
    return path + ": changed after mcpolicy read it (an edit saved meanwhile?), so it was not "
                  "written; run mcpolicy again";
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
