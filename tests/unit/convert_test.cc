// convert: a round trip through the other dialect keeps the resolved policy; constructs with no
// equivalent are findings; the YAML scalar writer reads back what it wrote.
#include <catch2/catch.hpp>
#include <algorithm>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "convert/emit.h"
#include "intercept/model.h"
#include "intercept/read.h"
#include "mcpolicy/catalog.h"
#include "mcpolicy/classify.h"
#include "mcpolicy/convert.h"
#include "mcpolicy/io.h"
#include "mcpolicy/policy.h"
#include "yaml/emit.h"
#include "yaml/scalar.h"
#include "yaml/tree.h"

namespace mcpolicy {
namespace {

namespace fs = std::filesystem;

std::string ValueText(const ConditionValue& v, std::string_view op) {
  switch (v.kind) {
    case ConditionValue::Kind::kMissing: return op == "exists" ? "true" : "-";
    case ConditionValue::Kind::kNull: return "null";
    case ConditionValue::Kind::kBool: return v.boolean ? "true" : "false";
    case ConditionValue::Kind::kNumber: return std::to_string(v.number);
    case ConditionValue::Kind::kString: {
      std::string out(1, '\'');
      out.append(v.text).push_back('\'');
      return out;
    }
    case ConditionValue::Kind::kList: {
      std::string out = "[";
      for (const ConditionValue& i : v.items) out += ValueText(i, "") + ",";
      return out + "]";
    }
    case ConditionValue::Kind::kOther: return "?";
  }
  return "?";
}

// What a policy does, in one canonical text: a deny_if is the require of the opposite test; limits by window and max; then each tool's resolved decision.
std::string Canonical(const Policy& p) {
  std::vector<std::string> lines;
  lines.push_back(std::string("default ") + (p.default_action == DefaultAction::kDeny ? "deny" : "allow"));
  for (const HideEntry& h : p.hide) lines.push_back("hide " + std::string(h.name));
  auto limit = [](const Limit& l) {
    return std::string(WindowName(*l.window)) + " " + std::to_string(*l.max) + (l.spend_cap ? " spend" : "");
  };
  for (const Limit& l : p.all_tools_limits) lines.push_back("all " + limit(l));
  for (const ToolRules& t : p.tools) {
    std::string name(t.name);
    if (t.denied) lines.push_back(name + " denied");
    if (t.approval) lines.push_back(name + " approval");
    for (const Limit& l : t.limits) lines.push_back(name + " limit " + limit(l));
    // deny_if c is require not-c: both written as the require form.
    for (const Condition& c : t.require) {
      lines.push_back(name + " require " + std::string(c.path) + " " + std::string(c.op) + " " +
                      ValueText(c.value, c.op));
    }
    for (const Condition& c : t.deny_if) {
      std::optional<std::string_view> negated = convert::NegatedOp(c.op);
      if (c.approval || !negated) {
        lines.push_back(name + (c.approval ? " approve " : " deny ") + std::string(c.path) + " " +
                        std::string(c.op) + " " + ValueText(c.value, c.op));
        continue;
      }
      std::string value = ValueText(c.value, c.op);
      if (c.op == "exists") value = value == "true" ? "false" : "true";
      lines.push_back(name + " require " + std::string(c.path) + " " + std::string(*negated) + " " + value);
    }
    if (t.require.empty() && t.deny_if.empty() && t.limits.empty()) lines.push_back(name + " listed");
  }
  std::sort(lines.begin(), lines.end());
  Classifier classifier;
  Resolution r = Resolve(p, InferServer(p, Catalog::Bundled()), classifier);
  for (const ResolvedTool& t : r.tools) {
    lines.push_back("resolved " + std::string(t.name) + " " + std::string(DecisionName(t.decision)) +
                    (t.has_limits ? " limits" : "") + (t.has_conditions ? " conditions" : ""));
  }
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

std::string Slurp(const std::string& path) {
  ReadResult read = ReadInput(path, 1 << 20);
  REQUIRE(read.ok);
  return read.data;
}

// The canonical text of the policy at `path`, read in its own dialect as lint reads it.
std::string CanonicalOf(const std::string& path) {
  std::string text = Slurp(path);
  if (path.ends_with(".yaml")) {
    intercept::ReadResult read = intercept::Read(path, text);
    intercept::Model model;
    intercept::Map(read.policy, model);
    return Canonical(model.policy);
  }
  json::Document doc = json::Document::Parse(text);
  return Canonical(ReadPolicy(doc));
}

class Scratch {
 public:
  Scratch() : dir_(fs::temp_directory_path() / ("mcpolicy-convert-" + std::to_string(::getpid()))) {
    fs::create_directories(dir_);
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  std::string Write(const std::string& name, const std::string& text) const {
    std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

 private:
  fs::path dir_;
};

// Converts `path` to the other dialect and back; both conversions must be lossless.
void CheckRoundTrip(const std::string& path, const Scratch& scratch) {
  bool yaml = path.ends_with(".yaml");
  ConvertRequest there;
  there.path = path;
  there.to = yaml ? OutputDialect::kJson : OutputDialect::kIntercept;
  ConvertOutput first = RunConvert(there);
  INFO(path << "\n" << first.report << (first.errors.empty() ? "" : first.errors[0]));
  REQUIRE(first.exit_code == 0);
  std::string middle = scratch.Write(yaml ? "middle.json" : "middle.yaml", first.policy);
  ConvertRequest back;
  back.path = middle;
  back.to = yaml ? OutputDialect::kIntercept : OutputDialect::kJson;
  ConvertOutput second = RunConvert(back);
  INFO(first.policy << "\n" << second.report << (second.errors.empty() ? "" : second.errors[0]));
  REQUIRE(second.exit_code == 0);
  std::string end = scratch.Write(yaml ? "end.yaml" : "end.json", second.policy);
  CHECK(CanonicalOf(path) == CanonicalOf(middle));
  CHECK(CanonicalOf(path) == CanonicalOf(end));
}

TEST_CASE("convert: examples round-trip through the other dialect unchanged", "[convert]") {
  Scratch scratch;
  std::string examples = std::string(MCPOLICY_SOURCE_DIR) + "/examples/";
  for (const char* name : {"kestra-good.json", "kestra-good.yaml"}) {
    CheckRoundTrip(examples + name, scratch);
  }
}

TEST_CASE("convert: every construct both dialects share round-trips", "[convert]") {
  Scratch scratch;
  CheckRoundTrip(scratch.Write("all.json", R"({
    "version": "1", "default": "allow", "hide": ["gone", "*"],
    "all_tools": {"limits": [{"counter": "all", "window": "hour", "max": 600},
                             {"counter": "all2", "window": "hour", "max": 900, "scope": "grant"}]},
    "tools": {
      "pay": {"require": [{"path": "args.reason", "op": "exists"},
                          {"path": "args.currency", "op": "eq", "value": "EUR \"x\"\n"}],
              "deny_if": [{"path": "args.amount", "op": "gt", "value": 10000.5},
                          {"path": "args.kind", "op": "in", "value": ["a b", "true", "0755", 3, null]},
                          {"path": "args.dry", "op": "exists", "value": false}],
              "limits": [{"counter": "p1", "window": "minute", "max": 10, "scope": "grant"},
                         {"counter": "p2", "window": "minute", "max": 3, "scope": "grant"},
                         {"counter": "p3", "window": "day", "max": 0, "scope": "grant"}]},
      "list": {}}})"),
                 scratch);
  CheckRoundTrip(scratch.Write("all.yaml", R"(version: "1"
hide: ["*"]
tools:
  t:
    rules:
      - name: require arguments
        conditions:
          - {path: args.n, op: lte, value: 5}
          - {path: args.s, op: regex, value: "^a.*"}
      - name: r
        rate_limit: 7/day
  "*":
    rules:
      - {name: g, rate_limit: 100/hour}
)"),
                 scratch);
}

TEST_CASE("convert: constructs with no equivalent are findings, and stop the conversion", "[convert]") {
  Scratch scratch;
  std::string path = scratch.Write("lossy.yaml", R"(version: "1"
default: deny
tools:
  charge:
    rules:
      - name: cap
        conditions: [{path: state.charge.spend, op: lt, value: 1000}]
        state: {counter: spend, window: day, increment_from: args.amount}
      - name: r
        rate_limit: 5/hour
        on_deny: "no more"
  wipe:
    rules: [{name: block, action: deny}]
)");
  ConvertRequest request;
  request.path = path;
  request.to = OutputDialect::kJson;
  ConvertOutput out = RunConvert(request);
  CHECK(out.exit_code == 1);
  CHECK(out.policy.empty());
  REQUIRE(out.losses.size() == 4);
  CHECK(out.losses[0].line == 6);   // the spend cap rule's name
  CHECK(out.losses[1].line == 8);   // the spend cap's state block
  CHECK(out.losses[2].line == 11);  // on_deny
  CHECK(out.losses[3].line == 12);  // the deny rule
  for (const Diagnostic& d : out.losses) CHECK(d.rule == "no-equivalent");
  request.allow_loss = true;
  out = RunConvert(request);
  CHECK(out.exit_code == 0);
  CHECK(out.policy.find("\"hide\": [\n    \"wipe\"\n  ]") != std::string::npos);
  CHECK(out.policy.find("\"max\": 5") != std::string::npos);
}

TEST_CASE("convert: invalid input is one message with its position, exit 2", "[convert]") {
  Scratch scratch;
  ConvertRequest request;
  request.path = scratch.Write("bad.json", "{\"version\": \"1\", \"default\": \"deny\",\n  \"tools\": {\"a\": {\"limits\": 3}}}");
  ConvertOutput out = RunConvert(request);
  CHECK(out.exit_code == 2);
  REQUIRE(out.errors.size() == 1);
  CHECK(out.errors[0].find("bad.json:2:") != std::string::npos);
  request.path = scratch.Write("bad.yaml", "version: \"1\"\ntools: [\n");
  request.to = OutputDialect::kJson;
  out = RunConvert(request);
  CHECK(out.exit_code == 2);
  REQUIRE(out.errors.size() == 1);
  INFO(out.errors[0]);
  CHECK(out.errors[0].find("bad.yaml:3:1: ") != std::string::npos);
}

TEST_CASE("yaml emit: scalars read back as the string written", "[convert][yaml]") {
  const std::vector<std::string> texts = {
      "plain", "two words", "args.action", "true", "True", "yes", "off", "null", "~", "", "0755",
      "1e3", ".inf", "-x", "x: y", "a #b", "[a]", "*", "&x", "'q'", "\"dq\"", "back\\slash",
      "tab\there", "line\nbreak", "bell\a", "c1\xC2\x85", "bidi\xE2\x80\xAE", "sep\xE2\x80\xA8",
      "caf\xC3\xA9", " lead", "trail ", "5/hour"};
  for (const std::string& text : texts) {
    std::string doc = "k: " + yaml::Scalar(text) + "\n";
    INFO(doc);
    yaml::Tree tree = yaml::Tree::Parse(doc);
    REQUIRE(tree.ok());
    uint32_t value = tree.Entries(tree.root()).at(0).second;
    yaml::ScalarValue v = yaml::ResolveScalar(tree, value);
    CHECK(v.type == yaml::ScalarType::kString);
    CHECK(tree.ScalarText(value) == text);
    // Nothing that moves a terminal's cursor or reorders text is written raw.
    for (unsigned char c : doc.substr(0, doc.size() - 1)) CHECK((c >= 0x20 && c != 0x7F));
    CHECK(doc.find("\xE2\x80\xAE") == std::string::npos);
    CHECK(doc.find("\xC2\x85") == std::string::npos);
  }
  CHECK(yaml::Scalar("plain") == "plain");
  CHECK(yaml::Scalar("true") == "\"true\"");
}

}  // namespace
}  // namespace mcpolicy
