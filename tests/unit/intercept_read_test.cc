// Every Intercept check, one case that fires and one that stays silent; the plain-data policy.
#include <catch2/catch.hpp>
#include <string>

#include "intercept/read.h"

namespace mcpolicy::intercept {
namespace {

// A valid policy for one tool; each case swaps in the rules of that tool (indented 6 spaces).
std::string Policy(const std::string& rules, const std::string& top = "") {
  return "version: \"1\"\ndefault: deny\n" + top + "tools:\n  create_issue:\n    rules:\n" + rules;
}

struct Case {
  const char* name;
  std::string firing;
  const char* rule;
  uint32_t line, column;
  const char* message;  // a part of the message
  std::string silent;   // the same mistake fixed: no finding at all
};

std::string Dump(const ReadResult& r) {
  std::string out;
  for (const Diagnostic& d : r.diagnostics) {
    out += std::to_string(d.line) + ":" + std::to_string(d.column) + " [" + d.rule + "] " + d.message + "\n";
  }
  return out;
}

TEST_CASE("intercept: each check fires once and stays silent when fixed", "[intercept]") {
  const std::string ok_rule = "      - name: limit\n        rate_limit: 5/hour\n";
  const Case cases[] = {
      {"invalid YAML", "version: \"1\"\ntools: [\n", "invalid-yaml", 3, 1, "the list opened at line 2, column 8",
       Policy(ok_rule)},
      {"duplicate key", Policy(ok_rule) + "default: allow\n", "duplicate-key", 8, 1,
       "duplicate key \"default\" (first at line 2, column 1)", Policy(ok_rule)},
      {"version", "version: \"2\"\ntools: {}\n", "schema", 1, 10, "version: must be \"1\", found the string \"2\"",
       "version: 1\ntools: {}\n"},
      {"missing version", "tools: {}\nhide: [a]\n", "schema", 1, 1, "missing version: \"1\"",
       "version: \"1\"\ntools: {}\nhide: [a]\n"},
      {"default", "version: \"1\"\ndefault: denny\n", "schema", 2, 10, "did you mean deny?",
       "version: \"1\"\ndefault: deny\n"},
      {"hide not a list", "version: \"1\"\nhide: a_tool\n", "schema", 2, 7, "hide: must be a list of tool names",
       "version: \"1\"\nhide: [a_tool]\n"},
      {"hide entry a mapping", "version: \"1\"\nhide: [{a: 1}]\n", "schema", 2, 8, "must be a string, found a mapping",
       "version: \"1\"\nhide: [a]\n"},
      {"hide entry empty", "version: \"1\"\nhide: [\"\"]\n", "schema", 2, 8, "a hide entry must not be empty",
       "version: \"1\"\nhide: [\"*\"]\n"},
      {"hide entry twice", "version: \"1\"\nhide: [a, a]\n", "schema", 2, 11, "\"a\" is in hide twice (first at line 2, column 8)",
       "version: \"1\"\nhide: [a, b]\n"},
      {"tools not a mapping", "version: \"1\"\ntools: [a]\n", "schema", 2, 8, "tools: must be a mapping",
       "version: \"1\"\ntools: {a: }\n"},
      {"tool not a mapping", "version: \"1\"\ntools:\n  a: 5\n", "schema", 3, 6, "tool \"a\" must be a mapping",
       "version: \"1\"\ntools:\n  a: {rules: []}\n"},
      {"rules not a list", Policy("      name: x\n"), "schema", 6, 7, "rules: must be a list of rules",
       Policy(ok_rule)},
      {"rule without name", Policy("      - rate_limit: 5/hour\n"), "schema", 6, 9, "a rule needs a name:", Policy(ok_rule)},
      {"action enum", Policy("      - name: x\n        action: block\n"), "schema", 7, 17,
       "action: must be evaluate, deny or require_approval, found the string \"block\"; did you mean deny?",
       Policy("      - name: x\n        action: deny\n")},
      {"deny with conditions",
       Policy("      - name: x\n        action: deny\n        conditions: [{path: args.a, op: eq, value: 1}]\n"),
       "invalid-rule", 8, 21, "a deny rule blocks every call and takes no conditions:",
       Policy("      - name: x\n        action: deny\n")},
      {"evaluate without conditions", Policy("      - name: x\n        action: evaluate\n"), "invalid-rule", 7, 17,
       "an evaluate rule needs at least one condition",
       Policy("      - name: x\n        action: evaluate\n        conditions: [{path: args.a, op: exists, value: true}]\n")},
      {"require_approval without conditions is fine, with state is not",
       Policy("      - name: x\n        action: require_approval\n        state: {counter: c, window: day}\n"),
       "invalid-rule", 8, 16, "state: cannot be used with action: require_approval",
       Policy("      - name: x\n        action: require_approval\n        approval_timeout: 30m\n")},
      {"approval_timeout not a duration",
       Policy("      - name: x\n        action: require_approval\n        approval_timeout: 30 minutes\n"), "schema", 8, 27,
       "approval_timeout: must be a duration such as \"30m\"",
       Policy("      - name: x\n        action: require_approval\n        approval_timeout: 1h30m\n")},
      {"approval_timeout on another action",
       Policy("      - name: x\n        rate_limit: 5/hour\n        approval_timeout: 5m\n"), "invalid-rule", 8, 27,
       "approval_timeout: applies only to action: require_approval", Policy(ok_rule)},
      {"path prefix", Policy("      - name: x\n        conditions: [{path: amount, op: lt, value: 5}]\n"), "schema", 7, 29,
       "path: must start with args. or state., found \"amount\"; did you mean \"args.amount\"?",
       Policy("      - name: x\n        conditions: [{path: args.amount, op: lt, value: 5}]\n")},
      {"state path shape", Policy("      - name: x\n        conditions: [{path: state.c, op: lt, value: 5}]\n"), "schema", 7, 29, "a state path is state.<tool or _global>.<counter>",
       Policy("      - name: x\n        conditions: [{path: state.create_issue.c, op: lt, value: 5}]\n        state: {counter: c, window: day}\n")},
      {"unknown operator", Policy("      - name: x\n        conditions: [{path: args.a, op: \">=\", value: 5}]\n"), "schema", 7, 41, "unknown operator \">=\"; did you mean gte?",
       Policy("      - name: x\n        conditions: [{path: args.a, op: gte, value: 5}]\n")},
      {"in needs a list", Policy("      - name: x\n        conditions: [{path: args.a, op: in, value: a}]\n"),
       "invalid-rule", 7, 52, "operator in needs a list value (value: [a, b]), found a string",
       Policy("      - name: x\n        conditions: [{path: args.a, op: in, value: [a]}]\n")},
      {"lt needs a number", Policy("      - name: x\n        conditions: [{path: args.a, op: lt, value: \"5\"}]\n"),
       "invalid-rule", 7, 52, "operator lt needs a number, found a string; remove the quotes around 5",
       Policy("      - name: x\n        conditions: [{path: args.a, op: lt, value: 5}]\n")},
      {"exists needs a boolean", Policy("      - name: x\n        conditions: [{path: args.a, op: exists, value: yes}]\n"),
       "invalid-rule", 7, 56, "operator exists needs value: true or value: false, found a string",
       Policy("      - name: x\n        conditions: [{path: args.a, op: exists, value: true}]\n")},
      {"regex does not compile", Policy("      - name: x\n        conditions: [{path: args.a, op: regex, value: \"a(b\"}]\n"),
       "invalid-rule", 7, 55, "the pattern \"a(b\" does not compile: missing )",
       Policy("      - name: x\n        conditions: [{path: args.a, op: regex, value: \"(?<word>a)b\"}]\n")},
      {"regex needs a string", Policy("      - name: x\n        conditions: [{path: args.a, op: regex, value: 5}]\n"),
       "invalid-rule", 7, 55, "operator regex needs a string pattern, found a number",
       Policy("      - name: x\n        conditions: [{path: args.a, op: regex, value: \"5\"}]\n")},
      {"state condition without its state block",
       Policy("      - name: x\n        conditions: [{path: state.create_issue.spend, op: lt, value: 5}]\n"), "invalid-rule", 7, 29, "no rule of tool \"create_issue\" keeps state: {counter: spend}",
       Policy("      - name: x\n        conditions: [{path: state.create_issue.spend, op: lt, value: 5}]\n"
              "        state: {counter: spend, window: day, increment_from: args.amount}\n")},
      {"state counter missing", Policy("      - name: x\n        conditions: [{path: args.a, op: lt, value: 5}]\n        state: {window: day}\n"),
       "schema", 8, 16, "state: needs a counter: name",
       Policy("      - name: x\n        conditions: [{path: args.a, op: lt, value: 5}]\n        state: {counter: c, window: day}\n")},
      {"state window", Policy("      - name: x\n        conditions: [{path: args.a, op: lt, value: 5}]\n        state: {counter: c, window: 60}\n"),
       "schema", 8, 37, "window: must be minute, hour or day, found \"60\" (a unit name, not a number of seconds)",
       Policy("      - name: x\n        conditions: [{path: args.a, op: lt, value: 5}]\n        state: {counter: c, window: minute}\n")},
      {"increment_from prefix",
       Policy("      - name: x\n        conditions: [{path: args.a, op: lt, value: 5}]\n        state: {counter: c, window: day, increment_from: amount}\n"),
       "schema", 8, 58, "increment_from: must start with args.",
       Policy("      - name: x\n        conditions: [{path: args.a, op: lt, value: 5}]\n        state: {counter: c, window: day, increment_from: args.amount}\n")},
      {"duplicate counter",
       Policy("      - name: x\n        conditions: [{path: args.a, op: lt, value: 5}]\n        state: {counter: c, window: day}\n"
              "      - name: y\n        conditions: [{path: args.a, op: lt, value: 5}]\n        state: {counter: c, window: hour}\n"),
       "invalid-rule", 11, 26, "counter \"c\" is already kept by another rule of tool \"create_issue\" (line 8, column 26)",
       Policy("      - name: x\n        conditions: [{path: args.a, op: lt, value: 5}]\n        state: {counter: c, window: day}\n"
              "      - name: y\n        conditions: [{path: args.a, op: lt, value: 5}]\n        state: {counter: d, window: hour}\n")},
      {"two rate limits per window", Policy(ok_rule + "      - name: y\n        rate_limit: 50/hour\n"), "invalid-rule", 9, 21,
       "Intercept keeps both in one counter, _rate_hour",
       Policy(ok_rule + "      - name: y\n        rate_limit: 50/day\n")},
      {"rate_limit format", Policy("      - name: x\n        rate_limit: 5 per hour\n"), "schema", 7, 21,
       "rate_limit: must be N/minute, N/hour or N/day (e.g. 5/hour), found \"5 per hour\"", Policy(ok_rule)},
      {"rate_limit count", Policy("      - name: x\n        rate_limit: 0/hour\n"), "schema", 7, 21,
       "rate_limit: the count must be a positive integer, found \"0\"", Policy(ok_rule)},
      {"rate_limit window", Policy("      - name: x\n        rate_limit: 5/hr\n"), "schema", 7, 21,
       "rate_limit: the window must be minute, hour or day, found \"hr\"; did you mean 5/hour?", Policy(ok_rule)},
      {"rate_limit with conditions",
       Policy("      - name: x\n        rate_limit: 5/hour\n        conditions: [{path: args.a, op: eq, value: 1}]\n"),
       "invalid-rule", 7, 21, "rate_limit: cannot be combined with conditions: or state:", Policy(ok_rule)},
      {"rate_limit with deny", Policy("      - name: x\n        rate_limit: 5/hour\n        action: deny\n"), "invalid-rule", 7,
       21, "rate_limit: cannot be used with action: deny", Policy(ok_rule)},
      {"rate_limit with require_approval",
       Policy("      - name: x\n        rate_limit: 5/hour\n        action: require_approval\n"), "invalid-rule", 7, 21,
       "rate_limit: cannot be used with action: require_approval", Policy(ok_rule)},
      {"misspelt key", Policy("      - name: x\n        rate_limt: 5/hour\n        rate_limit: 1/minute\n"), "schema", 7, 9,
       "unknown key \"rate_limt:\" in a rule; did you mean \"rate_limit:\"?", Policy(ok_rule)},
      {"reason for on_deny", Policy(ok_rule + "        reason: slow down\n"), "schema", 8, 9,
       "unknown key \"reason:\" in a rule; did you mean \"on_deny:\"?", Policy(ok_rule + "        on_deny: slow down\n")},
      {"hosted limits", "version: \"1\"\ntools:\n  a:\n    limits: []\n", "schema", 4, 5,
       "\"limits:\" is PolicyLayer's hosted JSON; in Intercept YAML a limit is a rule: rules: [{name: \"rate limit\", rate_limit: 10/minute}]",
       "version: \"1\"\ntools:\n  a:\n    rules: [{name: r, rate_limit: 10/minute}]\n"},
      {"hosted deny_if", "version: \"1\"\ntools:\n  a:\n    deny_if: []\n", "schema", 4, 5,
       "\"deny_if:\" is PolicyLayer's hosted JSON", "version: \"1\"\ntools:\n  a: {}\n"},
      {"hosted all_tools", "version: \"1\"\nall_tools: {}\n", "schema", 2, 1, "tools: {\"*\": {rules: [...]}}",
       "version: \"1\"\ntools: {\"*\": {rules: []}}\n"},
      {"rule after a deny rule", Policy("      - name: block\n        action: deny\n" + ok_rule), "dead-entry", 8, 9,
       "rule \"limit\" never decides anything: the deny rule \"block\" (line 6, column 9)",
       Policy("      - name: block\n        action: deny\n")},
      {"approvals durations", "version: \"1\"\napprovals:\n  default_timeout: soon\n", "schema", 3, 20,
       "default_timeout: must be a duration", "version: \"1\"\napprovals:\n  default_timeout: 15m\n  dedupe_window: 10m\n"
                                             "  notify: {webhook: {url: \"https://example.invalid/h\", secret: s}}\n"},
      {"approvals unknown key", "version: \"1\"\napprovals:\n  webhook_url: https://example.invalid/h\n", "schema", 3, 3,
       "unknown key \"webhook_url:\" in approvals", "version: \"1\"\napprovals:\n  notify: {webhook: {url: https://example.invalid/h}}\n"},
      {"collection where a string goes", Policy("      - name: [a]\n        rate_limit: 5/hour\n"), "schema", 6, 15,
       "name: must be a string, found a list", Policy(ok_rule)},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    ReadResult fired = Read("p.yaml", c.firing);
    INFO("firing:\n" << Dump(fired));
    bool found = false;
    for (const Diagnostic& d : fired.diagnostics) {
      if (d.rule == c.rule && d.line == c.line && d.column == c.column &&
          d.message.find(c.message) != std::string::npos) {
        found = true;
        CHECK(d.path == "p.yaml");
        CHECK(d.source_line == std::string(fired.tree.ok() ? fired.tree.LineText(d.line) : d.source_line));
      }
    }
    CHECK(found);
    ReadResult silent = Read("p.yaml", c.silent);
    INFO("silent:\n" << Dump(silent));
    CHECK(silent.diagnostics.empty());
  }
}

TEST_CASE("intercept: the plain-data policy with positions", "[intercept]") {
  ReadResult r = Read("p.yaml", R"(version: "1"
default: deny
hide: [drop_repo]
defaults: &limit
  name: hourly
  rate_limit: 5/hour
tools:
  create_issue:
    rules:
      - <<: *limit
        on_deny: "slow down"
  create_charge:
    rules:
      - name: "daily spend cap"
        conditions: [{path: "state.create_charge.spend", op: lt, value: 1000000}]
        state: {counter: spend, window: day, increment_from: args.amount}
      - name: approve big
        action: require_approval
        conditions: [{path: args.amount, op: gt, value: 50000}, {path: args.currency, op: in, value: [usd, eur]}]
        approval_timeout: 30m
  "*":
    rules: [{name: global, rate_limit: 60/minute}]
)");
  INFO(Dump(r));
  // "defaults" is no Intercept key (an anchor holder); everything else is clean.
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].message.find("unknown key \"defaults:\"") != std::string::npos);
  const InterceptPolicy& p = r.policy;
  CHECK(p.version == "1");
  CHECK(p.default_written);
  CHECK(p.default_policy == Default::kDeny);
  REQUIRE(p.hide.size() == 1);
  CHECK(p.hide[0].name == "drop_repo");
  CHECK(r.tree.node(p.hide[0].node).begin.column == 8);
  REQUIRE(p.tools.size() == 3);
  const Tool& issue = p.tools[0];
  CHECK(issue.name == "create_issue");
  CHECK(r.tree.node(issue.key_node).begin.line == 8);
  REQUIRE(issue.rules.size() == 1);
  const Rule& merged = issue.rules[0];
  CHECK(merged.name == "hourly");  // from the merge key
  REQUIRE(merged.rate_limit);
  CHECK(merged.rate_limit->valid);
  CHECK(merged.rate_limit->count == 5);
  CHECK(merged.rate_limit->window == Window::kHour);
  CHECK(r.tree.node(merged.rate_limit->node).begin.line == 6);  // where the anchor wrote it
  CHECK(merged.on_deny == "slow down");
  const Tool& charge = p.tools[1];
  REQUIRE(charge.rules.size() == 2);
  const Rule& cap = charge.rules[0];
  CHECK(cap.action == Action::kEvaluate);
  CHECK_FALSE(cap.action_written);
  REQUIRE(cap.conditions.size() == 1);
  CHECK(cap.conditions[0].path == "state.create_charge.spend");
  CHECK(cap.conditions[0].op == "lt");
  CHECK(cap.conditions[0].value.type == Operand::Type::kInt);
  CHECK(cap.conditions[0].value.number == 1000000);
  REQUIRE(cap.state);
  CHECK(cap.state->counter == "spend");
  CHECK(cap.state->window == Window::kDay);
  CHECK(cap.state->increment_from == "args.amount");
  CHECK(cap.state->increment == 1);
  const Rule& approve = charge.rules[1];
  CHECK(approve.action == Action::kRequireApproval);
  REQUIRE(approve.approval_timeout);
  CHECK(approve.approval_timeout->seconds == 1800);
  REQUIRE(approve.conditions.size() == 2);
  CHECK(approve.conditions[1].value.type == Operand::Type::kList);
  REQUIRE(approve.conditions[1].value.items.size() == 2);
  CHECK(approve.conditions[1].value.items[1].text == "eur");
  CHECK(p.tools[2].name == "*");
  CHECK(r.recognition.likeness == yaml::Likeness::kPolicy);
}

TEST_CASE("intercept: Go durations", "[intercept]") {
  double s = 0;
  CHECK(ParseGoDuration("30m", &s));
  CHECK(s == 1800);
  CHECK(ParseGoDuration("1h30m", &s));
  CHECK(s == 5400);
  CHECK(ParseGoDuration("1.5s", &s));
  CHECK(s == 1.5);
  CHECK(ParseGoDuration("0", &s));
  CHECK(ParseGoDuration("300ms", &s));
  for (const char* bad : {"", "30", "m", "30 m", "1d", "1h-5m", "."}) {
    INFO(bad);
    CHECK_FALSE(ParseGoDuration(bad, &s));
  }
}

}  // namespace
}  // namespace mcpolicy::intercept
