// The report renderers behind FormatReport (mcpolicy/report.h), one per format, and what they
// share.
#ifndef MCPOLICY_REPORT_FORMATS_H_
#define MCPOLICY_REPORT_FORMATS_H_

#include <string>

#include "mcpolicy/report.h"

namespace mcpolicy {

std::string FormatTextReport(const LintResult& result, const ReportOptions& options);

// GitLab Code Quality (a JSON array of issues), JUnit XML, checkstyle XML: ci_reports.cc.
std::string FormatGitlab(const LintResult& result);
std::string FormatJunit(const LintResult& result);
std::string FormatCheckstyle(const LintResult& result);

// 16 hex digits from path + rule + JSON pointer (the message for findings with no pointer), never
// the line, so a reformatted file keeps them (SARIF's partialFingerprints, GitLab's fingerprint).
std::string Fingerprint(const Diagnostic& d);

}  // namespace mcpolicy

#endif  // MCPOLICY_REPORT_FORMATS_H_
