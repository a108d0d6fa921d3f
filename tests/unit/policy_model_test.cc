// The neutral policy model (ReadPolicy) and its resolution against a server (Resolve).
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "mcpolicy/catalog.h"
#include "mcpolicy/classify.h"
#include "mcpolicy/policy.h"

namespace mcpolicy {
namespace {

json::Document Parse(const std::string& text) { return json::Document::Parse(text); }

TEST_CASE("policy: ReadPolicy keeps positions and well-formed parts", "[policy]") {
  json::Document doc = Parse(R"({"version": "1", "default": "deny", "hide": ["a", "*"],
    "all_tools": {"limits": [{"counter": "all", "window": "hour", "max": 600}]},
    "tools": {"t": {"limits": [{"counter": "t_rate", "window": "minute", "max": 10, "scope": "grant"}],
                    "deny_if": [{"path": "args.action", "op": "in", "value": ["delete", 3]}]}}})");
  Policy p = ReadPolicy(doc);
  CHECK(p.default_action == DefaultAction::kDeny);
  CHECK(doc.PointerOf(p.default_loc) == "/default");
  REQUIRE(p.hide.size() == 2);
  CHECK(p.hides_all());
  CHECK(doc.PointerOf(p.hide_all_loc) == "/hide/1");
  CHECK(p.FindHidden("a") != nullptr);
  CHECK(p.FindHidden("*") == nullptr);
  REQUIRE(p.all_tools_limits.size() == 1);
  CHECK(*p.all_tools_limits[0].PerMinute() == 10);
  const ToolRules* t = p.FindTool("t");
  REQUIRE(t != nullptr);
  CHECK(t->well_formed);
  CHECK(doc.PointerOf(t->key_loc) == "/tools/t");
  REQUIRE(t->limits.size() == 1);
  CHECK(t->limits[0].counter == "t_rate");
  CHECK(doc.PointerOf(t->limits[0].max_loc) == "/tools/t/limits/0/max");
  REQUIRE(t->deny_if.size() == 1);
  const auto& values = t->deny_if[0].values;
  CHECK(std::vector<std::string_view>(values.begin(), values.end()) ==
        std::vector<std::string_view>{"delete"});
}

TEST_CASE("policy: ReadPolicy skips what is malformed", "[policy]") {
  struct Case {
    const char* text;
    DefaultAction default_action;
    size_t tools;
    bool well_formed;  // of the first tool, if any
  };
  const Case cases[] = {
      {"[]", DefaultAction::kUnset, 0, true},
      {"not json", DefaultAction::kUnset, 0, true},
      {R"({"default": ["deny"], "tools": {"a": true}})", DefaultAction::kUnset, 0, true},
      {R"({"default": "allow", "tools": {"a": {"action": "deny"}}})", DefaultAction::kAllow, 1, false},
      // A malformed limit is no limit, but the entry is still judged (its risk is reported beside
      // the schema finding about the limit).
      {R"({"default": "deny", "tools": {"a": {"limits": [7]}}})", DefaultAction::kDeny, 1, true},
      {R"({"default": "deny", "tools": {"a": {"limits": [{"counter": "c", "window": 60, "max": 1}]}}})",
       DefaultAction::kDeny, 1, true},
      {R"({"default": "deny", "tools": {"a": {"limits": [{"counter": "c", "window": "day", "max": 1e400}]}}})",
       DefaultAction::kDeny, 1, true},
      {R"({"default": "deny", "tools": {"a": {"deny_if": ["x"]}}})", DefaultAction::kDeny, 1, false},
      {R"({"default": "deny", "tools": {"a": {}, "a": {"limits": []}}})", DefaultAction::kDeny, 1, true},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    json::Document doc = Parse(c.text);
    Policy p = ReadPolicy(doc);
    CHECK(p.default_action == c.default_action);
    REQUIRE(p.tools.size() == c.tools);
    if (c.tools) CHECK(p.tools[0].well_formed == c.well_formed);
    if (c.tools) {
      for (const Limit& l : p.tools[0].limits) CHECK_FALSE(l.Enforced());
    }
  }
}

TEST_CASE("policy: tool names follow MCP's rules", "[policy]") {
  struct Case {
    std::string name;
    bool valid;
  };
  const Case cases[] = {{"execute_flow", true}, {"a.b-c_D9", true}, {"", false}, {"run shell", false},
                        {"*", false},           {"é", false},        {std::string(128, 'a'), true},
                        {std::string(129, 'a'), false}};
  for (const Case& c : cases) {
    INFO(c.name);
    CHECK(ValidToolName(c.name) == c.valid);
  }
}

TEST_CASE("policy: decisions follow the precedence", "[policy]") {
  static const Classifier classifier;
  struct Case {
    const char* text;
    const char* tool;
    Decision decision;
  };
  const Case cases[] = {
      {R"({"default": "deny", "hide": ["t"], "tools": {"t": {}}})", "t", Decision::kHidden},
      {R"({"default": "allow", "hide": ["*"], "tools": {"t": {}}})", "t", Decision::kHidden},
      {R"({"default": "deny", "hide": ["u"], "tools": {}})", "u", Decision::kHidden},
      {R"({"default": "deny", "tools": {"t": {}}})", "t", Decision::kUnlimited},
      {R"({"default": "deny", "tools": {"t": {"require": [{"path": "args.x", "op": "exists"}]}}})", "t",
       Decision::kConditioned},
      {R"({"default": "deny", "tools": {"t": {"limits": [{"counter": "c", "window": "minute", "max": 1}]}}})",
       "t", Decision::kLimited},
      {R"({"default": "deny", "all_tools": {"limits": [{"counter": "c", "window": "minute", "max": 1}]},
           "tools": {"t": {}}})", "t", Decision::kLimited},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    json::Document doc = Parse(c.text);
    Policy p = ReadPolicy(doc);
    Resolution r = Resolve(p, ServerChoice(), classifier);
    const ResolvedTool* t = r.Find(c.tool);
    REQUIRE(t != nullptr);
    CHECK(t->decision == c.decision);
    CHECK(!t->from_catalog);
  }
}

TEST_CASE("policy: a known server's tools are resolved from the catalog", "[policy]") {
  static const Classifier classifier;
  const Catalog& catalog = Catalog::Bundled();
  json::Document doc = Parse(R"({"default": "deny", "hide": ["delete_flow_logs"],
    "tools": {"execute_flow": {}, "list_executions": {}, "manage_executions": {}, "exceute_flow": {}}})");
  Policy p = ReadPolicy(doc);
  ServerChoice choice = InferServer(p, catalog);
  REQUIRE(choice.server != nullptr);
  CHECK(choice.server->id == "kestra-io/mcp-server-python");
  CHECK(choice.source == ServerChoice::Source::kInferred);
  CHECK(choice.Describe() == "kestra-io/mcp-server-python (inferred, 4 of 5 names)");
  Resolution r = Resolve(p, choice, classifier);
  struct Case {
    const char* tool;
    Category category;
    Decision decision;
    bool on_server;
  };
  const Case cases[] = {
      {"execute_flow", Category::kExecute, Decision::kUnlimited, true},
      {"list_executions", Category::kRead, Decision::kUnlimited, true},
      {"manage_executions", Category::kDestructive, Decision::kUnlimited, true},
      {"delete_flow_logs", Category::kDestructive, Decision::kHidden, true},
      {"delete_execution_logs", Category::kDestructive, Decision::kDeniedByDefault, true},
      {"exceute_flow", Category::kOther, Decision::kUnlimited, false},
  };
  for (const Case& c : cases) {
    INFO(c.tool);
    const ResolvedTool* t = r.Find(c.tool);
    REQUIRE(t != nullptr);
    CHECK(t->decision == c.decision);
    CHECK(t->on_server == c.on_server);
    if (c.on_server) CHECK(t->category == c.category);
    CHECK(t->from_catalog == c.on_server);
  }
  CHECK(r.tools.size() == choice.server->tools.size() + 1);
}

TEST_CASE("policy: weak overlaps are not taken as the server", "[policy]") {
  json::Document doc = Parse(R"({"default": "deny", "tools": {"execute_flow": {}, "my_own_tool": {}}})");
  ServerChoice choice = InferServer(ReadPolicy(doc), Catalog::Bundled());
  CHECK(choice.server == nullptr);
  CHECK(choice.Describe() == "none");
}

}  // namespace
}  // namespace mcpolicy
