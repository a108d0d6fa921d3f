// ParseConfig: settings read from .mcpolicy.json, errors with positions, suppression matching,
// expiry against an injected date, and baseline keys that survive reformatting.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "config/baseline.h"
#include "mcpolicy/config.h"
#include "mcpolicy/rules.h"

namespace mcpolicy {
namespace {

Config Parse(const std::string& text) {
  ConfigResult r = ParseConfig("cfg.json", "/repo", text, AllRuleNames());
  INFO((r.errors.empty() ? std::string() : r.errors[0]));
  REQUIRE(r.ok());
  return *r.config;
}

std::vector<std::string> Errors(const std::string& text) {
  return ParseConfig("cfg.json", "/repo", text, AllRuleNames()).errors;
}

TEST_CASE("config: empty object gives the defaults", "[config]") {
  Config c = Parse("{}");
  CHECK(c.IsEnabled("schema"));
  CHECK(c.SeverityOf("schema", Severity::kError) == Severity::kError);
  CHECK(c.thresholds.execute_per_minute == 10);
  CHECK(c.thresholds.write_per_minute == 30);
  CHECK(c.thresholds.other_per_minute == 60);
  CHECK(c.ServerFor("/repo/policy.json").empty());
}

TEST_CASE("config: rule settings", "[config]") {
  struct Case {
    const char* value;
    bool enabled;
    std::optional<Severity> severity;
  };
  const Case cases[] = {
      {"\"off\"", false, std::nullopt},         {"false", false, std::nullopt},
      {"true", true, std::nullopt},             {"\"error\"", true, Severity::kError},
      {"\"warning\"", true, Severity::kWarning}, {"\"note\"", true, Severity::kNote},
  };
  for (const Case& k : cases) {
    INFO(k.value);
    Config c = Parse(std::string(R"({"rules": {"schema": )") + k.value + "}}");
    CHECK(c.IsEnabled("schema") == k.enabled);
    CHECK(c.IsEnabled("duplicate-key"));
    if (k.severity) CHECK(c.SeverityOf("schema", Severity::kError) == *k.severity);
    if (!k.severity) CHECK(c.SeverityOf("schema", Severity::kError) == Severity::kError);
  }
}

TEST_CASE("config: thresholds and servers", "[config]") {
  Config c = Parse(R"({
    "thresholds": {"execute_per_minute": 2, "other_per_minute": 120},
    "servers": [
      {"files": "kestra/**", "server": "kestra-io/mcp-server-python"},
      {"files": ["**/github-*.json", "gh.json"], "server": "github/github-mcp-server"}
    ]
  })");
  CHECK(c.thresholds.execute_per_minute == 2);
  CHECK(c.thresholds.write_per_minute == 30);
  CHECK(c.thresholds.other_per_minute == 120);
  CHECK(c.ServerFor("/repo/kestra/prod/policy.json") == "kestra-io/mcp-server-python");
  CHECK(c.ServerFor("/repo/teams/github-ci.json") == "github/github-mcp-server");
  CHECK(c.ServerFor("/repo/gh.json") == "github/github-mcp-server");
  CHECK(c.ServerFor("/repo/other.json").empty());
  CHECK(c.ServerFor("/elsewhere/kestra/policy.json").empty());  // outside the config's directory
  CHECK(c.RelativePath("/repo/a/../b/c.json") == "b/c.json");
  // Read falls back to "other", destructive and financial to "execute", unless set.
  CHECK(c.thresholds.PerMinute(Category::kRead) == 120);
  CHECK(c.thresholds.PerMinute(Category::kFinancial) == 2);
  CHECK(c.thresholds.PerMinute(Category::kDestructive) == 2);
  Config own = Parse(R"({"thresholds": {"read_per_minute": 100, "financial_per_minute": 1,
                                         "destructive_per_minute": 0.5}})");
  CHECK(own.thresholds.PerMinute(Category::kRead) == 100);
  CHECK(own.thresholds.PerMinute(Category::kFinancial) == 1);
  CHECK(own.thresholds.PerMinute(Category::kDestructive) == 0.5);
  CHECK(own.thresholds.PerMinute(Category::kOther) == 60);
  CHECK(Thresholds::KeyFor(Category::kRead) == "read_per_minute");
}

TEST_CASE("config: exclude globs cover files and the directories they are in", "[config]") {
  Config c = Parse(R"({"exclude": ["dumps/", "**/*.tools.json"]})");
  CHECK(c.ExcludedBy("/repo/dumps/a/x.json") == "dumps/");
  CHECK(c.ExcludedBy("/repo/policies/kestra.tools.json") == "**/*.tools.json");
  CHECK(c.ExcludedBy("/repo/policies/kestra.json").empty());
  CHECK(c.ExcludedBy("/repo/dumpsters/x.json").empty());
  CHECK(c.ExcludedBy("/elsewhere/dumps/x.json").empty());  // outside the config's directory
  CHECK(Parse(R"({"exclude": "one.json"})").exclude == std::vector<std::string>{"one.json"});
  CHECK(Errors(R"({"exclude": ["/abs"]})").size() == 1);
}

TEST_CASE("config: errors have positions and did-you-mean", "[config]") {
  CHECK(Errors("{\"rules\": {\"schema\": \"fatal\"}}") ==
        std::vector<std::string>{"cfg.json:1:22: \"fatal\" is not one of \"off\", \"error\", \"warning\", \"note\""});
  CHECK(Errors("{\"rulez\": {}}") ==
        std::vector<std::string>{"cfg.json:1:2: unknown key \"rulez\"; did you mean \"rules\"?"});
  CHECK(Errors("{\"rules\": {\"scheme\": \"off\"}}") ==
        std::vector<std::string>{"cfg.json:1:12: unknown rule \"scheme\"; did you mean \"schema\"?"});
  CHECK(Errors(R"({"suppressions": [{"files": "*", "rules": ["invalid-jsn"], "reason": "r"}]})") ==
        std::vector<std::string>{"cfg.json:1:44: unknown rule \"invalid-jsn\"; did you mean \"invalid-json\"?"});
  CHECK(Errors("{\"rules\": {}, \"rules\": {}}") ==
        std::vector<std::string>{"cfg.json:1:15: duplicate key \"rules\" (first at line 1)"});
  CHECK(Errors("{\n  \"rules\": {,}\n}") ==
        std::vector<std::string>{"cfg.json:2:13: configuration is not valid JSON: unexpected "
                                 "character ','; expected a key in double quotes or '}'"});
  CHECK(Errors(R"({"thresholds": {"execute_per_minute": 0}})").size() == 1);
  // Servers are checked against the catalog: ids and aliases as `catalog show` takes them.
  CHECK(Errors(R"({"servers": [{"files": "*", "server": "kestra"}]})").empty());
  CHECK(Errors(R"({"servers": [{"files": "*", "server": "filesystem"}]})").empty());
  CHECK(Errors(R"({"servers": [{"files": "*", "server": "modelcontextprotocol/servers/filesystem"}]})")
            .empty());
  CHECK(Errors(R"({"servers": [{"files": "*", "server": "filesytem"}]})") ==
        std::vector<std::string>{
            "cfg.json:1:39: unknown catalog server \"filesytem\"; did you mean \"filesystem\"?"});
  CHECK(Errors(R"({"servers": [{"files": "*", "server": ""}]})").size() == 1);
  CHECK(Errors(R"({"suppressions": [{"files": "/abs/*.json", "rules": ["schema"]}]})").size() == 1);
  CHECK(Errors(R"({"suppressions": [{"files": "*", "rules": ["schema"], "expires": "2024-13-01"}]})").size() == 1);
}

TEST_CASE("config: suppressions match by file, pointer prefix and rule", "[config]") {
  Config c = Parse(R"({"suppressions": [
    {"files": ["policies/*.json"], "pointer": "/tools/execute_flow", "rules": ["loose-limit", "schema"],
     "reason": "reviewed", "expires": "2025-06-30"},
    {"files": "**", "rules": ["schema"]}
  ]})");
  REQUIRE(c.suppressions.size() == 2);
  const Suppression& s = c.suppressions[0];
  CHECK(s.Covers("policies/a.json", "schema", "/tools/execute_flow"));
  CHECK(s.Covers("policies/a.json", "loose-limit", "/tools/execute_flow/limits/0/max"));
  CHECK_FALSE(s.Covers("policies/a.json", "loose-limit", "/tools/execute_flows"));
  CHECK_FALSE(s.Covers("policies/a.json", "loose-limit", "/tools"));
  CHECK_FALSE(s.Covers("policies/a.json", "duplicate-key", "/tools/execute_flow"));
  CHECK_FALSE(s.Covers("policies/team/a.json", "schema", "/tools/execute_flow"));
  CHECK_FALSE(s.Covers("", "schema", "/tools/execute_flow"));  // file outside the config's directory
  // Expiry: the expires day is the last day the suppression applies.
  CHECK(s.active("2025-06-30"));
  CHECK_FALSE(s.active("2025-07-01"));
  CHECK(s.expired("2026-01-01"));
  // No reason: never active, whatever the date.
  CHECK_FALSE(c.suppressions[1].has_reason());
  CHECK_FALSE(c.suppressions[1].active("2000-01-01"));
  CHECK(c.suppressions[1].Covers("a/b.json", "schema", ""));  // "" pointer: the whole file
}

TEST_CASE("config: IsIsoDate", "[config]") {
  CHECK(IsIsoDate("2024-02-29"));
  CHECK_FALSE(IsIsoDate("2023-02-29"));
  CHECK(IsIsoDate("2000-02-29"));
  CHECK_FALSE(IsIsoDate("1900-02-29"));
  CHECK_FALSE(IsIsoDate("2024-04-31"));
  CHECK_FALSE(IsIsoDate("2024-4-01"));
  CHECK_FALSE(IsIsoDate("2024-00-10"));
  CHECK_FALSE(IsIsoDate("today"));
  CHECK(IsIsoDate(LocalDate()));
}

TEST_CASE("baseline: keys ignore lines and columns", "[config]") {
  Diagnostic a;
  a.rule = "schema";
  a.path = "/repo/policies/a.json";
  a.pointer = "/comment";
  a.message = "unknown key \"comment\"";
  a.line = 3;
  Diagnostic moved = a;
  moved.line = 40;
  moved.column = 9;
  CHECK(BaselineKey(a, "/repo") == BaselineKey(moved, "/repo"));
  Diagnostic other = a;
  other.pointer = "/owner";
  CHECK(BaselineKey(a, "/repo") != BaselineKey(other, "/repo"));
  // Without a pointer the message is the key.
  Diagnostic parse = a;
  parse.rule = "invalid-json";
  parse.pointer = "";
  Diagnostic parse2 = parse;
  parse2.message = "expected ','";
  CHECK(BaselineKey(parse, "/repo") != BaselineKey(parse2, "/repo"));

  Baseline baseline;
  baseline.directory = "/repo";
  baseline.counts[BaselineKey(a, "/repo")] = 1;
  std::vector<Diagnostic> found = {moved, moved, other};
  CHECK(ApplyBaseline(baseline, found) == 1);  // the count is used up by the first
  CHECK(found.size() == 2);
  CHECK(FormatBaseline({a, a, parse}, "/repo") == R"({
  "version": 1,
  "findings": [
    {
      "path": "policies/a.json",
      "rule": "invalid-json",
      "message": "unknown key \"comment\"",
      "count": 1
    },
    {
      "path": "policies/a.json",
      "rule": "schema",
      "pointer": "/comment",
      "count": 2
    }
  ]
}
)");
}

}  // namespace
}  // namespace mcpolicy
