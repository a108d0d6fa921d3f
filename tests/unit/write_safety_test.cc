// What a write must not lose: an edit saved while mcpolicy ran, a target whose name leaves no room
// for the temporary's suffix, hard links, read-only files, symlink loops, and an output that is an
// input (FindOutputConflict).
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "mcpolicy/io.h"

namespace fs = std::filesystem;
using mcpolicy::FindOutputConflict;
using mcpolicy::ReadInput;
using mcpolicy::WriteFileAtomically;
using mcpolicy::WriteOptions;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "mcpolicy-write-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

std::string Slurp(const fs::path& p) { return ReadInput(p.string(), 1u << 30).data; }

void Spit(const fs::path& p, const std::string& content) {
  std::ofstream(p, std::ios::binary) << content;
}

}  // namespace

TEST_CASE("a file edited after it was read is not replaced", "[io]") {
  TempDir dir;
  fs::path target = dir.path / "policy.json";
  Spit(target, "{\"default\": \"allow\"}\n");
  mcpolicy::ReadResult read = ReadInput(target.string(), 1 << 20);
  REQUIRE(read.stamp.valid);
  WriteOptions options;
  options.expected = &read.stamp;

  SECTION("unchanged: written") {
    CHECK(WriteFileAtomically(target.string(), "fixed\n", options) == "");
    CHECK(Slurp(target) == "fixed\n");
  }
  SECTION("same size, same modification time, other bytes: refused by the content hash") {
    Spit(target, "{\"default\": \"deny!\"}\n");
    struct stat info;
    REQUIRE(stat(target.c_str(), &info) == 0);
    struct timespec times[2] = {info.st_atim, {0, 0}};
    times[1].tv_sec = read.stamp.mtime_ns / 1000000000;
    times[1].tv_nsec = read.stamp.mtime_ns % 1000000000;
    REQUIRE(utimensat(AT_FDCWD, target.c_str(), times, 0) == 0);
    std::string error = WriteFileAtomically(target.string(), "fixed\n", options);
    CHECK(error.find("changed after mcpolicy read it") != std::string::npos);
    CHECK(Slurp(target) == "{\"default\": \"deny!\"}\n");
  }
  SECTION("replaced by another file (an editor's own rename): refused") {
    fs::path other = dir.path / "other.json";
    Spit(other, "{\"default\": \"allow\"}\n");
    fs::rename(other, target);
    CHECK(WriteFileAtomically(target.string(), "fixed\n", options) != "");
    CHECK(Slurp(target) == "{\"default\": \"allow\"}\n");
  }
  SECTION("removed: refused, nothing created") {
    fs::remove(target);
    CHECK(WriteFileAtomically(target.string(), "fixed\n", options) != "");
    CHECK(!fs::exists(target));
  }
  // No temporary is left behind in any case.
  for (const auto& e : fs::directory_iterator(dir.path)) {
    CHECK(e.path().filename().string().find(".mcpolicy-") == std::string::npos);
  }
}

TEST_CASE("the temporary name fits NAME_MAX for the longest legal target name", "[io]") {
  TempDir dir;
  std::string accented(100, 'b');  // then 2-byte characters: the cut must not split one
  for (int i = 0; i < 75; ++i) accented += "\xc3\xa9";
  for (const std::string& stem : {std::string(250, 'a'), accented}) {
    fs::path target = dir.path / (stem + ".json");
    REQUIRE(target.filename().string().size() <= 255);
    CHECK(WriteFileAtomically(target.string(), "x\n") == "");
    CHECK(Slurp(target) == "x\n");
    CHECK(WriteFileAtomically(target.string(), "y\n") == "");
    CHECK(Slurp(target) == "y\n");
  }
}

TEST_CASE("files whose replacement would lose something are refused", "[io]") {
  TempDir dir;
  fs::path target = dir.path / "policy.json";
  Spit(target, "old\n");
  SECTION("a second hard link would be split from the new file") {
    fs::create_hard_link(target, dir.path / "twin.json");
    std::string error = WriteFileAtomically(target.string(), "new\n");
    CHECK(error == target.string() +
                       ": has 2 hard links; replacing it would split them, so it was left unchanged");
    CHECK(Slurp(dir.path / "twin.json") == "old\n");
  }
  SECTION("no write permission for the owner") {
    REQUIRE(chmod(target.c_str(), 0444) == 0);
    std::string error = WriteFileAtomically(target.string(), "new\n");
    CHECK(error == target.string() +
                       ": has no write permission for its owner (mode 0444), so it was left unchanged");
    CHECK(Slurp(target) == "old\n");
  }
  SECTION("a symlink loop") {
    fs::create_symlink("loop", dir.path / "loop");
    std::string error = WriteFileAtomically((dir.path / "loop").string(), "new\n");
    CHECK(error == (dir.path / "loop").string() + ": Too many levels of symbolic links");
    CHECK(fs::is_symlink(dir.path / "loop"));
  }
  SECTION("a dangling symlink creates the file it names") {
    fs::create_symlink("made.json", dir.path / "link.json");
    CHECK(WriteFileAtomically((dir.path / "link.json").string(), "new\n") == "");
    CHECK(fs::is_symlink(dir.path / "link.json"));
    CHECK(Slurp(dir.path / "made.json") == "new\n");
  }
}

TEST_CASE("FindOutputConflict compares outputs with inputs and with each other", "[io]") {
  TempDir dir;
  fs::path policy = dir.path / "p.json";
  Spit(policy, "{}\n");
  fs::create_symlink("p.json", dir.path / "link.json");
  fs::create_hard_link(policy, dir.path / "hard.json");
  std::string p = policy.string();
  std::string fresh = (dir.path / "new.txt").string();
  std::string fresh_dotted = (dir.path / "." / "new.txt").string();

  CHECK(FindOutputConflict({{"", p}}, {{"-o", p}}) ==
        "-o " + p + " would overwrite the input " + p + "; nothing was written");
  CHECK(FindOutputConflict({{"", p}}, {{"-o", (dir.path / "link.json").string()}}) != "");
  CHECK(FindOutputConflict({{"", p}}, {{"-o", (dir.path / "hard.json").string()}}) != "");
  CHECK(FindOutputConflict({{"--tools", (dir.path / "link.json").string()}}, {{"-o", p}}) != "");
  CHECK(FindOutputConflict({}, {{"-o", fresh}, {"--explain-file", fresh_dotted}}) ==
        "-o " + fresh + " and --explain-file " + fresh_dotted +
            " name the same file, so one would overwrite the other; nothing was written");
  CHECK(FindOutputConflict({{"", p}}, {{"-o", fresh}}) == "");
  CHECK(FindOutputConflict({{"--catalog", dir.path.string()}}, {{"-o", p}}) != "");
  // Devices are written straight to, so naming one twice loses nothing.
  CHECK(FindOutputConflict({}, {{"-o", "/dev/null"}, {"--explain-file", "/dev/null"}}) == "");
}
