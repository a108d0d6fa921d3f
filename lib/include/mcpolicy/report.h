// Rendering lint results: text for people, JSON for scripts, SARIF for code scanning, GitHub
// workflow commands for pull-request annotations, and what other CI systems read: GitLab Code
// Quality, JUnit XML, checkstyle XML.
#ifndef MCPOLICY_REPORT_H_
#define MCPOLICY_REPORT_H_

#include <optional>
#include <string>
#include <string_view>

#include "mcpolicy/lint.h"

namespace mcpolicy {

enum class ReportFormat { kText, kJson, kSarif, kGithub, kGitlab, kJunit, kCheckstyle };

std::optional<ReportFormat> ParseReportFormat(std::string_view name);

struct ReportOptions {
  bool color = false;     // ANSI colours in text output
  bool verbose = false;   // text: list skipped files
  bool summary = true;    // text: closing summary line
  std::string tool_version;
};

// The whole report as one string (written to stdout or atomically to -o FILE). Tool errors
// (result.errors) are not part of it: the caller prints them to stderr.
std::string FormatReport(const LintResult& result, ReportFormat format, const ReportOptions& options);

}  // namespace mcpolicy

#endif  // MCPOLICY_REPORT_H_
