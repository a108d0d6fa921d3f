// Keeps the rule registry, docs/rules/ and tests/golden/rules/ one-to-one, and the table sorted.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "mcpolicy/rules.h"

namespace mcpolicy {
namespace {

namespace fs = std::filesystem;

std::set<std::string> Stems(const fs::path& dir, const std::string& extension, bool directories) {
  std::set<std::string> out;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (directories ? entry.is_directory() : entry.path().extension() == extension) {
      out.insert(directories ? entry.path().filename().string() : entry.path().stem().string());
    }
  }
  return out;
}

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST_CASE("rules: the table is sorted and names are kebab-case", "[rules]") {
  auto rules = AllRules();
  REQUIRE(!rules.empty());
  for (size_t i = 1; i < rules.size(); ++i) CHECK(rules[i - 1].name < rules[i].name);
  for (const RuleInfo& r : rules) {
    INFO(r.name);
    for (char c : r.name) CHECK(((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'));
    CHECK(FindRule(r.name) == &r);
    CHECK(!r.summary.empty());
  }
  CHECK(FindRule("no-such-rule") == nullptr);
  CHECK(UnknownRuleMessage("duplicate-keys") ==
        "unknown rule \"duplicate-keys\"; did you mean \"duplicate-key\"?");
}

TEST_CASE("rules: registry, docs and golden folders are one-to-one", "[rules]") {
  fs::path root = MCPOLICY_SOURCE_DIR;
  std::set<std::string> registry;
  for (const RuleInfo& r : AllRules()) registry.insert(std::string(r.name));
  CHECK(Stems(root / "docs" / "rules", ".md", false) == registry);
  CHECK(Stems(root / "tests" / "golden" / "rules", "", true) == registry);
  const std::string docs_fix = ReadAll(root / "docs" / "fix.md");
  for (const std::string& name : registry) {
    INFO(name);
    // The embedded page is the file on disk, and it has every section.
    std::string doc(RuleDoc(name));
    CHECK(doc == ReadAll(root / "docs" / "rules" / (name + ".md")));
    CHECK(doc.rfind("# " + name + "\n", 0) == 0);
    for (const char* section : {"## What it flags", "## Why it matters", "## Example", "## Fixed"}) {
      CHECK(doc.find(section) != std::string::npos);
    }
    // A rule with fixes documents each, by name, with its applicability; one without has no
    // "## Fix" section.
    const RuleInfo* info = FindRule(name);
    REQUIRE(info);
    CHECK((doc.find("\n## Fix\n") != std::string::npos) == !info->fixes.empty());
    // docs/fix.md's table gives every rule with fixes a row.
    if (!info->fixes.empty()) CHECK(docs_fix.find(name) != std::string::npos);
    for (const FixInfo& f : info->fixes) {
      INFO(f.name);
      std::string mention = "`";
      mention.append(f.name).append("` (").append(ApplicabilityName(f.applicability));
      CHECK(doc.find(mention) != std::string::npos);
    }
    // At least one case fires the rule and at least one stays silent about it.
    bool fires = false, silent = false;
    for (const auto& c : fs::directory_iterator(root / "tests" / "golden" / "rules" / name)) {
      std::string expected = ReadAll(c.path() / "expected");
      bool mentions = expected.find("[" + name + "]") != std::string::npos;
      fires |= mentions;
      silent |= !mentions;
    }
    CHECK(fires);
    CHECK(silent);
  }
}

}  // namespace
}  // namespace mcpolicy
