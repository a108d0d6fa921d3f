// FixText end to end in memory: every fixture under tests/golden/fix is fixed to its expected
// file, the result lints clean for the fixable rules, and fixing again changes nothing.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "mcpolicy/fix.h"
#include "mcpolicy/rules.h"
#include "mcpolicy/lint.h"

namespace mcpolicy {
namespace {

namespace fs = std::filesystem;

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST_CASE("FixText fixes every fixture once and for all") {
  fs::path root = fs::path(MCPOLICY_SOURCE_DIR) / "tests" / "golden" / "fix";
  size_t fixtures = 0;
  for (const auto& entry : fs::directory_iterator(root)) {
    fs::path input = entry.path() / "files" / "policy.json";
    if (!fs::exists(input) || fs::exists(entry.path() / "files" / ".mcpolicy.json")) continue;
    ++fixtures;
    INFO(entry.path().filename().string());
    LintOptions options;
    options.server = "kestra-io/mcp-server-python";
    std::string text = Slurp(input);
    FixTextResult once = FixText("policy.json", text, options);
    bool untouched = once.text == text;
    if (entry.path().filename() == "duplicate-keys-untouched") {
      CHECK_FALSE(once.error.empty());
      CHECK(untouched);
      continue;
    }
    REQUIRE(once.error.empty());
    fs::path expected = entry.path() / "expected-files" / "policy.json";
    if (fs::exists(expected) && entry.path().filename() != "diff") {
      CHECK(once.text == Slurp(expected));
    }
    for (const Diagnostic& d : LintText("policy.json", once.text, options)) {
      CHECK_FALSE(IsFixableRule(d.rule));
    }
    FixTextResult twice = FixText("policy.json", once.text, options);
    CHECK(twice.error.empty());
    CHECK(twice.fixed == 0);
    CHECK(twice.text == once.text);
  }
  CHECK(fixtures >= 10);
}

TEST_CASE("FixText counts what it fixed and leaves invalid JSON alone") {
  LintOptions options;
  options.server = "kestra-io/mcp-server-python";
  std::string policy = R"({"version": "1", "default": "deny", "tools": {"execute_flow": {}, "delete_flow_logs": {}}})";
  FixTextResult r = FixText("p.json", policy, options);
  CHECK(r.error.empty());
  CHECK(r.fixed == 2);
  CHECK(r.text ==
        R"({"version": "1", "default": "deny", "hide": ["delete_flow_logs"], "tools": {"execute_flow": {"limits": [{"counter": "execute_flow_rate", "window": "minute", "max": 10, "scope": "grant"}]}}})");
  std::string broken = "{\"version\": \"1\", \"default\": \"allow\",";
  FixTextResult b = FixText("p.json", broken, options);
  CHECK(b.text == broken);
  CHECK(b.fixed == 0);
}

}  // namespace
}  // namespace mcpolicy
