// The rule groups and the registry stay one-to-one; --enable/--disable expansion.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "mcpolicy/rule_groups.h"
#include "mcpolicy/rules.h"

namespace mcpolicy {
namespace {

TEST_CASE("every rule is in exactly one group, and every group member is a rule") {
  std::map<std::string, int> groups_of;
  for (const RuleGroup& g : AllRuleGroups()) {
    INFO("group " << g.name);
    CHECK(FindRule(g.name) == nullptr);  // a group name never shadows a rule
    CHECK(std::is_sorted(g.rules.begin(), g.rules.end()));
    CHECK(!g.rules.empty());
    for (std::string_view rule : g.rules) {
      INFO("rule " << rule);
      CHECK(FindRule(rule) != nullptr);
      ++groups_of[std::string(rule)];
    }
  }
  for (const RuleInfo& r : AllRules()) {
    INFO("rule " << r.name);
    CHECK(groups_of[std::string(r.name)] == 1);
    REQUIRE(GroupOfRule(r.name) != nullptr);
    CHECK(std::count(GroupOfRule(r.name)->rules.begin(), GroupOfRule(r.name)->rules.end(), r.name) == 1);
  }
  CHECK(FindRuleGroup("risk") != nullptr);
  CHECK(FindRuleGroup("hygiene") != nullptr);
  CHECK(GroupOfRule("unlimited-execute")->name == "risk");
  CHECK(GroupOfRule("no-such-rule") == nullptr);
}

TEST_CASE("group names expand; a rule named on its own wins over a group on the other side") {
  struct Case {
    std::vector<std::string> enable, disable, want_enable, want_disable;
  };
  const RuleGroup* syntax = FindRuleGroup("syntax");
  REQUIRE(syntax != nullptr);
  std::vector<std::string> all_syntax(syntax->rules.begin(), syntax->rules.end());
  std::vector<std::string> syntax_but_schema = all_syntax;
  syntax_but_schema.erase(std::find(syntax_but_schema.begin(), syntax_but_schema.end(), "schema"));
  const Case cases[] = {
      {{"syntax"}, {}, all_syntax, {}},
      {{}, {"syntax"}, {}, all_syntax},
      {{"schema"}, {"syntax"}, {"schema"}, syntax_but_schema},
      {{"syntax"}, {"schema"}, syntax_but_schema, {"schema"}},
      {{"deny-all", "no-such"}, {}, {"deny-all", "no-such"}, {}},       // others kept for the error
      {{"syntax", "schema"}, {}, all_syntax, {}},                         // no duplicates
      {{"syntax"}, {"syntax"}, all_syntax, all_syntax},                  // both: lint reports it
  };
  for (const Case& c : cases) {
    std::vector<std::string> enable = c.enable, disable = c.disable;
    ExpandRuleGroups(enable, disable);
    CHECK(enable == c.want_enable);
    CHECK(disable == c.want_disable);
  }
}

}  // namespace
}  // namespace mcpolicy
