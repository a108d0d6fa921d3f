// mcpolicy diff's comparison: each kind of change both ways, the changes that are not changes
// in risk, ordering and positions, and the JSON output against schemas/diff.schema.json.
#include "mcpolicy/diff.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "mcpolicy/embedded.h"
#include "mcpolicy/json.h"
#include "mcpolicy/schema.h"

namespace mcpolicy {
namespace {

constexpr const char* kKestra = "kestra-io/mcp-server-python";

// A policy with this default and these `tools` members; `extra` adds top-level members.
std::string Policy(const std::string& default_action, const std::string& tools,
                   const std::string& extra = "") {
  return R"({"version": "1", "default": ")" + default_action + "\"," + extra + R"( "tools": {)" +
         tools + "}}";
}

std::string Limit(const std::string& tool, int max, const std::string& window = "minute") {
  return R"({"limits": [{"counter": ")" + tool + R"(_rate", "window": ")" + window +
         R"(", "max": )" + std::to_string(max) + R"(, "scope": "grant"}]})";
}

DiffResult Run(const std::string& before, const std::string& after,
               const std::string& server = kKestra) {
  DiffOptions options;
  options.server = server;
  return DiffTexts("old.json", before, "new.json", after, options);
}

// "+lost-limit execute_flow high" per change, in report order.
std::vector<std::string> Changes(const std::string& before, const std::string& after,
                                 const std::string& server = kKestra) {
  DiffResult result = Run(before, after, server);
  INFO(result.errors.size());
  REQUIRE(result.errors.empty());
  std::vector<std::string> out;
  for (const DiffChange& c : result.changes) {
    std::string line(c.increase ? "+" : "-");
    line += ChangeKindName(c.kind);
    line += ' ';
    line += c.tool.empty() ? "-" : c.tool;
    line += ' ';
    line += RiskName(c.risk);
    out.push_back(std::move(line));
  }
  return out;
}

using List = std::vector<std::string>;

TEST_CASE("diff: each kind of change, and its mirror image", "[diff]") {
  struct Case {
    const char* name;
    std::string before, after;
    List forward;  // before -> after; after -> before must give the mirror image
  };
  const std::string deny_if_delete =
      R"("manage_executions": {"deny_if": [{"path": "args.action", "op": "in", "value": ["delete", "kill"]}]})";
  const Case cases[] = {
      {"reachable",
       Policy("deny", ""),
       Policy("deny", R"("execute_flow": {})"),
       {"+became-reachable execute_flow high"}},
      {"hide",
       Policy("deny", R"("execute_flow": {})", R"( "hide": ["delete_flow_logs"],)"),
       Policy("deny", R"("execute_flow": {}, "delete_flow_logs": {})"),
       {"+left-hide delete_flow_logs critical"}},
      {"limit",
       Policy("deny", R"("execute_flow": )" + Limit("execute_flow", 10)),
       Policy("deny", R"("execute_flow": {})"),
       {"+lost-limit execute_flow high"}},
      {"looser",
       Policy("deny", R"("invite_user": )" + Limit("invite_user", 10)),
       Policy("deny", R"("invite_user": )" + Limit("invite_user", 100)),
       {"+loosened-limit invite_user medium"}},
      {"hour to minute",
       Policy("deny", R"("execute_flow": )" + Limit("execute_flow", 10, "hour")),
       Policy("deny", R"("execute_flow": )" + Limit("execute_flow", 10, "minute")),
       {"+loosened-limit execute_flow high"}},
      {"operation guard",
       Policy("deny", deny_if_delete),
       Policy("deny", R"("manage_executions": {})"),
       {"+lost-guard manage_executions critical"}},
      {"condition",
       Policy(
           "deny",
           R"("execute_flow": {"require": [{"path": "args.namespace", "op": "eq", "value": "dev"}]})"),
       Policy("deny", R"("execute_flow": {})"),
       {"+lost-guard execute_flow high"}},
      {"default",
       Policy("deny", R"("execute_flow": {})"),
       Policy("allow", R"("execute_flow": {})"),
       {"+default-allow - critical"}},
      {"all_tools",
       Policy(
           "allow", "",
           R"( "all_tools": {"limits": [{"counter": "all", "window": "minute", "max": 60, "scope": "grant"}]},)"),
       Policy("allow", ""),
       {"+lost-all-tools-limit - critical"}},
      {"all_tools looser",
       Policy(
           "deny", R"("execute_flow": {})",
           R"( "all_tools": {"limits": [{"counter": "all", "window": "hour", "max": 60, "scope": "grant"}]},)"),
       Policy(
           "deny", R"("execute_flow": {})",
           R"( "all_tools": {"limits": [{"counter": "all", "window": "minute", "max": 60, "scope": "grant"}]},)"),
       {"+loosened-all-tools-limit - high"}},
  };
  auto mirror = [](const std::string& s) {
    static const std::pair<const char*, const char*> kPairs[] = {
        {"became-reachable", "became-unreachable"},
        {"left-hide", "hidden"},
        {"lost-limit", "gained-limit"},
        {"loosened-limit", "tightened-limit"},
        {"lost-guard", "gained-guard"},
        {"default-allow", "default-deny"},
        {"lost-all-tools-limit", "gained-all-tools-limit"},
        {"loosened-all-tools-limit", "tightened-all-tools-limit"}};
    std::string kind = s.substr(1, s.find(' ') - 1);
    for (const auto& [a, b] : kPairs) {
      if (kind != a) continue;
      std::string out("-");
      out += b;
      out += s.substr(s.find(' '));
      return out;
    }
    return s;
  };
  for (const Case& c : cases) {
    SECTION(c.name) {
      CHECK(Changes(c.before, c.after) == c.forward);
      List backward;
      for (const std::string& s : c.forward) backward.push_back(mirror(s));
      CHECK(Changes(c.after, c.before) == backward);
    }
  }
}

TEST_CASE("diff: what is not a change in risk", "[diff]") {
  std::string policy = Policy(
      "deny",
      R"("execute_flow": )" + Limit("execute_flow", 10) +
          R"(, "manage_executions": {"deny_if": [{"path": "args.action", "op": "eq", "value": "delete"}]})",
      R"( "hide": ["delete_flow_logs"],)");
  CHECK(Changes(policy, policy).empty());
  // Reformatted and reordered, with the condition's keys moved about.
  std::string reformatted =
      "{\n  \"tools\": {\n    \"manage_executions\": {\"deny_if\": [{\"value\": \"delete\", "
      "\"op\": \"eq\", \"path\": \"args.action\"}]},\n"
      "    \"execute_flow\": " +
      Limit("execute_flow", 10) +
      "\n  },\n  \"hide\": [\"delete_flow_logs\"], \"default\": \"deny\", \"version\": \"1\"\n}\n";
  CHECK(Changes(policy, reformatted).empty());
  // Hidden -> denied by default: no call gets through either way.
  CHECK(Changes(Policy("deny", "", R"( "hide": ["execute_flow"],)"), Policy("deny", "")).empty());
  // Listed {} under default allow is the same as unlisted.
  CHECK(Changes(Policy("allow", R"("search_flows": {})"), Policy("allow", "")).empty());
  // Same rate written differently.
  CHECK(Changes(Policy("deny", R"("execute_flow": )" + Limit("execute_flow", 60, "hour")),
                Policy("deny", R"("execute_flow": )" + Limit("execute_flow", 1440, "day")))
            .empty());
  // A name the server does not have cannot be called.
  CHECK(Changes(Policy("deny", ""), Policy("deny", R"("exceute_flow": {})")).empty());
  // The same operations stopped with a different condition.
  CHECK(
      Changes(
          Policy(
              "deny",
              R"("manage_executions": {"deny_if": [{"path": "args.action", "op": "in", "value": ["delete"]}]})"),
          Policy(
              "deny",
              R"("manage_executions": {"deny_if": [{"path": "args.action", "op": "eq", "value": "delete"}]})"))
          .empty());
}

TEST_CASE("diff: a changed numeric condition is one guard lost and one gained", "[diff]") {
  auto with = [](int max) {
    return Policy("deny",
                  R"("execute_flow": {"deny_if": [{"path": "args.count", "op": "gt", "value": )" +
                      std::to_string(max) + "}]}");
  };
  DiffResult r = Run(with(10), with(100));
  REQUIRE(r.changes.size() == 2);
  CHECK(r.changes[0].increase);
  CHECK(r.changes[0].message == "condition removed: deny_if args.count gt 10");
  CHECK_FALSE(r.changes[1].increase);
  CHECK(r.changes[1].message == "condition added: deny_if args.count gt 100");
  CHECK(r.increased());
}

TEST_CASE("diff: messages, positions and order", "[diff]") {
  std::string before =
      Policy("deny", R"("execute_flow": )" + Limit("execute_flow", 10) + R"(, "search_flows": {})");
  std::string after =
      "{\"version\": \"1\", \"default\": \"deny\",\n \"tools\": {\n  \"execute_flow\": {},\n"
      "  \"invite_user\": {},\n  \"search_flows\": " +
      Limit("search_flows", 5) + "}}";
  DiffResult r = Run(before, after);
  REQUIRE(r.changes.size() == 3);
  const DiffChange& first = r.changes[0];
  CHECK(first.tool == "execute_flow");
  CHECK(first.kind == ChangeKind::kLostLimit);
  CHECK(first.category == Category::kExecute);
  CHECK(first.message == "allowed with no limit, was limited to 10/minute");
  CHECK(first.new_position.line == 3);
  CHECK(first.new_position.column == 3);
  CHECK(first.new_position.pointer == "/tools/execute_flow");
  CHECK(first.old_position.pointer == "/tools/execute_flow/limits/0");
  CHECK(r.changes[1].tool == "invite_user");  // increases first, higher risk first
  CHECK(r.changes[1].message == "allowed with no limit, was denied by default");
  CHECK_FALSE(r.changes[2].increase);
  CHECK(r.changes[2].tool == "search_flows");
  CHECK(r.server == "kestra-io/mcp-server-python (--server)");
}

TEST_CASE("diff: a default flip names the tools it reaches, by category", "[diff]") {
  std::string listed = R"("execute_flow": {}, "search_flows": {})";
  DiffResult known = Run(Policy("deny", listed), Policy("allow", listed));
  REQUIRE(known.changes.size() == 1);
  CHECK(known.changes[0].new_position.pointer == "/default");
  CHECK(known.changes[0].message.find(
            "37 tools of kestra-io/mcp-server-python became reachable -- destructive (") !=
        std::string::npos);
  CHECK(known.changes[0].message.find("execute_flow") == std::string::npos);
  // No server: nothing says what the server has, so the worst is assumed.
  DiffResult unknown =
      Run(Policy("deny", R"("zz_frobnicate": {})"), Policy("allow", R"("zz_frobnicate": {})"), "");
  REQUIRE(unknown.changes.size() == 1);
  CHECK(unknown.server == "none");
  CHECK(unknown.changes[0].risk == Risk::kCritical);
  CHECK_FALSE(unknown.changes[0].category.has_value());
}

TEST_CASE("diff: inputs that cannot be compared", "[diff]") {
  DiffResult r = Run("{\"version\": \"1\",\n \"default\": }", "[1]");
  REQUIRE(r.errors.size() == 2);
  CHECK(r.errors[0].rfind("old.json:2:13: invalid JSON: ", 0) == 0);
  CHECK(r.errors[1] == "new.json:1:1: not a policy: the top level is array, not an object");
  DiffResult bad_server = Run(Policy("deny", ""), Policy("deny", ""), "no-such-server");
  REQUIRE(bad_server.errors.size() == 1);
  CHECK(bad_server.errors[0].find("unknown server \"no-such-server\"") != std::string::npos);
  CHECK(DiffInputs("-", "-", DiffOptions()).errors.size() == 1);
}

TEST_CASE("diff: JSON output matches schemas/diff.schema.json", "[diff]") {
  SchemaCompileResult compiled = Schema::Compile(
      json::Document::Parse(std::string(embedded::Find("schemas/diff.schema.json"))));
  REQUIRE(compiled.ok());
  // Every kind of change at once, with and without categories and positions.
  std::string before = Policy(
      "deny",
      R"("execute_flow": )" + Limit("execute_flow", 10) +
          R"(, "manage_executions": {"deny_if": [{"path": "args.action", "op": "eq", "value": "delete"}]})",
      R"( "hide": ["delete_flow_logs"],)");
  std::string after = Policy(
      "allow", R"("delete_flow_logs": {}, "search_flows": )" + Limit("search_flows", 5),
      R"( "all_tools": {"limits": [{"counter": "all", "window": "minute", "max": 60, "scope": "grant"}]},)");
  for (const std::string& server : {std::string(kKestra), std::string()}) {
    DiffResult r = Run(before, after, server);
    REQUIRE(r.errors.empty());
    REQUIRE(r.changes.size() >= 4);
    json::Document doc = json::Document::Parse(FormatDiff(r, DiffFormat::kJson, true, "test"));
    REQUIRE(doc.ok());
    std::string problems;
    for (const SchemaError& e : compiled.schema->Validate(doc.root()))
      problems += e.pointer + ": " + e.message + "\n";
    CHECK(problems == "");
    CHECK(doc.root().Find("summary").Find("risk_increased").as_bool());
  }
  // The same changes reported at an Intercept YAML file: YAML positions and subjects.
  const std::string yaml_after = R"(version: "1"
default: allow
tools:
  delete_flow_logs:
    rules: []
  search_flows:
    rules: [ { name: "rate", rate_limit: 5/minute } ]
  "*":
    rules: [ { name: "global", rate_limit: 60/minute } ]
)";
  DiffOptions options;
  options.server = kKestra;
  DiffResult r = DiffTexts("old.json", before, "new.yaml", yaml_after, options);
  REQUIRE(r.errors.empty());
  REQUIRE(r.changes.size() >= 4);
  json::Document doc = json::Document::Parse(FormatDiff(r, DiffFormat::kJson, true, "test"));
  REQUIRE(doc.ok());
  std::string problems;
  for (const SchemaError& e : compiled.schema->Validate(doc.root()))
    problems += e.pointer + ": " + e.message + "\n";
  CHECK(problems == "");
  CHECK(r.changes.front().subject == "default:");
  // The schema is not vacuous: an unknown kind is rejected.
  json::Document broken = json::Document::Parse(
      R"({"version": 1, "tool": {"name": "mcpolicy", "version": "x"}, "old": {"path": "a"}, "new": {"path": "b"},
          "server": "none", "summary": {"increases": 1, "decreases": 0, "risk_increased": true},
          "changes": [{"tool": "t", "subject": "t", "kind": "got-worse", "direction": "increase", "category": null,
                       "risk": "low", "old": {"pointer": ""}, "new": {"pointer": ""}, "message": "m"}]})");
  REQUIRE(broken.ok());
  CHECK_FALSE(compiled.schema->IsValid(broken.root()));
}

// A policy in a temporary file, removed at the end of the test.
struct TempPolicy {
  std::string path;
  explicit TempPolicy(const std::string& text)
      : path((std::filesystem::temp_directory_path() /
              ("mcpolicy-diff-" + std::to_string(::getpid()) + "-" +
               std::to_string(reinterpret_cast<uintptr_t>(this)) + ".json"))
                 .string()) {
    std::ofstream(path) << text;
  }
  ~TempPolicy() { std::filesystem::remove(path); }
};

TEST_CASE("diff: an absent side is an empty policy, one direction only", "[diff]") {
  TempPolicy policy(Policy("deny", R"("execute_flow": {}, "list_executions": {})",
                           R"( "all_tools": {"limits": [{"counter": "all", "window": "minute", "max": 60, "scope": "grant"}]},)"));
  DiffOptions options;
  options.server = kKestra;
  options.no_config = true;
  DiffResult added = DiffInputs("/dev/null", policy.path, options);
  REQUIRE(added.errors.empty());
  CHECK(added.old_absent);
  CHECK(added.status() == "added");
  REQUIRE(added.changes.size() == 2);  // no "gained all_tools limit": nothing was reachable
  for (const DiffChange& c : added.changes) {
    CHECK(c.increase);
    CHECK(c.kind == ChangeKind::kBecameReachable);
    CHECK(c.old_position.line == 0);
    CHECK(c.new_position.line > 0);
  }
  DiffResult removed = DiffInputs(policy.path, "/dev/null", options);
  REQUIRE(removed.errors.empty());
  CHECK(removed.status() == "removed");
  CHECK(removed.path() == policy.path);
  CHECK_FALSE(removed.increased());  // no "lost all_tools limit": nothing is reachable now
  for (const DiffChange& c : removed.changes) CHECK(c.new_position.line == 0);

  std::string missing = policy.path + ".missing";
  CHECK(DiffInputs(missing, policy.path, options).errors.size() == 1);  // without --new-file
  options.new_file = true;
  CHECK(DiffInputs(missing, policy.path, options).old_absent);
  CHECK(DiffInputs("/dev/null", "/dev/null", options).errors.size() == 1);
}

TEST_CASE("diff: a --git set's JSON matches schemas/diff.schema.json", "[diff]") {
  SchemaCompileResult compiled = Schema::Compile(
      json::Document::Parse(std::string(embedded::Find("schemas/diff.schema.json"))));
  REQUIRE(compiled.ok());
  TempPolicy policy(Policy("deny", R"("execute_flow": {})"));
  DiffOptions options;
  options.server = kKestra;
  options.no_config = true;
  DiffSet set;
  set.base = "origin/main";
  set.files.push_back(DiffInputs("/dev/null", policy.path, options));
  set.files.push_back(Run(Policy("deny", ""), Policy("allow", "")));
  set.skipped.push_back("package.json: not a policy");
  REQUIRE(set.increased());
  json::Document doc = json::Document::Parse(FormatDiffSet(set, DiffFormat::kJson, true, "test"));
  REQUIRE(doc.ok());
  std::string problems;
  for (const SchemaError& e : compiled.schema->Validate(doc.root()))
    problems += e.pointer + ": " + e.message + "\n";
  CHECK(problems == "");
  CHECK(doc.root().Find("files").size() == 2);
  CHECK(doc.root().Find("summary").Find("policies").as_number() == 2);
  std::string text = FormatDiffSet(set, DiffFormat::kText, true, "test");
  CHECK(text.find(": added: risk increased: 1 increase;") != std::string::npos);
  CHECK(text.find("risk increased in 2 of 2 changed policies since origin/main (1 added, 1 renamed)") !=
        std::string::npos);
}

}  // namespace
}  // namespace mcpolicy

namespace mcpolicy {
namespace {

// Intercept YAML on either side: the dialect comes from the name (as lint chooses it), and the
// judgement from the neutral model, so Intercept's own semantics hold.
std::vector<std::string> Across(const std::string& old_name, const std::string& before,
                                const std::string& new_name, const std::string& after,
                                const std::string& server = kKestra) {
  DiffOptions options;
  options.server = server;
  DiffResult result = DiffTexts(old_name, before, new_name, after, options);
  for (const std::string& e : result.errors) INFO(e);
  REQUIRE(result.errors.empty());
  std::vector<std::string> out;
  for (const DiffChange& c : result.changes) {
    out.push_back(std::string(c.increase ? "+" : "-") + std::string(ChangeKindName(c.kind)) + " " +
                  (c.tool.empty() ? "-" : c.tool) + " " + std::string(RiskName(c.risk)));
  }
  return out;
}

TEST_CASE("diff: Intercept YAML against hosted JSON, both ways", "[diff][intercept]") {
  const std::string yaml_limited = R"(version: "1"
default: deny
tools:
  execute_flow:
    rules:
      - name: "rate"
        rate_limit: 10/minute
)";
  const std::string json_limited =
      Policy("deny", R"("execute_flow": )" + Limit("execute_flow", 10));
  CHECK(Across("old.json", json_limited, "new.yaml", yaml_limited).empty());
  CHECK(Across("old.yaml", yaml_limited, "new.json", json_limited).empty());
  CHECK(Across("old.yaml", yaml_limited, "new.json", Policy("deny", R"("execute_flow": {})")) ==
        List{"+lost-limit execute_flow high"});
  CHECK(Across("old.json", Policy("deny", R"("execute_flow": )" + Limit("execute_flow", 1)),
               "new.yml", yaml_limited) == List{"+loosened-limit execute_flow high"});
}

TEST_CASE("diff: an omitted Intercept default allows", "[diff][intercept]") {
  const std::string omitted = "version: \"1\"\ntools:\n  execute_flow:\n    rules: []\n";
  CHECK(Across("old.json", Policy("allow", R"("execute_flow": {})"), "new.yaml", omitted).empty());
  CHECK(Across("old.json", Policy("deny", R"("execute_flow": {})"), "new.yaml", omitted) ==
        List{"+default-allow - critical"});
  DiffOptions options;
  options.server = kKestra;
  DiffResult result =
      DiffTexts("old.json", Policy("deny", R"("execute_flow": {})"), "new.yaml", omitted, options);
  REQUIRE(result.changes.size() == 1);
  CHECK(result.changes[0].subject == "default:");
  CHECK(result.changes[0].new_position.line == 1);
  CHECK(result.changes[0].message.find("default: is left out") != std::string::npos);
}

TEST_CASE("diff: Intercept's \"*\" rate limit limits every tool", "[diff][intercept]") {
  const std::string wildcard = R"(version: "1"
default: allow
tools:
  "*":
    rules: [ { name: "global", rate_limit: 60/minute } ]
)";
  const std::string all_tools = Policy(
      "allow", "",
      R"( "all_tools": {"limits": [{"counter": "all", "window": "minute", "max": 60, "scope": "grant"}]},)");
  CHECK(Across("old.json", all_tools, "new.yaml", wildcard).empty());
  CHECK(Across("old.yaml", wildcard, "new.json", Policy("allow", "")) ==
        List{"+lost-all-tools-limit - critical"});
  DiffOptions options;
  options.server = kKestra;
  DiffResult result = DiffTexts("old.json", Policy("allow", ""), "new.yaml", wildcard, options);
  REQUIRE(result.changes.size() == 1);
  CHECK(result.changes[0].subject == "\"*\" rules");
  CHECK(result.changes[0].new_position.line == 5);
  CHECK(result.changes[0].new_position.pointer == "/tools/*/rules/0/rate_limit");
}

TEST_CASE("diff: require_approval guards, spend caps limit", "[diff][intercept]") {
  const std::string approval = R"(version: "1"
default: deny
tools:
  delete_flow_logs:
    rules: [ { name: "a person approves", action: require_approval } ]
)";
  CHECK(Across("old.yaml", approval, "new.json", Policy("deny", R"("delete_flow_logs": {})")) ==
        List{"+lost-guard delete_flow_logs critical"});
  CHECK(Across("old.json", Policy("deny", R"("delete_flow_logs": {})"), "new.yaml", approval) ==
        List{"-gained-guard delete_flow_logs critical"});
  // A multiplexer's destructive operation is stopped by approval as by a condition.
  const std::string approved_multiplexer = R"(version: "1"
default: deny
tools:
  manage_executions:
    rules: [ { name: "a person approves", action: require_approval } ]
)";
  CHECK(Across("old.yaml", approved_multiplexer, "new.json",
               Policy("deny", R"("manage_executions": {})")) ==
        List{"+lost-guard manage_executions critical"});

  const std::string capped = R"(version: "1"
default: deny
tools:
  create_refund:
    rules:
      - name: "daily refund cap"
        conditions: [ { path: "state.create_refund.daily_total", op: "lt", value: 50000 } ]
        state: { counter: "daily_total", window: "day", increment_from: "args.amount" }
)";
  const char* kStripe = "stripe/agent-toolkit";
  CHECK(Across("old.yaml", capped, "new.json", Policy("deny", R"("create_refund": {})"), kStripe) ==
        List{"+lost-limit create_refund critical"});
  CHECK(Across("old.json", Policy("deny", R"("create_refund": {})"), "new.yaml", capped, kStripe) ==
        List{"-gained-limit create_refund critical"});
  CHECK(Across("old.yaml", capped, "new.yaml", capped, kStripe).empty());
}

TEST_CASE("diff: conditions match across dialects by value", "[diff][intercept]") {
  const std::string json = Policy(
      "deny", R"("execute_flow": {"require": [{"path": "args.namespace", "op": "in", "value": ["dev", "test"]}, {"path": "args.retries", "op": "lte", "value": 3}]})");
  const std::string yaml = R"(version: "1"
default: deny
tools:
  execute_flow:
    rules:
      - name: "dev only"
        conditions:
          - { path: args.namespace, op: in, value: [dev, test] }
          - { path: args.retries, op: lte, value: 3.0 }
)";
  CHECK(Across("old.json", json, "new.yaml", yaml).empty());
  // A string "3" is not the number 3: Intercept compares them differently.
  std::string quoted = yaml;
  quoted.replace(quoted.find("3.0"), 3, "\"3\"");
  CHECK(Across("old.json", json, "new.yaml", quoted) ==
        List{"+lost-guard execute_flow high", "-gained-guard execute_flow high"});
}

TEST_CASE("diff: a YAML side that does not parse is one error with its position",
          "[diff][intercept]") {
  DiffOptions options;
  options.server = kKestra;
  DiffResult result = DiffTexts("old.json", Policy("deny", ""), "new.yaml",
                                "version: \"1\"\ntools: [\n", options);
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].rfind("new.yaml:3:1: invalid YAML: ", 0) == 0);
  result = DiffTexts("old.json", Policy("deny", ""), "new.yaml", "- a\n- b\n", options);
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0] == "new.yaml:1:1: not a policy: the top level is a list, not a mapping");
}

}  // namespace
}  // namespace mcpolicy
