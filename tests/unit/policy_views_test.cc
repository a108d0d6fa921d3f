// The policy model as views into its document: spans survive moving the Policy, duplicate tool
// keys keep the last object, and Resolve merges names from every source in name order.
#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

#include "mcpolicy/classify.h"
#include "mcpolicy/json.h"
#include "mcpolicy/policy.h"

namespace mcpolicy {
namespace {

TEST_CASE("policy views: spans stay valid when the Policy moves", "[policy]") {
  json::Document doc = json::Document::Parse(R"({"default": "deny", "tools": {
    "b": {"limits": [{"counter": "b1", "window": "minute", "max": 1},
                     {"counter": "b2", "window": "hour", "max": 30}],
          "require": [{"path": "args.x", "op": "in", "value": ["p", "q"]}]},
    "a": {"deny_if": [{"path": "args.y", "op": "eq", "value": "z"}]}}})");
  std::vector<Policy> policies;
  policies.push_back(ReadPolicy(doc));
  policies.reserve(16);  // moves the Policy into new storage
  Policy moved = std::move(policies[0]);
  REQUIRE(moved.tools.size() == 2);
  const ToolRules* b = moved.FindTool("b");
  REQUIRE(b != nullptr);
  REQUIRE(b->limits.size() == 2);
  CHECK(b->limits[1].counter == "b2");
  CHECK(*b->limits[1].PerMinute() == 0.5);
  REQUIRE(b->require.size() == 1);
  REQUIRE(b->require[0].values.size() == 2);
  CHECK(b->require[0].values[1] == "q");
  CHECK(b->deny_if.empty());
  const ToolRules* a = moved.FindTool("a");
  REQUIRE(a != nullptr);
  REQUIRE(a->deny_if.size() == 1);
  CHECK(a->deny_if[0].op == "eq");
  REQUIRE(a->deny_if[0].values.size() == 1);
  CHECK(a->deny_if[0].values[0] == "z");
  CHECK(a->limits.empty());
}

TEST_CASE("policy views: duplicate tool keys keep the last object", "[policy]") {
  json::Document doc = json::Document::Parse(R"({"default": "deny", "tools": {
    "a": {"limits": [{"counter": "first", "window": "minute", "max": 1}]},
    "b": {},
    "a": {"limits": [{"counter": "second", "window": "minute", "max": 2}]},
    "c": {"limits": [{"counter": "c", "window": "day", "max": 3}]},
    "c": true}})");
  Policy p = ReadPolicy(doc);
  REQUIRE(p.tools.size() == 3);
  CHECK(p.tools[0].name == "b");
  CHECK(p.tools[1].name == "a");
  REQUIRE(p.tools[1].limits.size() == 1);
  CHECK(p.tools[1].limits[0].counter == "second");
  // A later value that is not an object is left out, so the object before it stays.
  CHECK(p.tools[2].name == "c");
  REQUIRE(p.tools[2].limits.size() == 1);
  CHECK(p.tools[2].limits[0].counter == "c");
}

TEST_CASE("policy views: Resolve lists every name once, in order, with its sources", "[policy]") {
  json::Document doc = json::Document::Parse(R"({"default": "allow",
    "hide": ["zeta", "alpha", "*", "alpha"],
    "tools": {"mid": {}, "alpha": {"limits": [{"counter": "a", "window": "minute", "max": 1}]},
              "beta": {}}})");
  Policy p = ReadPolicy(doc);
  Classifier classifier;
  Resolution r = Resolve(p, ServerChoice(), classifier);
  std::vector<std::string_view> names;
  for (const ResolvedTool& t : r.tools) names.push_back(t.name);
  CHECK(names == std::vector<std::string_view>{"alpha", "beta", "mid", "zeta"});
  const ResolvedTool* alpha = r.Find("alpha");
  REQUIRE(alpha != nullptr);
  REQUIRE(alpha->rules != nullptr);
  CHECK(alpha->has_limits);
  // The last hide entry naming it wins; "*" hides the rest.
  REQUIRE(alpha->hidden_by != nullptr);
  CHECK(doc.PointerOf(alpha->hidden_by->loc) == "/hide/3");
  CHECK(r.Find("beta")->hidden_by == &p.hide[2]);
  CHECK(r.Find("zeta")->rules == nullptr);
  CHECK(r.Find("zeta")->decision == Decision::kHidden);
  CHECK(r.Find("gamma") == nullptr);
  std::vector<std::string_view> policy_names = PolicyToolNames(p);
  CHECK(policy_names == std::vector<std::string_view>{"alpha", "beta", "mid", "zeta"});
}

}  // namespace
}  // namespace mcpolicy
