// Fuzz target: lint end to end (mcpolicy/lint.h) on one in-memory policy, then every report
// format, which quotes source lines and places carets from the diagnostics' positions.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "mcpolicy/lint.h"
#include "mcpolicy/report.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  mcpolicy::LintResult result;
  result.diagnostics = mcpolicy::LintText(
      "fuzz.json", std::string(reinterpret_cast<const char*>(data), size), mcpolicy::LintOptions());
  result.files_checked = 1;
  for (const auto& d : result.diagnostics) {
    if (d.message.empty() || (d.line != 0 && d.column == 0)) std::abort();
  }
  mcpolicy::ReportOptions options;
  options.tool_version = "fuzz";
  for (auto format : {mcpolicy::ReportFormat::kText, mcpolicy::ReportFormat::kJson,
                      mcpolicy::ReportFormat::kGithub, mcpolicy::ReportFormat::kGitlab,
                      mcpolicy::ReportFormat::kJunit, mcpolicy::ReportFormat::kCheckstyle}) {
    (void)mcpolicy::FormatReport(result, format, options);
  }
  // SARIF repeats every rule's help text whatever the input, which costs most of the run time
  // under instrumentation: render it for one input in eight.
  if (size % 8 == 0) (void)mcpolicy::FormatReport(result, mcpolicy::ReportFormat::kSarif, options);
  options.color = true;
  (void)mcpolicy::FormatReport(result, mcpolicy::ReportFormat::kText, options);
  return 0;
}
