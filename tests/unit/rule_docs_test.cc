// The examples of docs/rules/*.md (as embedded for `mcpolicy explain`) are checked by linting
// them: every block under "## Example" must fire the page's rule and every block under "## Fixed"
// must not. A page's "**Dialects:**" line says which dialects its examples are written in, and
// the blocks must match it: both a ```json and a ```yaml pair, one dialect's only, or (for the
// rules about .mcpolicy.json) configuration files, linted with a policy they apply to.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "mcpolicy/lint.h"
#include "mcpolicy/rules.h"

namespace mcpolicy {
namespace {

namespace fs = std::filesystem;

enum class Dialects { kBoth, kJsonOnly, kYamlOnly, kConfiguration, kUnknown };

Dialects DialectsOf(std::string_view doc) {
  constexpr std::string_view kLine = "\n**Dialects:** ";
  size_t at = doc.find(kLine);
  if (at == std::string_view::npos || doc.find(kLine, at + 1) != std::string_view::npos) {
    return Dialects::kUnknown;
  }
  std::string_view text = doc.substr(at + kLine.size());
  text = text.substr(0, text.find('\n'));
  if (text.starts_with("PolicyLayer JSON and Intercept YAML")) return Dialects::kBoth;
  if (text.starts_with("PolicyLayer JSON only")) return Dialects::kJsonOnly;
  if (text.starts_with("Intercept YAML only")) return Dialects::kYamlOnly;
  if (text.starts_with("neither: it is about the configuration file")) return Dialects::kConfiguration;
  return Dialects::kUnknown;
}

struct Block {
  std::string language;  // "json" or "yaml"
  std::string text;
};

// The fenced json and yaml blocks of one "## NAME" section.
std::vector<Block> Blocks(std::string_view doc, std::string_view section) {
  std::vector<Block> out;
  std::string heading = "\n## " + std::string(section) + "\n";
  size_t begin = doc.find(heading);
  if (begin == std::string_view::npos) return out;
  begin += heading.size();
  size_t end = doc.find("\n## ", begin);
  std::string_view body = doc.substr(begin, end == std::string_view::npos ? doc.npos : end - begin);
  for (size_t at = 0; (at = body.find("```", at)) != std::string_view::npos;) {
    size_t line_end = body.find('\n', at);
    size_t close = body.find("\n```", line_end);
    REQUIRE(line_end != std::string_view::npos);
    REQUIRE(close != std::string_view::npos);
    std::string language(body.substr(at + 3, line_end - at - 3));
    if (language == "json" || language == "yaml") {
      out.push_back({language, std::string(body.substr(line_end + 1, close - line_end))});
    }
    at = close + 4;
  }
  return out;
}

size_t Count(const std::vector<Block>& blocks, std::string_view language) {
  size_t n = 0;
  for (const Block& b : blocks) n += b.language == language;
  return n;
}

// A scratch directory, removed at the end of the test.
struct Scratch {
  fs::path dir;
  explicit Scratch(const std::string& name)
      : dir(fs::temp_directory_path() /
            ("mcpolicy-rule-docs-" + std::to_string(::getpid()) + "-" + name)) {
    fs::remove_all(dir);
    fs::create_directories(dir / "policies");
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  std::string Write(const std::string& relative, const std::string& text) const {
    std::ofstream(dir / relative, std::ios::binary) << text;
    return (dir / relative).string();
  }
};

// The policy the configuration examples name ("policies/kestra.json"): execute_flow is listed
// with no limit, so a suppression of its unlimited-execute finding is used.
constexpr const char* kSuppressedPolicy = R"({
  "version": "1",
  "default": "deny",
  "tools": { "list_executions": {}, "execute_flow": {} }
})";

// Lints one example block; returns what lint reported, one finding a line, for the message.
std::string Lint(const Scratch& scratch, const Block& block, bool configuration, bool* fired,
                 std::string_view rule) {
  LintOptions options;
  options.jobs = 1;
  std::string path;
  if (configuration) {
    options.config_file = scratch.Write(".mcpolicy.json", block.text);
    options.today = "2024-02-01";  // between the expired example's date and the renewed one's
    path = scratch.Write("policies/kestra.json", kSuppressedPolicy);
  } else {
    options.no_config = true;
    path = scratch.Write("example." + block.language, block.text);
  }
  LintResult result = LintPaths({path}, options);
  std::string seen;
  *fired = false;
  for (const std::string& e : result.errors) seen += "error: " + e + "\n";
  for (const Diagnostic& d : result.diagnostics) {
    *fired |= d.rule == rule;
    seen += std::to_string(d.line) + ":" + std::to_string(d.column) + " [" + d.rule + "] " +
            d.message + "\n";
  }
  return seen;
}

TEST_CASE("rule docs: each page's examples fire its rule and its fixed versions do not",
          "[rules][docs]") {
  for (const RuleInfo& rule : AllRules()) {
    std::string name(rule.name);
    std::string doc(RuleDoc(name));
    INFO("docs/rules/" << name << ".md");
    Dialects dialects = DialectsOf(doc);
    REQUIRE(dialects != Dialects::kUnknown);
    std::vector<Block> examples = Blocks(doc, "Example");
    std::vector<Block> fixed = Blocks(doc, "Fixed");
    for (const std::vector<Block>* blocks : {&examples, &fixed}) {
      size_t json = Count(*blocks, "json"), yaml = Count(*blocks, "yaml");
      switch (dialects) {
        case Dialects::kBoth:
          CHECK(json >= 1);
          CHECK(yaml >= 1);
          break;
        case Dialects::kJsonOnly:
        case Dialects::kConfiguration:
          CHECK(json >= 1);
          CHECK(yaml == 0);
          break;
        case Dialects::kYamlOnly:
          CHECK(json == 0);
          CHECK(yaml >= 1);
          break;
        case Dialects::kUnknown:
          break;
      }
    }
    Scratch scratch(name);
    for (const auto& [blocks, should_fire] : {std::pair{&examples, true}, {&fixed, false}}) {
      for (const Block& block : *blocks) {
        bool fired = false;
        std::string seen =
            Lint(scratch, block, dialects == Dialects::kConfiguration, &fired, rule.name);
        INFO((should_fire ? "Example" : "Fixed") << " (" << block.language << "):\n"
                                                 << block.text << "lint reported:\n"
                                                 << seen);
        CHECK(fired == should_fire);
      }
    }
  }
}

TEST_CASE("rule docs: the example extractor reads sections and languages", "[rules][docs]") {
  const std::string doc =
      "# r\n\n**Dialects:** PolicyLayer JSON and Intercept YAML\n\n## Example\n```json\n{}\n```\n"
      "In Intercept YAML:\n```yaml\na: 1\n```\n\n## Fixed\n```text\nnot linted\n```\n```yaml\nb: 2\n"
      "```\n\n## Fix\n```json\n[]\n```\n";
  CHECK(DialectsOf(doc) == Dialects::kBoth);
  std::vector<Block> examples = Blocks(doc, "Example");
  REQUIRE(examples.size() == 2);
  CHECK(examples[0].language == "json");
  CHECK(examples[0].text == "{}\n");
  CHECK(examples[1].text == "a: 1\n");
  std::vector<Block> fixed = Blocks(doc, "Fixed");  // "## Fix" is another section
  REQUIRE(fixed.size() == 1);
  CHECK(fixed[0].text == "b: 2\n");
  CHECK(DialectsOf("# r\n\n**Dialects:** Intercept YAML only\n") == Dialects::kYamlOnly);
  CHECK(DialectsOf("# r\n\nno line\n") == Dialects::kUnknown);
}

}  // namespace
}  // namespace mcpolicy
