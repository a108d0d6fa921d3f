// FixText end to end in memory: every fixture under tests/golden/fix is fixed to its expected
// file, nothing the same flags would fix is left, and fixing again changes nothing; and the
// planner's rules for remedies that would touch the same text.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "mcpolicy/fix.h"
#include "mcpolicy/json.h"
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
    // As the case runs: unsafe fixes too only when its command line asks for them.
    const std::string args = Slurp(entry.path() / "args");
    const bool unsafe = args.find("--unsafe-fixes") != std::string::npos;
    std::string text = Slurp(input);
    FixTextResult once = FixText("policy.json", text, options, unsafe);
    bool untouched = once.text == text;
    if (entry.path().filename() == "duplicate-keys-untouched") {
      CHECK_FALSE(once.error.empty());
      CHECK(untouched);
      continue;
    }
    REQUIRE(once.error.empty());
    fs::path expected = entry.path() / "expected-files" / "policy.json";
    if (fs::exists(expected) && args.find("--diff") == std::string::npos) {  // --diff writes nothing
      CHECK(once.text == Slurp(expected));
    }
    // Nothing the same flags would fix is left, and a second run changes nothing.
    for (const Diagnostic& d : LintText("policy.json", once.text, options)) {
      INFO(d.rule << ": " << d.message);
      CHECK_FALSE(FixApplies(d, unsafe));
    }
    FixTextResult twice = FixText("policy.json", once.text, options, unsafe);
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
  // Both fixes are unsafe: without --unsafe-fixes nothing changes.
  FixTextResult safe = FixText("p.json", policy, options);
  CHECK(safe.error.empty());
  CHECK(safe.fixed == 0);
  CHECK(safe.text == policy);
  FixTextResult r = FixText("p.json", policy, options, /*unsafe_fixes=*/true);
  CHECK(r.error.empty());
  CHECK(r.fixed == 2);
  CHECK(r.text ==
        R"({"version": "1", "default": "deny", "hide": ["delete_flow_logs"], "tools": {"execute_flow": {"limits": [{"counter": "execute_flow_rate", "window": "minute", "max": 10, "scope": "grant"}]}}})");
  std::string broken = "{\"version\": \"1\", \"default\": \"allow\",";
  FixTextResult b = FixText("p.json", broken, options, true);
  CHECK(b.text == broken);
  CHECK(b.fixed == 0);
}

TEST_CASE("FixText: remedies that would touch the same text are resolved the same way every time") {
  LintOptions options;
  options.server = "kestra-io/mcp-server-python";
  struct Case {
    const char* name;
    const char* policy;
    const char* fixed;
  };
  const Case cases[] = {
      // A dead limit that is also loose: the removal wins over lowering its max.
      {"removed limit beats lowered max",
       R"({"version": "1", "default": "deny", "tools": {"execute_flow": {"limits": [{"counter": "h", "window": "hour", "max": 1000, "scope": "grant"}, {"counter": "m", "window": "minute", "max": 10, "scope": "grant"}]}}})",
       R"({"version": "1", "default": "deny", "tools": {"execute_flow": {"limits": [{"counter": "m", "window": "minute", "max": 10, "scope": "grant"}]}}})"},
      // Two misspellings of one tool: the first in the file is renamed; the second then collides
      // with it and keeps its name.
      {"first rename wins",
       R"({"version": "1", "default": "deny", "tools": {"list_executons": {}, "list_executionss": {}}})",
       R"({"version": "1", "default": "deny", "tools": {"list_executions": {}, "list_executionss": {}}})"},
      // A misspelt tools entry and deny-by-default listing the same read tool: the rename wins and
      // the tool is not listed twice.
      {"rename beats listing",
       R"({"version": "1", "default": "allow", "tools": {"list_executons": {}}})",
       nullptr},
      // A window in seconds and an unlimited tool under it: the window is repaired, no limit added.
      {"window repair adds no limit",
       R"({"version": "1", "default": "deny", "tools": {"execute_flow": {"limits": [{"counter": "execute_flow_rate", "window": 60, "max": 10, "scope": "grant"}]}}})",
       R"({"version": "1", "default": "deny", "tools": {"execute_flow": {"limits": [{"counter": "execute_flow_rate", "window": "minute", "max": 10, "scope": "grant"}]}}})"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    FixTextResult r = FixText("p.json", c.policy, options, /*unsafe_fixes=*/true);
    REQUIRE(r.error.empty());
    if (c.fixed) CHECK(r.text == c.fixed);
    // Whatever was done, the result parses without duplicate keys and a second run is a no-op.
    json::Document doc = json::Document::Parse(r.text);
    REQUIRE(doc.ok());
    CHECK(doc.duplicates().empty());
    CHECK(r.text.find("\"list_executions\": {}, \"list_executions\"") == std::string::npos);
    FixTextResult twice = FixText("p.json", r.text, options, true);
    CHECK(twice.text == r.text);
  }
}

}  // namespace
}  // namespace mcpolicy
