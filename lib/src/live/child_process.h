// A child process started without a shell, in a process group of its own, with its standard
// streams on pipes; stopped (SIGTERM to the group, then SIGKILL after a grace period) and reaped
// when the object goes, so no server is ever left running behind mcpolicy.
#ifndef MCPOLICY_LIVE_CHILD_PROCESS_H_
#define MCPOLICY_LIVE_CHILD_PROCESS_H_

#include <sys/types.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace mcpolicy::live {

struct SpawnOptions {
  std::vector<std::string> argv;       // argv[0] is looked up on PATH; never a shell
  std::vector<std::string> extra_env;  // "K=V", replacing K in the inherited environment
  std::string cwd;                     // empty: mcpolicy's own
};

class ChildProcess {
 public:
  // Starts the process. On failure returns nullptr and sets `error` ("cannot start 'x': reason").
  static std::unique_ptr<ChildProcess> Spawn(const SpawnOptions& options, std::string* error);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  int stdin_fd() const { return in_; }    // non-blocking, ours to write
  int stdout_fd() const { return out_; }  // non-blocking, ours to read
  int stderr_fd() const { return err_; }  // non-blocking, ours to read
  pid_t pid() const { return pid_; }

  // Closes our end of its standard input (a polite stdio server exits on EOF).
  void CloseStdin();
  // True when it has exited; `status` then holds the wait status. Never blocks.
  bool Exited(int* status);
  // Closes stdin, waits up to `grace` for an exit, sends SIGTERM to the group, waits `grace`
  // again, then SIGKILLs the group and reaps. Idempotent.
  void Stop(std::chrono::milliseconds grace);

 private:
  ChildProcess() = default;
  pid_t pid_ = -1;
  int in_ = -1, out_ = -1, err_ = -1;
  bool reaped_ = false;
  int status_ = 0;
};

// While alive, SIGINT, SIGTERM and SIGHUP sent to mcpolicy first kill the guarded process group,
// then end mcpolicy as the signal would have; SIGPIPE is ignored (a dead server's stdin gives
// EPIPE instead). One guard at a time.
class SignalGuard {
 public:
  explicit SignalGuard(pid_t process_group);
  ~SignalGuard();
  SignalGuard(const SignalGuard&) = delete;
  SignalGuard& operator=(const SignalGuard&) = delete;
};

// "exited with status 3", "killed by signal 9".
std::string DescribeWaitStatus(int status);

}  // namespace mcpolicy::live

#endif  // MCPOLICY_LIVE_CHILD_PROCESS_H_
