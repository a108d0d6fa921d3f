// Rendering lint results: text for people, JSON for scripts, SARIF for code scanning, GitHub
// workflow commands for pull-request annotations, and what other CI systems read: GitLab Code
// Quality, JUnit XML, checkstyle XML.
#ifndef MCPOLICY_REPORT_H_
#define MCPOLICY_REPORT_H_

#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "mcpolicy/lint.h"

namespace mcpolicy {

enum class ReportFormat { kText, kJson, kSarif, kGithub, kGitlab, kJunit, kCheckstyle };

std::optional<ReportFormat> ParseReportFormat(std::string_view name);

struct ReportOptions {
  bool color = false;     // ANSI colours in text output
  bool verbose = false;   // text: list skipped files
  bool summary = true;    // text: closing summary lines (problems, then fixes available)
  bool unsafe_fixes = false;  // text: unsafe fixes count as applied by --fix (--unsafe-fixes given)
  std::string tool_version;
};

struct FixInfo;  // mcpolicy/rules.h

// The files whose fixes `lint --fix` does not apply although their findings carry remedies: those
// with duplicate keys (which entry a fix should change is ambiguous), as findings name them.
std::set<std::string> FilesLeftUnfixed(const LintResult& result);

// The fix a report shows for `d` (counted in the text summary, written in JSON and SARIF): its
// remedy's entry in the rule registry, for an unsuppressed finding of a file not in `unfixed`;
// else nullptr.
const FixInfo* ShownFix(const Diagnostic& d, const std::set<std::string>& unfixed);

// The whole report as one string (written to stdout or atomically to -o FILE). Tool errors
// (result.errors) are not part of it: the caller prints them to stderr.
std::string FormatReport(const LintResult& result, ReportFormat format, const ReportOptions& options);

}  // namespace mcpolicy

#endif  // MCPOLICY_REPORT_H_
