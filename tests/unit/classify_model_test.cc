// The learned part of the classifier: features, the model file, how the model and the rules
// combine, and the safety promises that hold whatever the weights are.
#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "classify/features.h"
#include "classify/model.h"
#include "classify/tokenizer.h"
#include "mcpolicy/classify.h"
#include "mcpolicy/embedded.h"

namespace mcpolicy {
namespace {

const Classifier& Full() {
  static const Classifier classifier;  // embedded lexicon and model
  return classifier;
}

std::vector<std::string> FeaturesOf(std::string_view name) {
  ToolInfo tool;
  tool.name = name;
  classify::FeatureBuffer buffer;
  classify::ToolFeatures(*Full().lexicon(), tool, &buffer);
  std::vector<std::string> out;
  for (size_t i = 0; i < buffer.count; ++i) out.emplace_back(buffer.at(i));
  return out;
}

bool Has(const std::vector<std::string>& list, std::string_view item) {
  for (const std::string& s : list) {
    if (s == item) return true;
  }
  return false;
}

TEST_CASE("The embedded model loads and is bound to the embedded lexicon", "[classify]") {
  REQUIRE(Full().ok());
  REQUIRE(Full().model() != nullptr);
  CHECK(Full().model()->keys().size() > 100);
  std::string error;
  CHECK(classify::Model::Parse(embedded::Find("catalog/classifier-model.json"), &error));
  CHECK(error.empty());
}

TEST_CASE("Features name what the rules and the name say", "[classify]") {
  const std::vector<std::string> f = FeaturesOf("d1_database_delete");
  CHECK(Has(f, "b:bias"));
  CHECK(Has(f, "w:delete"));
  CHECK(Has(f, "l:delete"));
  CHECK(Has(f, "v:destructive"));
  CHECK(Has(f, "h:destructive/clear"));
  CHECK(Has(f, "c:store"));
  const std::vector<std::string> plural = FeaturesOf("list_assets");
  CHECK(Has(plural, "w:asset"));  // unknown words lose a plural "s"
  CHECK(Has(plural, "h:read/clear"));
  CHECK(classify::DescribeFeature("w:delete") == "name word \"delete\"");
  CHECK(classify::DescribeFeature("ro:false") == "readOnlyHint=false");
}

TEST_CASE("A model scores, explains and never answers other", "[classify]") {
  using W = classify::Weights;
  auto model = classify::Model::Make({"b:bias", "w:zap", "w:quux"},
                                     {W{0.5f, 0, 0, 0, 0, 9}, W{0, 0, 0, 3, 0, 0},
                                      W{0, 1, 0, 0, 0, 0}},
                                     0);
  classify::FeatureBuffer f;
  f.Add("b:", "bias");
  f.Add("w:", "zap");
  f.Add("w:", "unknown");
  classify::Model::Scores s;
  model->Score(f, &s);
  CHECK(s.best == Category::kDestructive);
  CHECK(s.probability[static_cast<size_t>(Category::kOther)] == 0);
  REQUIRE(s.top[0] >= 0);
  CHECK(model->keys()[s.top[0]] == "w:zap");
  f.Clear();
  f.Add("b:", "bias");
  model->Score(f, &s);
  CHECK(s.best == Category::kRead);  // "other" is never the answer
  // The model file round-trips.
  std::string error;
  auto again = classify::Model::Parse(model->ToJson("test"), &error);
  REQUIRE(again);
  CHECK(again->keys().size() == 3);
}

TEST_CASE("A malformed model is an error value", "[classify]") {
  const std::string_view lexicon = embedded::Find("catalog/lexicon.json");
  for (std::string_view bad :
       {"{", "[]", "{\"version\": 2}", "{\"version\": 1, \"classes\": [\"read\"]}",
        "{\"version\": 1, \"classes\": [\"read\", \"write\", \"execute\", \"destructive\", "
        "\"financial\", \"other\"], \"features\": {\"w:x\": [1, 2]}}"}) {
    const Classifier c(lexicon, bad);
    INFO(bad);
    CHECK_FALSE(c.ok());
    CHECK_FALSE(c.error().empty());
    ToolInfo tool;
    tool.name = "delete_file";
    CHECK(c.Classify(tool).category == Category::kOther);
  }
}

TEST_CASE("Safe when unsure, whatever the model says", "[classify]") {
  ToolInfo tool;
  tool.name = "records_tool";
  tool.hints.read_only = false;
  Classification c = Full().Classify(tool);
  CHECK(c.category != Category::kRead);
  // Names with no verb: a read answer is always flagged uncertain, so nothing is allowed as {}.
  for (std::string_view name : {"records_tool", "board_items", "widget_catalogue", "zorblax",
                                "quiet_hours_off", "mysql_cli"}) {
    ToolInfo t;
    t.name = name;
    c = Full().Classify(t);
    INFO(name << " -> " << CategoryName(c.category));
    CHECK((c.category != Category::kRead || c.uncertain));
  }
}

TEST_CASE("A confident model overrules a clear verb only when the tool shows more than its name",
          "[classify]") {
  using W = classify::Weights;
  const auto model = classify::Model::Make(
      {"b:bias", "w:widget", "w:gizmo"},
      {W{0, 0, 0, 0, 0, 0}, W{0, 0, 0, 0, 9, 0}, W{9, 0, 0, 0, 0, 0}}, 0, {0.6f, 0.9f});
  const std::string json = model->ToJson("test");
  std::string error;
  const auto parsed = classify::Model::Parse(json, &error);
  REQUIRE(parsed);
  CHECK(parsed->overrule().raise == Approx(0.6f));
  CHECK(parsed->overrule().lower == Approx(0.9f));
  const Classifier c(embedded::Find("catalog/lexicon.json"), json);
  REQUIRE(c.ok());

  ToolInfo tool;
  tool.name = "update_widget";
  CHECK(c.Classify(tool).category == Category::kWrite);  // a bare name keeps its clear verb
  tool.description = "Updates a widget.";
  Classification out = c.Classify(tool);
  CHECK(out.category == Category::kFinancial);
  REQUIRE_FALSE(out.evidence.empty());
  CHECK(out.evidence[0].find("overruling the rules") != std::string::npos);

  // Lowered to read: nothing but the model says read, so the answer is flagged a guess, and
  // readOnlyHint=false still rules read out.
  tool.name = "delete_gizmo";
  tool.description = "Deletes a gizmo.";
  out = c.Classify(tool);
  CHECK(out.category == Category::kRead);
  CHECK(out.uncertain);
  tool.hints.read_only = false;
  CHECK(c.Classify(tool).category == Category::kDestructive);

  // Without an overrule the rules' clear verbs stand.
  const auto plain = classify::Model::Make(
      {"b:bias", "w:widget"}, {W{0, 0, 0, 0, 0, 0}, W{0, 0, 0, 0, 9, 0}}, 0);
  const Classifier rules_first(embedded::Find("catalog/lexicon.json"), plain->ToJson("test"));
  tool = {};
  tool.name = "update_widget";
  tool.description = "Updates a widget.";
  CHECK(rules_first.Classify(tool).category == Category::kWrite);

  const Classifier bad(embedded::Find("catalog/lexicon.json"),
                       "{\"version\": 1, \"classes\": [\"read\", \"write\", \"execute\", "
                       "\"destructive\", \"financial\", \"other\"], \"overrule\": {\"raise\": "
                       "\"high\"}, \"features\": {}}");
  CHECK_FALSE(bad.ok());
  CHECK(bad.error().find("overrule") != std::string::npos);
}

TEST_CASE("Version markers are not words of a name", "[classify]") {
  classify::TokenBuffer b;
  classify::Tokenize("instant-payout-v3", {}, &b);
  REQUIRE(b.count == 2);
  CHECK(b.at(1) == "payout");
  classify::Tokenize("TwilioApiV2010--UpdateCall", {}, &b);
  REQUIRE(b.count == 4);
  CHECK(b.at(2) == "update");
  CHECK(b.segment == 2);
  classify::Tokenize("v2", {}, &b);
  CHECK(b.count == 0);
  classify::Tokenize("s3_v2_list", {}, &b);
  REQUIRE(b.count == 2);
  CHECK(b.pair(0) == "s3_list");
}

}  // namespace
}  // namespace mcpolicy
