// WriteFileAtomically: a writer killed mid-write leaves the old file intact, permissions are kept,
// nothing is left behind after a successful write, and temporaries of dead writers are cleaned.
#include <signal.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "mcpolicy/io.h"

namespace fs = std::filesystem;
using mcpolicy::WriteFileAtomically;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "mcpolicy-atomic-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

std::string Slurp(const fs::path& p) { return mcpolicy::ReadInput(p.string(), 1u << 30).data; }

void Spit(const fs::path& p, const std::string& content) {
  std::ofstream(p, std::ios::binary) << content;
}

// Files in `dir` other than `keep`: temporaries the writer created.
std::vector<std::string> Others(const fs::path& dir, const std::string& keep) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().filename() != keep) out.push_back(e.path().filename().string());
  }
  return out;
}

}  // namespace

TEST_CASE("a writer killed mid-write leaves the original file intact", "[io]") {
  TempDir dir;
  fs::path target = dir.path / "policy.json";
  const std::string original = "{\"version\": \"1\", \"default\": \"deny\"}\n";
  Spit(target, original);
  pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    // Large enough that writing and flushing it takes far longer than noticing the temporary.
    const std::string payload(256u << 20, 'x');
    WriteFileAtomically(target.string(), payload);
    _exit(0);
  }
  bool seen = false;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!seen && std::chrono::steady_clock::now() < deadline) {
    seen = !Others(dir.path, "policy.json").empty();
    if (!seen) std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  kill(child, SIGKILL);
  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  REQUIRE(seen);
  // Killed by the signal, not finished: otherwise the test proved nothing.
  REQUIRE(WIFSIGNALED(status));
  REQUIRE(WTERMSIG(status) == SIGKILL);
  CHECK(Slurp(target) == original);
  std::vector<std::string> left = Others(dir.path, "policy.json");
  REQUIRE(left.size() == 1);
  CHECK(left[0].starts_with(".policy.json.mcpolicy-" + std::to_string(child) + "-"));

  SECTION("the next write removes the dead writer's temporary once it is a minute old") {
    fs::path stale = dir.path / left[0];
    struct timeval old_times[2] = {{time(nullptr) - 120, 0}, {time(nullptr) - 120, 0}};
    REQUIRE(utimes(stale.c_str(), old_times) == 0);
    CHECK(WriteFileAtomically(target.string(), "new\n") == "");
    CHECK(Slurp(target) == "new\n");
    CHECK(Others(dir.path, "policy.json").empty());
  }
  SECTION("a fresh temporary is left alone (its writer may live in another PID namespace)") {
    CHECK(WriteFileAtomically(target.string(), "new\n") == "");
    CHECK(Others(dir.path, "policy.json") == left);
  }
}

TEST_CASE("a successful write keeps permissions and leaves no temporary file", "[io]") {
  TempDir dir;
  fs::path target = dir.path / "report.txt";
  Spit(target, "old");
  REQUIRE(chmod(target.c_str(), 0640) == 0);
  REQUIRE(WriteFileAtomically(target.string(), "new content\n") == "");
  CHECK(Slurp(target) == "new content\n");
  struct stat info;
  REQUIRE(stat(target.c_str(), &info) == 0);
  CHECK((info.st_mode & 07777) == 0640);
  CHECK(Others(dir.path, "report.txt").empty());

  SECTION("a new file gets the umask's permissions") {
    mode_t old_mask = umask(027);
    fs::path fresh = dir.path / "fresh.txt";
    CHECK(WriteFileAtomically(fresh.string(), "x") == "");
    umask(old_mask);
    REQUIRE(stat(fresh.c_str(), &info) == 0);
    CHECK((info.st_mode & 07777) == 0640);
  }
  SECTION("a symlink is written through, not replaced") {
    fs::path link = dir.path / "link.txt";
    fs::create_symlink("report.txt", link);
    CHECK(WriteFileAtomically(link.string(), "via link\n") == "");
    CHECK(fs::is_symlink(link));
    CHECK(Slurp(target) == "via link\n");
  }
  SECTION("a directory target is refused and left alone") {
    fs::path sub = dir.path / "out";
    fs::create_directory(sub);
    CHECK(WriteFileAtomically(sub.string(), "x") == sub.string() + ": is a directory");
    CHECK(fs::is_directory(sub));
    CHECK(Others(dir.path, "report.txt") == std::vector<std::string>{"out"});
  }
  SECTION("an unwritable directory is an error naming the path, the old file kept") {
    if (geteuid() == 0) return;  // root writes anywhere
    REQUIRE(chmod(dir.path.c_str(), 0500) == 0);
    std::string error = WriteFileAtomically(target.string(), "lost");
    chmod(dir.path.c_str(), 0700);
    CHECK(error.starts_with(target.string() + ": cannot create a temporary file"));
    CHECK(Slurp(target) == "new content\n");
  }
}
