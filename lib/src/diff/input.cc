#include "diff/input.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

#include "mcpolicy/io.h"

extern char** environ;

namespace mcpolicy::diff {
namespace {

constexpr std::string_view kGitPrefix = "git:";
constexpr size_t kMaxStderr = 16 << 10;

// Closes the descriptors it holds when it goes out of scope.
struct Pipe {
  int fds[2] = {-1, -1};
  ~Pipe() {
    for (int fd : fds) {
      if (fd >= 0) close(fd);
    }
  }
  void CloseEnd(int i) {
    if (fds[i] >= 0) close(fds[i]);
    fds[i] = -1;
  }
};

// The first line of git's complaint, without "fatal: ", for an error message.
std::string FirstLine(std::string text) {
  size_t newline = text.find('\n');
  if (newline != std::string::npos) text.resize(newline);
  if (text.rfind("fatal: ", 0) == 0) text.erase(0, 7);
  return text;
}

struct RunResult {
  std::string out;
  std::string err;
  int status = 0;
  bool too_large = false;
  std::string spawn_error;  // set when git could not be started
};

// Runs argv (no shell) with standard input closed to it, capturing stdout (up to max_bytes) and
// stderr. A child that writes more than max_bytes is killed.
RunResult Run(const std::vector<std::string>& args, uint64_t max_bytes) {
  RunResult result;
  Pipe out, err;
  if (pipe2(out.fds, O_CLOEXEC) != 0 || pipe2(err.fds, O_CLOEXEC) != 0) {
    result.spawn_error = std::strerror(errno);
    return result;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out.fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err.fds[1], STDERR_FILENO);
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    result.spawn_error =
        rc == ENOENT ? "git is not installed (not found on PATH)" : std::strerror(rc);
    return result;
  }
  out.CloseEnd(1);
  err.CloseEnd(1);
  pollfd fds[2] = {{out.fds[0], POLLIN, 0}, {err.fds[0], POLLIN, 0}};
  char buffer[1 << 16];
  int open_count = 2;
  while (open_count > 0) {
    if (poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        fds[i].fd = -1;
        --open_count;
        continue;
      }
      std::string& sink = i == 0 ? result.out : result.err;
      size_t cap = i == 0 ? max_bytes + 1 : kMaxStderr;
      size_t room = cap - std::min<size_t>(sink.size(), cap);
      sink.append(buffer, std::min<size_t>(room, static_cast<size_t>(n)));
      if (i == 0 && result.out.size() > max_bytes) {
        result.too_large = true;
        kill(pid, SIGKILL);
        open_count = 0;
        break;
      }
    }
  }
  while (waitpid(pid, &result.status, 0) < 0 && errno == EINTR) {
  }
  return result;
}

bool Succeeded(const RunResult& run) {
  return run.spawn_error.empty() && !run.too_large && WIFEXITED(run.status) &&
         WEXITSTATUS(run.status) == 0;
}

// `git show REV:path`; `input` names the side in errors. A path missing at a revision that
// exists is an absent side (the file was added or removed), not an error.
SideText ShowBlob(const std::string& rev, const std::string& path, const std::string& input,
                  uint64_t max_bytes) {
  SideText side;
  side.display = side.path = path;
  RunResult run = Run({"git", "show", rev + ":" + path}, max_bytes);
  if (!run.spawn_error.empty()) {
    side.error = input + ": cannot run git: " + run.spawn_error;
  } else if (run.too_large) {
    side.error =
        input + ": larger than the limit of " + FormatSize(max_bytes) + " (see --max-file-size)";
  } else if (!Succeeded(run)) {
    // Told apart by asking git, not by reading its (translated) message.
    if (Succeeded(Run({"git", "rev-parse", "--verify", "--quiet", rev + "^{commit}"}, 4096)) &&
        !Succeeded(Run({"git", "cat-file", "-e", rev + ":" + path}, 4096))) {
      side.ok = side.absent = true;
      return side;
    }
    std::string why = FirstLine(run.err);
    side.error = input + ": git show " + rev + ":" + path + " failed" + (why.empty() ? "" : ": " + why);
  } else {
    side.ok = true;
    side.data = std::move(run.out);
  }
  return side;
}

SideText ReadGit(const std::string& input, uint64_t max_bytes) {
  SideText side;
  std::string spec = input.substr(kGitPrefix.size());
  size_t colon = spec.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == spec.size()) {
    side.error = input + ": expected git:REV:path, e.g. git:HEAD~1:policies/kestra.json";
    return side;
  }
  std::string rev = spec.substr(0, colon);
  if (rev[0] == '-') {
    side.error = input + ": a revision cannot start with '-'";
    return side;
  }
  return ShowBlob(rev, spec.substr(colon + 1), input, max_bytes);
}

}  // namespace

SideText ReadGitBlob(const std::string& rev, const std::string& path, const std::string& display,
                     uint64_t max_bytes) {
  SideText side = ShowBlob(rev, path, "git:" + rev + ":" + path, max_bytes);
  side.display = display;
  return side;
}

GitOutput RunGit(const std::vector<std::string>& args, uint64_t max_bytes) {
  std::vector<std::string> argv = {"git"};
  argv.insert(argv.end(), args.begin(), args.end());
  RunResult run = Run(argv, max_bytes);
  GitOutput out;
  if (!run.spawn_error.empty()) {
    out.error = "cannot run git: " + run.spawn_error;
  } else if (run.too_large) {
    out.error = "git printed more than " + FormatSize(max_bytes);
  } else if (!Succeeded(run)) {
    out.error = FirstLine(run.err);
    if (out.error.empty()) out.error = "git " + args.front() + " failed";
  } else {
    out.ok = true;
    out.out = std::move(run.out);
  }
  return out;
}

bool IsGitInput(const std::string& input) { return input.rfind(kGitPrefix, 0) == 0; }

SideText ReadSide(const std::string& input, uint64_t max_bytes, const std::string& stdin_name,
                  bool missing_is_absent) {
  if (IsGitInput(input)) return ReadGit(input, max_bytes);
  SideText side;
  side.path = input;
  side.display = input == "-" ? (stdin_name.empty() ? "<stdin>" : stdin_name) : input;
  struct stat info;
  if (input == "/dev/null" ||
      (missing_is_absent && input != "-" && lstat(input.c_str(), &info) != 0 && errno == ENOENT)) {
    side.ok = side.absent = true;
    return side;
  }
  ReadResult read = ReadInput(input, max_bytes);
  if (!read.ok) {
    // ReadInput names "-" as "-"; report standard input under its display name.
    side.error = input == "-" ? side.display + read.error.substr(read.error.find(':')) : read.error;
    return side;
  }
  side.ok = true;
  side.data = std::move(read.data);
  return side;
}

}  // namespace mcpolicy::diff
