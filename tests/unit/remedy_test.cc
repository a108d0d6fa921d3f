// The tier table and treatment strings shared by recommend and lint --fix.
#include <catch2/catch.hpp>
#include <optional>
#include <string>

#include "mcpolicy/config.h"
#include "mcpolicy/remedy.h"

namespace mcpolicy {
namespace {

TEST_CASE("ParseTreatment accepts allow, hide and N/window and nothing else") {
  struct Row {
    const char* text;
    std::optional<std::string> round_trip;  // nullopt: rejected
  };
  const Row rows[] = {
      {"allow", "allow"},       {"hide", "hide"},          {"30/minute", "30/minute"},
      {"1/day", "1/day"},       {"600/hour", "600/hour"},  {"0/minute", std::nullopt},
      {"-1/minute", std::nullopt}, {"30/second", std::nullopt}, {"30", std::nullopt},
      {"/minute", std::nullopt},  {"3x/minute", std::nullopt}, {"", std::nullopt},
      {"Allow", std::nullopt},    {"1000000001/day", std::nullopt},
  };
  for (const Row& row : rows) {
    INFO(row.text);
    std::optional<Treatment> t = ParseTreatment(row.text);
    REQUIRE(t.has_value() == row.round_trip.has_value());
    if (t) CHECK(t->ToString() == *row.round_trip);
  }
}

TEST_CASE("Every tier hides destructive and financial tools and lists reads") {
  for (Tier tier : {Tier::kStrict, Tier::kRecommended, Tier::kPermissive}) {
    INFO(TierName(tier));
    CHECK(ParseTier(TierName(tier)) == tier);
    CHECK(TreatmentFor(Category::kRead, tier).kind == Treatment::Kind::kAllow);
    CHECK(TreatmentFor(Category::kDestructive, tier).kind == Treatment::Kind::kHide);
    CHECK(TreatmentFor(Category::kFinancial, tier).kind == Treatment::Kind::kHide);
  }
  CHECK_FALSE(ParseTier("lenient").has_value());
}

TEST_CASE("The recommended tier is DOMAIN.md's table; strict hides all but reads") {
  CHECK(TreatmentFor(Category::kWrite, Tier::kRecommended).ToString() == "30/minute");
  CHECK(TreatmentFor(Category::kExecute, Tier::kRecommended).ToString() == "10/minute");
  CHECK(TreatmentFor(Category::kOther, Tier::kRecommended).ToString() == "60/minute");
  for (Category c : {Category::kWrite, Category::kExecute, Category::kOther}) {
    CHECK(TreatmentFor(c, Tier::kStrict).kind == Treatment::Kind::kHide);
  }
}

TEST_CASE("No tier's limit is above the loose-limit rule's default ceilings") {
  Thresholds t;
  const std::pair<Category, double> ceilings[] = {{Category::kWrite, t.write_per_minute},
                                                  {Category::kExecute, t.execute_per_minute},
                                                  {Category::kOther, t.other_per_minute}};
  for (Tier tier : {Tier::kStrict, Tier::kRecommended, Tier::kPermissive}) {
    for (const auto& [category, ceiling] : ceilings) {
      Treatment tr = TreatmentFor(category, tier);
      if (tr.kind != Treatment::Kind::kLimit) continue;
      INFO(TierName(tier) << " " << CategoryName(category));
      CHECK(tr.max / WindowMinutes(tr.window) <= ceiling);
    }
  }
}

TEST_CASE("An override replaces one category's row only") {
  TreatmentOverrides overrides;
  overrides[static_cast<size_t>(Category::kWrite)] = ParseTreatment("5/hour");
  CHECK(TreatmentFor(Category::kWrite, Tier::kStrict, overrides).ToString() == "5/hour");
  CHECK(TreatmentFor(Category::kExecute, Tier::kRecommended, overrides).ToString() == "10/minute");
  CHECK(CounterName("execute_flow") == "execute_flow_rate");
}

}  // namespace
}  // namespace mcpolicy
