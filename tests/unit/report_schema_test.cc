// The JSON report validates against schemas/report.schema.json, checked with mcpolicy's own
// validator over findings of every kind.
#include <catch2/catch.hpp>
#include <string>

#include "mcpolicy/embedded.h"
#include "mcpolicy/json.h"
#include "mcpolicy/lint.h"
#include "mcpolicy/report.h"
#include "mcpolicy/schema.h"
#include "fix/planner.h"

namespace mcpolicy {
namespace {

TEST_CASE("report: JSON output matches schemas/report.schema.json", "[report]") {
  SchemaCompileResult compiled = Schema::Compile(
      json::Document::Parse(std::string(embedded::Find("schemas/report.schema.json"))));
  REQUIRE(compiled.ok());

  LintResult result;
  result.files_checked = 3;
  const char* inputs[] = {
      "{\"version\": \"1\", \"default\": \"deny\",}",
      "{\"version\": \"1\", \"default\": \"deny\", \"tools\": {\"a\": {}, \"a\": {\"action\": \"deny\"}}}",
      "{\"version\": 2}",
      // Findings with fixes: a safe one (the window) and an unsafe one (the limit).
      "{\"version\": \"1\", \"default\": \"deny\", \"tools\": {\"execute_flow\": {\"limits\": "
      "[{\"counter\": \"c\", \"window\": 60, \"max\": 10}]}, \"run_job\": {}}}",
  };
  int i = 0;
  LintOptions options;
  options.describe_fixes = fix::DescribeFixes;
  for (const char* text : inputs) {
    for (Diagnostic& d : LintText("p" + std::to_string(i++) + ".json", text, options)) {
      result.diagnostics.push_back(std::move(d));
    }
  }
  REQUIRE(result.diagnostics.size() >= 4);
  size_t with_fix = 0;
  for (const Diagnostic& d : result.diagnostics) with_fix += !d.fix_edits.empty();
  REQUIRE(with_fix >= 2);
  result.diagnostics[0].suppression = "reviewed";

  std::string report = FormatReport(result, ReportFormat::kJson, ReportOptions{});
  json::Document doc = json::Document::Parse(report);
  REQUIRE(doc.ok());
  CHECK(report.find("\"applicability\": \"safe\"") != std::string::npos);
  CHECK(report.find("\"applicability\": \"unsafe\"") != std::string::npos);
  std::string problems;
  for (const SchemaError& e : compiled.schema->Validate(doc.root())) {
    problems += e.pointer + ": " + e.message + "\n";
  }
  CHECK(problems == "");

  // The schema is not vacuous: a report missing its summary is rejected.
  json::Document broken = json::Document::Parse("{\"version\": 1, \"tool\": {\"name\": \"mcpolicy\", \"version\": \"x\"}, \"diagnostics\": []}");
  CHECK_FALSE(compiled.schema->IsValid(broken.root()));
}

}  // namespace
}  // namespace mcpolicy
