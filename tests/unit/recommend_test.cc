// mcpolicy recommend: every catalog server in every tier lints clean; the multiplexer rules; the
// heuristic's multiplexer reading; the policy layout.
#include "mcpolicy/recommend.h"

#include <catch2/catch.hpp>
#include <unistd.h>
#include <fstream>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "mcpolicy/catalog.h"
#include "mcpolicy/config.h"
#include "mcpolicy/lint.h"
#include "mcpolicy/rules.h"
#include "recommend/decide.h"

namespace mcpolicy {
namespace {

constexpr Tier kTiers[] = {Tier::kStrict, Tier::kRecommended, Tier::kPermissive};

TEST_CASE("every catalog server's policy in every tier lints with nothing at warning or above") {
  size_t checked = 0;
  for (const CatalogServer& server : Catalog::Bundled().servers()) {
    for (Tier tier : kTiers) {
      RecommendRequest request;
      request.server = server.id;
      request.tier = tier;
      request.no_config = true;
      RecommendOutput output = RunRecommend(request);
      INFO(server.id << " " << TierName(tier));
      REQUIRE(output.exit_code == 0);
      REQUIRE(output.tools.size() == server.tools.size());
      LintOptions options;
      options.server = server.id;
      options.no_config = true;
      for (const Diagnostic& d : LintText("policy.json", output.policy, options)) {
        INFO(d.line << ":" << d.column << " [" << d.rule << "] " << d.message);
        CHECK(d.severity < Severity::kWarning);
      }
      ++checked;
    }
  }
  CHECK(checked == 3 * Catalog::Bundled().servers().size());
  CHECK(checked >= 3 * 70);
}

TEST_CASE("kestra: the done-when decisions") {
  RecommendRequest request;
  request.server = "kestra-io/mcp-server-python";
  request.no_config = true;
  RecommendOutput output = RunRecommend(request);
  REQUIRE(output.exit_code == 0);
  auto find = [&](std::string_view name) -> const ToolDecision& {
    for (const ToolDecision& d : output.tools) {
      if (d.name == name) return d;
    }
    FAIL("no decision for " << name);
    return output.tools.front();
  };
  CHECK(find("list_executions").Rule() == "{}");
  CHECK(find("execute_flow").Rule() == "limit 10/minute");
  CHECK(find("delete_execution_logs").Rule() == "hide");
  CHECK(find("manage_executions").Rule() == "deny_if action in [delete]; limit 10/minute");
  CHECK(find("manage_invitations").Rule() == "deny_if action in [delete]");
  CHECK(
      output.policy.find("{\"path\": \"args.action\", \"op\": \"in\", \"value\": [\"delete\"]}") !=
      std::string::npos);
}

TEST_CASE("a multiplexer's rule follows its operations' treatments") {
  using recommend::Operations;
  struct Row {
    Operations operations;
    Tier tier;
    std::string rule;
  };
  const Row rows[] = {
      {{{"get", Category::kRead}, {"delete", Category::kDestructive}},
       Tier::kRecommended,
       "deny_if op in [delete]"},
      {{{"run", Category::kExecute},
        {"set", Category::kWrite},
        {"drop", Category::kDestructive},
        {"pay", Category::kFinancial}},
       Tier::kRecommended,
       "deny_if op in [drop, pay]; limit 10/minute"},
      {{{"run", Category::kExecute}, {"get", Category::kRead}, {"drop", Category::kDestructive}},
       Tier::kStrict,
       "deny_if op in [run, drop]"},
      {{{"run", Category::kExecute}, {"drop", Category::kDestructive}}, Tier::kStrict, "hide"},
      {{{"run", Category::kExecute}, {"set", Category::kWrite}},
       Tier::kPermissive,
       "limit 600/hour"},
      {{{"note", Category::kOther}, {"get", Category::kRead}},
       Tier::kRecommended,
       "limit 60/minute"},
  };
  for (const Row& row : rows) {
    ToolDecision d;
    recommend::DecideMultiplexer("op", row.operations, row.tier, {}, d);
    CHECK(d.Rule() == row.rule);
    CHECK(d.hidden == (row.rule == "hide"));
  }
}

TEST_CASE("overrides replace a tier's row, for multiplexer operations too") {
  TreatmentOverrides overrides;
  overrides[static_cast<size_t>(Category::kDestructive)] = ParseTreatment("5/hour");
  overrides[static_cast<size_t>(Category::kWrite)] = ParseTreatment("hide");
  ToolDecision d;
  recommend::DecideMultiplexer("action",
                               {{"set", Category::kWrite}, {"delete", Category::kDestructive}},
                               Tier::kRecommended, overrides, d);
  CHECK(d.Rule() == "deny_if action in [set]; limit 5/hour");
}

ToolInfo Tool(std::string_view name, std::string_view description, std::string_view selector,
              std::vector<std::string_view> values) {
  ToolInfo tool;
  tool.name = name;
  tool.description = description;
  tool.properties = {selector, "id"};
  tool.enums.push_back({selector, std::move(values)});
  return tool;
}

TEST_CASE("the heuristic reads an operation enum as a multiplexer") {
  recommend::HeuristicDecider decider;
  REQUIRE(decider.ok());
  ToolDecision d = decider.Decide(
      Tool("manage_webhooks", "Reads or deletes webhooks.", "operation", {"get", "list", "delete"}),
      Tier::kRecommended, {});
  CHECK(d.Rule() == "deny_if operation in [delete]");
  CHECK_FALSE(d.from_catalog);

  d = decider.Decide(Tool("records", "", "action", {"list", "create", "remove"}),
                     Tier::kRecommended, {});
  CHECK(d.Rule() == "deny_if action in [remove]; limit 30/minute");

  // Not a selector property: judged as a whole.
  CHECK_FALSE(decider.OperationsOf(Tool("t", "", "colour", {"get", "delete"})).has_value());
  // A value naming no operation: judged as a whole.
  CHECK_FALSE(decider.OperationsOf(Tool("t", "", "action", {"get", "frobnicate"})).has_value());
  // One value is not a choice.
  CHECK_FALSE(decider.OperationsOf(Tool("t", "", "action", {"delete"})).has_value());
}

TEST_CASE("heuristic tools: destructive and financial hidden in every tier") {
  recommend::HeuristicDecider decider;
  for (Tier tier : kTiers) {
    for (std::string_view name : {"delete_customer", "transfer_funds", "create_refund"}) {
      INFO(name << " " << TierName(tier));
      ToolInfo tool;
      tool.name = name;
      CHECK(decider.Decide(tool, tier, {}).hidden);
    }
  }
}

TEST_CASE("FormatPolicy: layout, escaping, empty parts") {
  CHECK(FormatPolicy({}) ==
        "{\n  \"version\": \"1\",\n  \"default\": \"deny\",\n  \"tools\": {}\n}\n");
  ToolDecision hidden, read;
  hidden.name = "b\"x";
  hidden.hidden = true;
  hidden.limit = *ParseTreatment("hide");
  read.name = std::string(1, 'a');
  read.limit = *ParseTreatment("allow");
  CHECK(FormatPolicy({hidden, read}) ==
        "{\n  \"version\": \"1\",\n  \"default\": \"deny\",\n  \"hide\": [\n    \"b\\\"x\"\n  ],\n"
        "  \"tools\": {\n    \"a\": {}\n  }\n}\n");
}

TEST_CASE("RunRecommend: failures are values") {
  RecommendRequest request;
  request.no_config = true;
  CHECK(RunRecommend(request).exit_code == 2);
  request.server = "kestra-io/mcp-server-pythn";
  RecommendOutput output = RunRecommend(request);
  CHECK(output.exit_code == 2);
  REQUIRE(output.errors.size() == 1);
  CHECK(output.errors[0].find("did you mean \"kestra-io/mcp-server-python\"") != std::string::npos);
}

TEST_CASE("the configuration's recommend section is read and checked") {
  ConfigResult ok =
      ParseConfig(".mcpolicy.json", "/",
                  R"({"recommend": {"tier": "strict", "write": "5/hour", "read": "allow"}})",
                  AllRuleNames());
  REQUIRE(ok.ok());
  CHECK(ok.config->recommend.tier == "strict");
  CHECK(ok.config->recommend.treatments ==
        std::map<std::string, std::string>{{"read", "allow"}, {"write", "5/hour"}});

  ConfigResult bad =
      ParseConfig(".mcpolicy.json", "/", "{\"recommend\": {\"execute\": \"0/minute\"}}",
                  AllRuleNames());
  REQUIRE(bad.errors.size() == 1);
  CHECK(bad.errors[0] ==
        ".mcpolicy.json:1:27: recommend.execute: \"0/minute\" is not a treatment; the number of "
        "calls "
        "must be 1 to 1000000000");
  CHECK_FALSE(
      ParseConfig(".mcpolicy.json", "/", R"({"recommend": {"tier": "lax"}})", AllRuleNames()).ok());
  CHECK_FALSE(ParseConfig(".mcpolicy.json", "/", R"({"recommend": {"write": "30/second"}})",
                          AllRuleNames())
                  .ok());
}

TEST_CASE("RunRecommend: limits never exceed the configuration's ceilings") {
  // A ceiling below one call a minute moves the limit to a longer window; one below one call a
  // day leaves only hide.
  std::filesystem::path dir = std::filesystem::temp_directory_path() /
                              ("mcpolicy-recommend-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::string config = (dir / "config.json").string();
  std::ofstream(config) << R"({"thresholds": {"execute_per_minute": 0.5, "write_per_minute": 0.0001,
                                "read_per_minute": 2}})";
  RecommendRequest request;
  request.server = "kestra-io/mcp-server-python";
  request.config_file = config;
  request.overrides[static_cast<size_t>(Category::kRead)] = ParseTreatment("10/minute");
  RecommendOutput output = RunRecommend(request);
  std::filesystem::remove_all(dir);
  REQUIRE(output.exit_code == 0);
  std::map<std::string, std::string> rules;
  for (const ToolDecision& d : output.tools) rules[d.name] = d.Rule();
  CHECK(rules["execute_flow"] == "limit 30/hour");
  CHECK(rules["add_execution_labels"] == "hide");
  CHECK(rules["list_executions"] == "limit 2/minute");
  REQUIRE(output.warnings.size() == 1);  // only the flag set on purpose is warned about
  CHECK(output.warnings[0].rfind("--read 10/minute is above the ceiling of 2 calls per minute", 0) == 0);
}

}  // namespace
}  // namespace mcpolicy
