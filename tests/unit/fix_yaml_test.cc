// lint --fix on Intercept YAML: the file's style detected, scalars quoted only when they must be,
// remedies planned as byte edits (table-driven, exact texts), refusals with their reasons, and
// every YAML fixture under tests/golden/fix fixed once and for all with its comments kept.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "fix/yaml_planner.h"
#include "fix/yaml_style.h"
#include "intercept/read.h"
#include "mcpolicy/fix.h"
#include "mcpolicy/lint.h"
#include "mcpolicy/rules.h"
#include "yaml/recognise.h"

namespace mcpolicy::fix {
namespace {

namespace fs = std::filesystem;

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST_CASE("fix yaml: plain scalars only where they read back as the same string") {
  struct Row {
    const char* text;
    Quoting quoting;
    char quote;
    const char* want;
  };
  const Row rows[] = {
      {"execute_flow", Quoting::kPlainIfSafe, '"', "execute_flow"},
      {"get-file.v2/x", Quoting::kPlainIfSafe, '"', "get-file.v2/x"},
      {"execute_flow", Quoting::kDouble, '"', "\"execute_flow\""},
      {"execute_flow", Quoting::kSingle, '"', "'execute_flow'"},
      {"*", Quoting::kPlainIfSafe, '"', "\"*\""},
      {"yes", Quoting::kPlainIfSafe, '"', "\"yes\""},
      {"Off", Quoting::kPlainIfSafe, '\'', "'Off'"},
      {"null", Quoting::kPlainIfSafe, '"', "\"null\""},
      {"1.5", Quoting::kPlainIfSafe, '"', "\"1.5\""},
      {"0x10", Quoting::kPlainIfSafe, '"', "\"0x10\""},
      {"-tool", Quoting::kPlainIfSafe, '"', "\"-tool\""},
      {"create issue", Quoting::kPlainIfSafe, '"', "\"create issue\""},
      {"a: b", Quoting::kPlainIfSafe, '"', "\"a: b\""},
      {"it's", Quoting::kPlainIfSafe, '\'', "'it''s'"},
      {"say \"hi\"\\", Quoting::kPlainIfSafe, '"', "\"say \\\"hi\\\"\\\\\""},
      {"tab\there", Quoting::kSingle, '\'', "\"tab\\there\""},  // single quotes cannot hold a tab
      {"bell\x07", Quoting::kPlainIfSafe, '"', "\"bell\\x07\""},
      {"", Quoting::kPlainIfSafe, '"', "\"\""},
  };
  for (const Row& row : rows) {
    INFO(row.text);
    CHECK(YamlScalar(row.text, row.quoting, row.quote) == row.want);
  }
}

TEST_CASE("fix yaml: the file's style is detected") {
  struct Row {
    const char* text;
    const char* newline;
    size_t step, seq_offset, item_offset;
    char quote;
    const char* comma;
    const char* seq_pad;
  };
  const Row rows[] = {
      {"a: 1\n", "\n", 2, 2, 2, '"', ", ", ""},  // nothing shown: the defaults
      {"a:\r\n    b:\r\n        - x\r\n", "\r\n", 4, 4, 2, '"', ", ", ""},
      {"a:\n  b:\n  - x\n", "\n", 2, 0, 2, '"', ", ", ""},               // indentless list
      {"a:\n   b:\n     -   c: 1\n", "\n", 3, 2, 4, '"', ", ", ""},
      {"a: ['x', 'y']\nb: \"z\"\n", "\n", 2, 2, 2, '\'', ", ", ""},      // more single quotes
      {"a: [ x ,y ]\n", "\n", 2, 2, 2, '"', " ,", " "},
  };
  for (const Row& row : rows) {
    INFO(row.text);
    yaml::Tree tree = yaml::Tree::Parse(row.text);
    REQUIRE(tree.ok());
    YamlStyle style = DetectYamlStyle(tree);
    CHECK(style.newline == row.newline);
    CHECK(style.step == row.step);
    CHECK(style.seq_offset == row.seq_offset);
    CHECK(style.item_offset == row.item_offset);
    CHECK(style.quote == row.quote);
    CHECK(style.comma == row.comma);
    CHECK(style.seq_pad == row.seq_pad);
  }
}

TEST_CASE("fix yaml: new values render in block and flow style") {
  YamlStyle style;
  style.seq_offset = 0;
  style.item_offset = 4;
  YamlValue rule = YamlValue::Map(
      {{"name", YamlValue::Scalar("\"guard\"")},
       {"conditions", YamlValue::Seq({YamlValue::Map(
                          {{"path", YamlValue::Scalar("\"args.action\"")},
                           {"value", YamlValue::Seq({YamlValue::Scalar("\"delete\"")})}})})}});
  CHECK(RenderBlockItems({rule}, 2, 4, style) ==
        "  -   name: \"guard\"\n"
        "      conditions:\n"
        "      -   path: \"args.action\"\n"
        "          value: [\"delete\"]\n");
  CHECK(RenderFlow(rule, style) ==
        "{name: \"guard\", conditions: [{path: \"args.action\", value: [\"delete\"]}]}");
  CHECK(RenderBlockEntries(YamlValue::Map({{"t", YamlValue::Map({{"rules", YamlValue::Seq()}})}}), 0,
                           style) == "t:\n  rules: []\n");
}

Remedy Hide(const std::string& tool) {
  Remedy r;
  r.kind = Remedy::Kind::kHide;
  r.tool = tool;
  return r;
}

Remedy Limit(const std::string& tool, uint32_t max) {
  Remedy r;
  r.kind = Remedy::Kind::kAddLimit;
  r.tool = tool;
  r.max = max;
  return r;
}

Remedy Guard(const std::string& tool, std::vector<std::string> values) {
  Remedy r;
  r.kind = Remedy::Kind::kGuard;
  r.tool = tool;
  r.path = "args.action";
  r.values = std::move(values);
  return r;
}

Remedy DenyByDefault(std::vector<std::string> listed) {
  Remedy r;
  r.kind = Remedy::Kind::kDenyByDefault;
  r.values = std::move(listed);
  return r;
}

// The text after the remedies, or "error: <why>".
std::string Fix(const std::string& text, const std::vector<Remedy>& remedies) {
  intercept::ReadResult read = intercept::Read("p.yaml", text);
  REQUIRE(read.parsed);
  std::vector<const Remedy*> pointers;
  for (const Remedy& r : remedies) pointers.push_back(&r);
  std::vector<TextEdit> edits;
  std::string error = PlanYamlEdits(read.tree, read.policy, pointers, edits);
  if (!error.empty()) {
    CHECK(edits.empty());
    return "error: " + error;
  }
  std::string out = text;
  REQUIRE(ApplyEdits(out, edits));
  CHECK(yaml::Tree::Parse(out).ok());
  return out;
}

TEST_CASE("fix yaml: remedies become edits in the file's own style") {
  struct Row {
    const char* name;
    std::string text;
    std::vector<Remedy> remedies;
    std::string want;
  };
  const Row rows[] = {
      {"names that need quotes, in a flow hide", "version: \"1\"\nhide: [a]\n",
       {Hide("yes"), Hide("create issue"), Hide("b")},
       "version: \"1\"\nhide: [a, \"yes\", \"create issue\", b]\n"},
      {"quoted like the other entries", "version: \"1\"\nhide:\n  - 'a'  # why\n",
       {Hide("b")}, "version: \"1\"\nhide:\n  - 'a'  # why\n  - 'b'\n"},
      {"empty flow hide, padding kept", "version: \"1\"\nhide: [ ]\nx: [ 1 ]\n", {Hide("b")},
       "version: \"1\"\nhide: [ b ]\nx: [ 1 ]\n"},
      {"hide: written with nothing", "version: \"1\"\nhide:   # later\ndefault: deny\n",
       {Hide("b")}, "version: \"1\"\nhide: [b]   # later\ndefault: deny\n"},
      {"hide after default, before tools", "version: \"1\"\ndefault: deny\ntools:\n  b:\n    rules: []\n",
       {Hide("b")}, "version: \"1\"\ndefault: deny\nhide: [b]\ntools: {}\n"},
      {"entry removed, comments around kept",
       "version: \"1\"\ntools:\n  # A\n  a:   # gone\n    rules:\n      - name: x\n        action: deny\n"
       "  # B\n  b:\n    rules: []\n",
       {Hide("a")},
       "version: \"1\"\nhide: [a]\ntools:\n  # A\n  # B\n  b:\n    rules: []\n"},
      {"default scalar keeps its quotes", "version: \"1\"\ndefault: 'allow'  # c\n",
       {DenyByDefault({})}, "version: \"1\"\ndefault: 'deny'  # c\n"},
      {"default inserted after description",
       "# head\nversion: \"1\"\ndescription: >\n  folded\n\ntools:\n  a: {rules: []}\n",
       {DenyByDefault({"on", "b"})},
       "# head\nversion: \"1\"\ndescription: >\n  folded\ndefault: deny\n\ntools:\n  a: {rules: []}\n"
       "  \"on\":\n    rules: []\n  b:\n    rules: []\n"},
      {"tool keys quoted like their siblings", "version: \"1\"\ntools:\n  \"a\":\n    rules: []\n",
       {DenyByDefault({"b"})},
       "version: \"1\"\ndefault: deny\ntools:\n  \"a\":\n    rules: []\n  \"b\":\n    rules: []\n"},
      {"tools: created last", "version: \"1\"\ndefault: allow\nhide: [x]\n", {DenyByDefault({"b"})},
       "version: \"1\"\ndefault: deny\nhide: [x]\ntools:\n  b:\n    rules: []\n"},
      {"rules created under a tool with nothing", "version: \"1\"\ntools:\n  a:   # c\n  b: ~\n",
       {Limit("a", 10), Limit("b", 30)},
       "version: \"1\"\ntools:\n  a:   # c\n    rules:\n      - name: \"rate limit\"\n"
       "        rate_limit: 10/minute\n  b: {rules: [{name: \"rate limit\", rate_limit: 30/minute}]}\n"},
      {"rules: with nothing gets block items", "version: \"1\"\ntools:\n  a:\n    rules:\n",
       {Guard("a", {"delete", "kill"})},
       "version: \"1\"\ntools:\n  a:\n    rules:\n      - name: \"guard action\"\n        conditions:\n"
       "          - path: \"args.action\"\n            op: not_in\n            value: [\"delete\", \"kill\"]\n"},
      {"flow tool mapping without rules", "version: \"1\"\ntools:\n  a: {}\n  b: {x: 1}\n",
       {Limit("a", 10), Limit("b", 10)},
       "version: \"1\"\ntools:\n  a: {rules: [{name: \"rate limit\", rate_limit: 10/minute}]}\n"
       "  b: {x: 1, rules: [{name: \"rate limit\", rate_limit: 10/minute}]}\n"},
      {"a hidden tool's other remedies are dropped", "version: \"1\"\ntools:\n  a: {rules: []}\n",
       {Limit("a", 10), Hide("a")}, "version: \"1\"\nhide: [a]\ntools: {}\n"},
      {"no line break at the end stays so", "version: \"1\"\ntools:\n  a:\n    rules:\n    - name: x\n      action: deny",
       {Limit("a", 10)},
       "version: \"1\"\ntools:\n  a:\n    rules:\n    - name: x\n      action: deny\n"
       "    - name: \"rate limit\"\n      rate_limit: 10/minute"},
      {"CRLF", "version: \"1\"\r\ntools:\r\n  a:\r\n    rules: []\r\n", {Hide("a"), DenyByDefault({"b"})},
       "version: \"1\"\r\ndefault: deny\r\nhide: [a]\r\ntools:\r\n  b:\r\n    rules: []\r\n"},
      {"a BOM before the first key", "\xEF\xBB\xBFtools:\n  a: {rules: []}\n", {Hide("a")},
       "\xEF\xBB\xBFhide: [a]\ntools: {}\n"},
      {"an unused anchor does not stop a fix", "version: \"1\"\ntools:\n  a: &x\n    rules: []\n",
       {Limit("a", 10)},
       "version: \"1\"\ntools:\n  a: &x\n    rules: [{name: \"rate limit\", rate_limit: 10/minute}]\n"},
      // Refused: the file is left alone and the reason given.
      {"flow tools", "version: \"1\"\ntools: {a: {}}\n", {Limit("a", 10)},
       "error: tools: (line 2, column 8) is a flow mapping ({...}), which --fix does not rewrite; "
       "write it in block style (one tool per line) or make the change by hand"},
      {"flow top level", "{version: \"1\", tools: {a: {}}}\n", {Limit("a", 10)},
       "error: the policy is one flow mapping ({...}), which --fix does not rewrite; write it in "
       "block style or make the change by hand"},
      {"alias entry", "version: \"1\"\nx: &r {rules: []}\ntools:\n  a: *r\n", {Limit("a", 10)},
       "error: the entry of tool \"a\" (line 4, column 6) is an alias; edit the anchored node it "
       "stands for by hand"},
      {"anchored rules repeated elsewhere", "version: \"1\"\ntools:\n  a:\n    rules: &r []\n  b:\n    rules: *r\n",
       {Limit("a", 10)},
       "error: rules: of tool \"a\" (line 4, column 12) carries the anchor &r, which an alias "
       "repeats elsewhere, so an edit would change both; make the change by hand"},
      {"inside an anchor repeated elsewhere", "version: \"1\"\ntools: &t\n  a:\n    rules: []\nx: *t\n",
       {Limit("a", 10)},
       "error: tools: (line 2, column 8) carries the anchor &t, which an alias repeats elsewhere, so "
       "an edit would change both; make the change by hand"},
      {"removed entry holds a used anchor", "version: \"1\"\ntools:\n  a: &r {rules: []}\n  b: *r\n",
       {Hide("a")},
       "error: the entry of tool \"a\" (line 3, column 3) holds an anchor an alias elsewhere uses, "
       "so it cannot be removed; make the change by hand"},
      {"merge key", "version: \"1\"\nbase: &b {rules: []}\ntools:\n  a:\n    <<: *b\n", {Limit("a", 10)},
       "error: the entry of tool \"a\" (line 5, column 5) takes entries from a merge key (<<), so a "
       "key written there would override them; make the change by hand"},
      {"anchored default", "version: \"1\"\ndefault: &d allow\n", {DenyByDefault({})},
       "error: default: (line 2, column 10) carries an anchor or a tag; make the change by hand"},
  };
  for (const Row& row : rows) {
    INFO(row.name);
    CHECK(Fix(row.text, row.remedies) == row.want);
  }
}

TEST_CASE("fix yaml: the dialect is chosen as lint chooses it") {
  CHECK(yaml::ReadsAsIntercept("p.yaml", "{\"version\": \"1\"}"));
  CHECK(yaml::ReadsAsIntercept("p.yml", ""));
  CHECK(yaml::ReadsAsIntercept("p.json", "version: \"1\"\ndefault: deny\ntools: {}\n"));
  CHECK(yaml::ReadsAsIntercept("-", "version: \"1\"\ndefault: deny\ntools: {}\n"));
  CHECK_FALSE(yaml::ReadsAsIntercept("-", "{\"version\": \"1\", \"default\": \"deny\"}"));
  CHECK_FALSE(yaml::ReadsAsIntercept("-", "on: push\njobs: {}\n"));
}

TEST_CASE("fix yaml: a fix that adds a YAML or Intercept error counts as broken") {
  auto finding = [](const char* rule) {
    Diagnostic d;
    d.rule = rule;
    d.path = "p.yaml";
    return d;
  };
  for (const char* rule : {"invalid-yaml", "invalid-rule", "schema", "duplicate-key", "invalid-json"}) {
    INFO(rule);
    CHECK(Broke({}, {finding(rule)}, "p.yaml"));
    CHECK_FALSE(Broke({finding(rule)}, {finding(rule)}, "p.yaml"));
    CHECK_FALSE(Broke({}, {finding(rule)}, "other.yaml"));
  }
  CHECK_FALSE(Broke({}, {finding("unlimited-execute")}, "p.yaml"));
}

// The comments of `text` (from `#` to the end of the line), in order.
std::vector<std::string> Comments(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    size_t hash = line.find(" #");
    if (line.starts_with("#")) hash = 0;
    if (hash != std::string::npos) out.push_back(line.substr(line.find('#', hash)));
  }
  return out;
}

TEST_CASE("fix yaml: every YAML fixture is fixed once and for all, comments kept") {
  fs::path root = fs::path(MCPOLICY_SOURCE_DIR) / "tests" / "golden" / "fix";
  size_t fixtures = 0;
  for (const auto& entry : fs::directory_iterator(root)) {
    fs::path input = entry.path() / "files" / "policy.yaml";
    if (!fs::exists(input)) continue;
    ++fixtures;
    std::string name = entry.path().filename().string();
    INFO(name);
    LintOptions options;
    options.server = "kestra-io/mcp-server-python";
    std::string text = Slurp(input);
    FixTextResult once = FixText("policy.yaml", text, options, /*unsafe_fixes=*/true);
    std::string expected = Slurp(entry.path() / "expected-files" / "policy.yaml");
    if (name.ends_with("-not-fixed")) {
      CHECK_FALSE(once.error.empty());
      CHECK(once.text == text);
      continue;
    }
    REQUIRE(once.error.empty());
    if (name != "yaml-diff") CHECK(once.text == expected);
    // Comments of removed entries go with them; these fixtures keep none there.
    CHECK(Comments(once.text) == Comments(text));
    std::map<std::string, std::string> contents{{"policy.yaml", once.text}};
    options.contents = &contents;
    options.no_config = true;
    LintResult lint = LintPaths({"policy.yaml"}, options);
    CHECK(lint.errors.empty());
    // Nothing left that a fix could change (the JSON-only fixes carry no remedy on YAML).
    for (const Diagnostic& d : lint.diagnostics) CHECK_FALSE(d.remedy.has_value());
    options.contents = nullptr;
    FixTextResult twice = FixText("policy.yaml", once.text, options, /*unsafe_fixes=*/true);
    CHECK(twice.error.empty());
    CHECK(twice.fixed == 0);
    CHECK(twice.text == once.text);
  }
  CHECK(fixtures >= 10);
}

}  // namespace
}  // namespace mcpolicy::fix
