// Tests of the signals beyond the name: description cues, input-schema
// features, annotations, and the contracts of the Classifier object (bad
// lexicons, reuse, threads).
#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "mcpolicy/classify.h"
#include "mcpolicy/embedded.h"

namespace mcpolicy {
namespace {

const Classifier& TheClassifier() {
  // The rules alone: these tests pin the lexicon's behaviour, not the learned model's.
  static const Classifier classifier(embedded::Find("catalog/lexicon.json"));
  return classifier;
}

bool HasEvidence(const Classification& c, std::string_view text) {
  for (const std::string& e : c.evidence) {
    if (e == text) return true;
  }
  return false;
}

std::string Evidence(const Classification& c) {
  std::string out;
  for (const std::string& e : c.evidence) out += " | " + e;
  return out;
}

TEST_CASE("Description cues raise the category, never lower a clear verb",
          "[classify]") {
  const struct {
    std::string_view name, description;
    Category category;
  } kCases[] = {
      {"update_document",
       "Replaces the document body. The old body is overwritten.",
       Category::kDestructive},
      {"remove_member", "Removes a member from the team.",
       Category::kDestructive},
      {"archive_project", "Archive a project. This action cannot be undone.",
       Category::kDestructive},
      {"update_subscribers", "Sends an email to every subscriber.",
       Category::kExecute},
      {"submit_form", "Charges the customer's card for the order total.",
       Category::kFinancial},
      {"workflow_runs",
       "Workflow operations, including running, pausing and deleting runs.",
       Category::kDestructive},
      {"list_files", "Lists files. Read-only.", Category::kRead},
  };
  for (const auto& c : kCases) {
    ToolInfo tool;
    tool.name = c.name;
    tool.description = c.description;
    const Classification got = TheClassifier().Classify(tool);
    INFO(c.name << ": " << c.description << " ->" << Evidence(got));
    CHECK(got.category == c.category);
  }
}

TEST_CASE("A description's opening verb decides a name without one",
          "[classify]") {
  const struct {
    std::string_view name, description;
    Category category;
  } kCases[] = {
      {"invoices", "Retrieves the invoices of an account.", Category::kRead},
      {"user_groups", "Creates or updates a user group.", Category::kWrite},
      {"pipelines", "This tool will trigger a pipeline run.",
       Category::kExecute},
      {"tabs", "List, create, close, or select a browser tab.",
       Category::kExecute},
      {"export_data", "", Category::kRead},
  };
  for (const auto& c : kCases) {
    ToolInfo tool;
    tool.name = c.name;
    tool.description = c.description;
    const Classification got = TheClassifier().Classify(tool);
    INFO(c.name << ": " << c.description << " ->" << Evidence(got));
    CHECK(got.category == c.category);
  }
  ToolInfo tool;
  tool.name = "invoices";
  tool.description = "Retrieves the invoices of an account.";
  const Classification got = TheClassifier().Classify(tool);
  CHECK(HasEvidence(got, "description: \"retrieves\" means read"));
  CHECK(HasEvidence(got, "no verb in the name"));
}

TEST_CASE("A read-only claim settles an input-dependent verb", "[classify]") {
  ToolInfo tool;
  tool.name = "run_query";
  tool.description = "Runs a read-only SQL query against the warehouse.";
  const Classification got = TheClassifier().Classify(tool);
  INFO(Evidence(got));
  CHECK(got.category == Category::kRead);
  CHECK(HasEvidence(
      got,
      "description: \"read-only\" settles the input-dependent verb: read"));
}

TEST_CASE("An operation enum shows a multiplexer's worst operation",
          "[classify]") {
  ToolInfo tool;
  tool.name = "manage_apps";
  tool.properties = {"action", "app_id"};
  tool.enums = {{"action", {"get", "list", "enable", "disable"}}};
  Classification got = TheClassifier().Classify(tool);
  INFO(Evidence(got));
  CHECK(got.category == Category::kWrite);
  CHECK(got.confidence >= 0.8);

  tool.enums = {
      {"action", {"get", "pause", "kill", "delete", "change_status"}}};
  got = TheClassifier().Classify(tool);
  CHECK(got.category == Category::kDestructive);
  CHECK(HasEvidence(got, "schema: action enum has \"delete\" (destructive)"));

  tool.name =
      "get_app";  // a clear name is only raised by the schema, never lowered
  tool.enums = {{"operation", {"list", "read"}}};
  CHECK(TheClassifier().Classify(tool).category == Category::kRead);
  tool.enums = {{"mode", {"read", "drop"}}};
  CHECK(TheClassifier().Classify(tool).category == Category::kDestructive);
}

TEST_CASE("Argument names speak only where the name leaves the operation open",
          "[classify]") {
  ToolInfo tool;
  tool.name = "sandbox";
  tool.properties = {"code", "timeout"};
  Classification got = TheClassifier().Classify(tool);
  CHECK(got.category == Category::kExecute);
  CHECK(HasEvidence(got, "schema: argument \"code\" (execute)"));

  tool.name = "search_issues";  // "query" is an argument of every search tool
  tool.properties = {"query", "limit"};
  got = TheClassifier().Classify(tool);
  CHECK(got.category == Category::kRead);
}

TEST_CASE("Hints are one untrusted signal; contradictions are reported",
          "[classify]") {
  ToolInfo tool;
  tool.name = "delete_record";
  tool.hints.read_only = true;
  Classification got = TheClassifier().Classify(tool);
  CHECK(got.category == Category::kDestructive);
  CHECK(HasEvidence(got, "hint readOnlyHint=true contradicts verb \"delete\""));

  tool.name = "execute_query";
  got = TheClassifier().Classify(tool);
  CHECK(got.category == Category::kRead);
  CHECK(HasEvidence(
      got, "hint readOnlyHint=true settles the input-dependent verb: read"));

  // MCP semantics: destructiveHint=true without readOnlyHint=true rules out read.
  tool.name = "list_records";
  tool.hints.read_only.reset();
  tool.hints.destructive = true;
  got = TheClassifier().Classify(tool);
  INFO(Evidence(got));
  CHECK(got.category == Category::kWrite);
  CHECK(got.uncertain);
  CHECK(
      HasEvidence(got, "hint destructiveHint=true contradicts verb \"list\""));
  CHECK(HasEvidence(got, "hint destructiveHint=true rules out read: assuming write, low confidence"));

  tool.name = "get_item";
  tool.hints = {};
  tool.hints.read_only = true;
  const double with_hint = TheClassifier().Classify(tool).confidence;
  tool.hints = {};
  CHECK(with_hint > TheClassifier().Classify(tool).confidence);
}

TEST_CASE("readOnlyHint=false rules out read; readOnlyHint=true settles a name without a verb",
          "[classify]") {
  ToolInfo tool;
  tool.name = "records_tool";
  tool.hints.read_only = false;
  Classification got = TheClassifier().Classify(tool);
  INFO(Evidence(got));
  CHECK(got.category != Category::kRead);
  CHECK(got.uncertain);
  tool.name = "get_records";  // a read verb contradicted by the server's own declaration
  got = TheClassifier().Classify(tool);
  CHECK(got.category == Category::kWrite);
  CHECK(HasEvidence(got, "hint readOnlyHint=false rules out read: assuming write, low confidence"));
  tool.name = "records_tool";
  tool.hints.read_only = true;
  got = TheClassifier().Classify(tool);
  CHECK(got.category == Category::kRead);
  CHECK_FALSE(got.uncertain);
  CHECK(HasEvidence(got, "hint readOnlyHint=true: read"));
}

TEST_CASE("An operation of unknown effect keeps an enum from proving a read", "[classify]") {
  ToolInfo tool;
  tool.name = "account_tool";
  tool.enums = {{"action", {"get", "frobnicate"}}};
  Classification got = TheClassifier().Classify(tool);
  INFO(Evidence(got));
  CHECK(got.category != Category::kRead);
  CHECK(got.uncertain);
  CHECK(HasEvidence(got, "schema: action enum has \"frobnicate\", an operation of unknown effect"));
  tool.enums = {{"action", {"get", "list"}}};
  CHECK(TheClassifier().Classify(tool).category == Category::kRead);
}

TEST_CASE("A broken lexicon is an error value, never a crash", "[classify]") {
  const struct {
    std::string_view json, error;
  } kCases[] = {
      {"", "the lexicon is empty (catalog/lexicon.json was not embedded)"},
      {"{", "the lexicon is not valid JSON"},
      {"[]", "the lexicon must be a JSON object"},
      {R"({"version": 2})", "lexicon \"version\" must be 1"},
      {R"({"version": 1, "verbs": [{"category": "nope", "words": ["x"]}]})",
       "unknown category in verbs"},
      {R"({"version": 1, "rules": [{"verbs": ["zap"], "category": "read"}]})",
       "rule verb \"zap\" is not in \"verbs\""},
      {R"({"version": 1, "description_cues": [{"category": "read", "label": "x", "pattern": "("}]})",
       "description cue \"x\": missing ): ("},
      {R"({"version": 1, "verbs": [{"category": "read", "words": [1]}]})",
       "verbs words must be strings"},
  };
  for (const auto& c : kCases) {
    const Classifier classifier(c.json);
    INFO(c.json);
    CHECK_FALSE(classifier.ok());
    CHECK(classifier.error() == c.error);
    ToolInfo tool;
    tool.name = "delete_everything";
    const Classification got = classifier.Classify(tool);
    CHECK(got.category == Category::kOther);
    CHECK(got.confidence == 0);
  }
}

TEST_CASE("A minimal lexicon classifies with its own words only",
          "[classify]") {
  const Classifier classifier(
      R"({"version": 1, "verbs": [{"category": "destructive", "words": ["zap"]}]})");
  REQUIRE(classifier.ok());
  ToolInfo tool;
  tool.name = "zap_widget";
  CHECK(classifier.Classify(tool).category == Category::kDestructive);
  tool.name = "delete_widget";  // not in this lexicon: nothing recognised, so not read
  CHECK(classifier.Classify(tool).category == Category::kWrite);
  CHECK(classifier.Classify(tool).uncertain);
  tool.description =
      "Deletes everything, permanently.";  // no cues in this lexicon
  CHECK(classifier.Classify(tool).category == Category::kWrite);
}

TEST_CASE("Classify into a reused Classification gives the same answers",
          "[classify]") {
  const char* kNames[] = {"list_items", "manage_users", "delete_file",
                          "x",          "send_sms",     "get_or_create_user"};
  Classification reused;
  for (int round = 0; round < 2; ++round) {
    for (const char* name : kNames) {
      ToolInfo tool;
      tool.name = name;
      TheClassifier().Classify(tool, &reused);
      const Classification fresh = TheClassifier().Classify(tool);
      INFO(name);
      CHECK(reused.category == fresh.category);
      CHECK(reused.confidence == fresh.confidence);
      CHECK(reused.evidence == fresh.evidence);
    }
  }
}

TEST_CASE("One Classifier serves many threads", "[classify]") {
  const char* kNames[] = {"list_items", "drop_table", "charge_card", "run_job",
                          "edit_page"};
  std::vector<Category> expected;
  for (const char* name : kNames) {
    ToolInfo tool;
    tool.name = name;
    tool.description = "Permanently removes old rows.";
    expected.push_back(TheClassifier().Classify(tool).category);
  }
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      Classification out;
      for (int i = 0; i < 2000; ++i) {
        ToolInfo tool;
        tool.name = kNames[i % 5];
        tool.description = "Permanently removes old rows.";
        TheClassifier().Classify(tool, &out);
        mismatches[t] += out.category != expected[i % 5];
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (int m : mismatches) CHECK(m == 0);
}

TEST_CASE("Category names, parsing, risk and severity", "[classify]") {
  for (Category c :
       {Category::kRead, Category::kWrite, Category::kExecute,
        Category::kDestructive, Category::kFinancial, Category::kOther}) {
    CHECK(ParseCategory(CategoryName(c)) == c);
  }
  CHECK_FALSE(ParseCategory("Read").has_value());
  CHECK(RiskOf(Category::kRead) == Risk::kLow);
  CHECK(RiskOf(Category::kOther) == Risk::kLow);
  CHECK(RiskOf(Category::kWrite) == Risk::kMedium);
  CHECK(RiskOf(Category::kExecute) == Risk::kHigh);
  CHECK(RiskOf(Category::kDestructive) == Risk::kCritical);
  CHECK(RiskOf(Category::kFinancial) == Risk::kCritical);
  CHECK(RiskName(Risk::kCritical) == "critical");
  CHECK(DangerRank(Category::kOther) == DangerRank(Category::kRead));
  CHECK(DangerRank(Category::kFinancial) == DangerRank(Category::kDestructive));
  CHECK(DangerRank(Category::kExecute) > DangerRank(Category::kWrite));
}

TEST_CASE("Evidence never assumes a category the answer is not", "[classify]") {
  // Each name alone would be read as an assumption (a multiplexer's worst plausible operation,
  // an input-dependent verb, a name without a verb); the schema, the hints or the model then
  // decide otherwise, and the assumption must not stay in the evidence.
  const std::vector<std::string_view> subscription_ops = {"list", "create", "update", "cancel"};
  const std::vector<std::string_view> read_ops = {"get", "list"};
  const struct {
    std::string_view name;
    std::vector<EnumProperty> enums;
    std::optional<bool> read_only;
  } kCases[] = {
      {"manage_subscriptions", {{"action", subscription_ops}}, std::nullopt},
      {"manage_webhooks", {{"operation", read_ops}}, std::nullopt},
      {"board_items", {}, std::nullopt},
      {"run_query", {}, true},
      {"records_tool", {}, false},
  };
  for (const auto& c : kCases) {
    ToolInfo tool;
    tool.name = c.name;
    tool.enums = c.enums;
    for (const EnumProperty& e : c.enums) tool.properties.push_back(e.name);
    tool.hints.read_only = c.read_only;
    const Classification got = TheClassifier().Classify(tool);
    INFO(c.name << " -> " << CategoryName(got.category) << ":" << Evidence(got));
    for (const std::string& e : got.evidence) {
      for (Category other : {Category::kRead, Category::kWrite, Category::kExecute,
                             Category::kDestructive, Category::kFinancial, Category::kOther}) {
        if (other == got.category) continue;
        std::string name(CategoryName(other));
        CHECK(e.find("plausible (" + name + ")") == std::string::npos);
        CHECK(e.find("assuming " + name) == std::string::npos);
      }
    }
  }
  // The issue's case: execute, and no "assuming the worst plausible (destructive)" beside it.
  ToolInfo manage;
  manage.name = "manage_subscriptions";
  manage.enums = {{"action", subscription_ops}};
  manage.properties = {"action"};
  const Classification got = TheClassifier().Classify(manage);
  CHECK(got.category == Category::kExecute);
  CHECK(HasEvidence(got, "\"manage\" (token 1) selects among operations the name does not list"));
}

}  // namespace
}  // namespace mcpolicy
