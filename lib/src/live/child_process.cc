#include "live/child_process.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <thread>

extern char** environ;

namespace mcpolicy::live {
namespace {

struct Pipe {
  int fds[2] = {-1, -1};
  ~Pipe() {
    for (int fd : fds) {
      if (fd >= 0) close(fd);
    }
  }
  int Take(int i) {
    int fd = fds[i];
    fds[i] = -1;
    return fd;
  }
};

void SetNonBlocking(int fd) {
  int flags = fcntl(fd, F_GETFL);
  if (flags >= 0) fcntl(fd, F_SETFL, flags | O_NONBLOCK);
}

// The inherited environment with each "K=V" of `extra` replacing K.
std::vector<std::string> MergedEnvironment(const std::vector<std::string>& extra) {
  std::vector<std::string> env;
  for (char** e = environ; e && *e; ++e) {
    std::string_view entry(*e);
    std::string_view key = entry.substr(0, entry.find('='));
    bool replaced = false;
    for (const std::string& x : extra) {
      if (std::string_view(x).substr(0, x.find('=')) == key) replaced = true;
    }
    if (!replaced) env.emplace_back(entry);
  }
  env.insert(env.end(), extra.begin(), extra.end());
  return env;
}

std::atomic<pid_t> guarded_group{0};

void KillGroupAndReraise(int signo) {
  pid_t group = guarded_group.load();
  if (group > 0) {
    kill(-group, SIGTERM);
    kill(-group, SIGCONT);
  }
  signal(signo, SIG_DFL);
  raise(signo);
}

}  // namespace

std::unique_ptr<ChildProcess> ChildProcess::Spawn(const SpawnOptions& options, std::string* error) {
  if (options.argv.empty() || options.argv[0].empty()) {
    *error = "no command given";
    return nullptr;
  }
  Pipe in, out, err;
  if (pipe2(in.fds, O_CLOEXEC) != 0 || pipe2(out.fds, O_CLOEXEC) != 0 ||
      pipe2(err.fds, O_CLOEXEC) != 0) {
    *error = std::string("cannot create pipes: ") + std::strerror(errno);
    return nullptr;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in.fds[0], STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out.fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err.fds[1], STDERR_FILENO);
  if (!options.cwd.empty()) posix_spawn_file_actions_addchdir_np(&actions, options.cwd.c_str());
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setpgroup(&attr, 0);
  sigset_t defaults;
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGPIPE);
  sigaddset(&defaults, SIGINT);
  sigaddset(&defaults, SIGTERM);
  sigaddset(&defaults, SIGHUP);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  sigset_t none;
  sigemptyset(&none);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF |
                                      POSIX_SPAWN_SETSIGMASK);

  std::vector<std::string> env = MergedEnvironment(options.extra_env);
  std::vector<char*> envp;
  for (std::string& e : env) envp.push_back(e.data());
  envp.push_back(nullptr);
  std::vector<std::string> args = options.argv;
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  pid_t pid = -1;
  int rc = posix_spawnp(&pid, argv[0], &actions, &attr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (rc != 0) {
    *error = std::string("cannot start the server: ") + std::strerror(rc);
    return nullptr;
  }
  std::unique_ptr<ChildProcess> child(new ChildProcess());
  child->pid_ = pid;
  child->in_ = in.Take(1);
  child->out_ = out.Take(0);
  child->err_ = err.Take(0);
  SetNonBlocking(child->in_);
  SetNonBlocking(child->out_);
  SetNonBlocking(child->err_);
  return child;
}

ChildProcess::~ChildProcess() {
  Stop(std::chrono::milliseconds(500));
  for (int fd : {in_, out_, err_}) {
    if (fd >= 0) close(fd);
  }
}

void ChildProcess::CloseStdin() {
  if (in_ >= 0) close(in_);
  in_ = -1;
}

bool ChildProcess::Exited(int* status) {
  if (!reaped_ && pid_ > 0) {
    int s = 0;
    pid_t r = waitpid(pid_, &s, WNOHANG);
    if (r == pid_) {
      reaped_ = true;
      status_ = s;
    }
  }
  if (reaped_ && status) *status = status_;
  return reaped_;
}

void ChildProcess::Stop(std::chrono::milliseconds grace) {
  if (pid_ <= 0) return;
  CloseStdin();
  auto wait_for_exit = [&](std::chrono::milliseconds limit) {
    auto end = std::chrono::steady_clock::now() + limit;
    while (!Exited(nullptr) && std::chrono::steady_clock::now() < end) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return Exited(nullptr);
  };
  if (!wait_for_exit(grace / 5)) {
    kill(-pid_, SIGTERM);
    kill(-pid_, SIGCONT);
    if (!wait_for_exit(grace)) kill(-pid_, SIGKILL);
  }
  // The leader is gone; whatever else of its group is left goes too.
  kill(-pid_, SIGKILL);
  if (!reaped_) {
    int s = 0;
    while (waitpid(pid_, &s, 0) < 0 && errno == EINTR) {
    }
    reaped_ = true;
    status_ = s;
  }
  pid_ = -1;
}

SignalGuard::SignalGuard(pid_t process_group) {
  guarded_group.store(process_group);
  signal(SIGPIPE, SIG_IGN);
  for (int s : {SIGINT, SIGTERM, SIGHUP}) signal(s, KillGroupAndReraise);
}

SignalGuard::~SignalGuard() {
  for (int s : {SIGINT, SIGTERM, SIGHUP}) signal(s, SIG_DFL);
  guarded_group.store(0);
}

std::string DescribeWaitStatus(int status) {
  if (WIFEXITED(status)) return "exited with status " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return "killed by signal " + std::to_string(WTERMSIG(status));
  return "stopped";
}

}  // namespace mcpolicy::live
