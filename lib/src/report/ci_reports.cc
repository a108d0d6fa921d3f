// GitLab Code Quality, JUnit XML and checkstyle XML renderings of a lint result: the formats CI
// systems other than GitHub read. Suppressed findings are left out of GitLab's and checkstyle's
// reports (they would show as open issues) and are JUnit testcases marked skipped.
#include <nlohmann/json.hpp>

#include <map>
#include <string>

#include "mcpolicy/escape.h"
#include "mcpolicy/rule_groups.h"
#include "report/formats.h"

namespace mcpolicy {
namespace {

// Code Climate categories (which GitLab accepts) by rule group.
std::string_view CodeClimateCategory(std::string_view rule) {
  const RuleGroup* group = GroupOfRule(rule);
  if (!group) return "Bug Risk";
  if (group->name == "risk") return "Security";
  if (group->name == "hygiene") return "Clarity";
  if (group->name == "suppressions") return "Style";
  return "Bug Risk";
}

// GitLab's severities are info, minor, major, critical, blocker.
std::string_view GitlabSeverity(Severity s) {
  switch (s) {
    case Severity::kError: return "major";
    case Severity::kWarning: return "minor";
    case Severity::kNote: return "info";
  }
  return "major";
}

// Text for an XML attribute or element: escaped for a terminal first (as every report is; XML 1.0
// cannot hold most control characters at all), then the five XML specials.
std::string Xml(std::string_view text) {
  std::string out;
  for (char c : Escaped(text)) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

// ` name="value"`, the value escaped. Built by appending: GCC 12 at -O3 warns (-Wrestrict) about
// some "literal" + std::string temporaries.
std::string Attribute(std::string_view name, std::string_view value) {
  std::string out = " ";
  out += name;
  out += "=\"";
  out += Xml(value);
  out += '"';
  return out;
}

std::string Attribute(std::string_view name, size_t value) { return Attribute(name, std::to_string(value)); }

std::string Position(const Diagnostic& d) {
  std::string out = d.path;
  out += ':';
  out += std::to_string(d.line);
  out += ':';
  out += std::to_string(d.column);
  return out;
}

constexpr const char* kXmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

}  // namespace

std::string FormatGitlab(const LintResult& result) {
  nlohmann::ordered_json issues = nlohmann::ordered_json::array();
  // GitLab keys issues by fingerprint: a second finding with the same path, rule and pointer gets
  // its occurrence number appended, so none is merged into another.
  std::map<std::string, int> seen;
  for (const Diagnostic& d : result.diagnostics) {
    if (!d.suppression.empty()) continue;
    std::string fingerprint = Fingerprint(d);
    if (int n = seen[fingerprint]++; n > 0) {
      fingerprint += '-';
      fingerprint += std::to_string(n);
    }
    const uint32_t line = d.line ? d.line : 1;
    const uint32_t column = d.column ? d.column : 1;
    nlohmann::ordered_json issue;
    issue["type"] = "issue";
    issue["check_name"] = d.rule;
    issue["description"] = d.message;
    issue["categories"] = nlohmann::ordered_json::array({CodeClimateCategory(d.rule)});
    issue["severity"] = GitlabSeverity(d.severity);
    issue["fingerprint"] = fingerprint;
    nlohmann::ordered_json begin = {{"line", line}, {"column", column}};
    nlohmann::ordered_json end = begin;
    if (d.end_line >= line && d.end_line > 0) end = {{"line", d.end_line}, {"column", d.end_column}};
    issue["location"] = {{"path", d.path},
                         {"lines", {{"begin", line}, {"end", end["line"]}}},
                         {"positions", {{"begin", std::move(begin)}, {"end", std::move(end)}}}};
    issues.push_back(std::move(issue));
  }
  return EscapeJsonText(issues.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

std::string FormatJunit(const LintResult& result) {
  // One testsuite per file with findings, one failing testcase per finding; a run with none is
  // one passing testcase, so a CI's test view shows the check ran.
  std::map<std::string, std::vector<const Diagnostic*>> by_file;
  size_t failures = 0, skipped = 0;
  for (const Diagnostic& d : result.diagnostics) {
    by_file[d.path].push_back(&d);
    (d.suppression.empty() ? failures : skipped) += 1;
  }
  const size_t tests = result.diagnostics.empty() ? 1 : result.diagnostics.size();
  std::string out = kXmlDeclaration;
  out += std::string("<testsuites") + Attribute("name", "mcpolicy") + Attribute("tests", tests) +
         Attribute("failures", failures) + Attribute("errors", size_t{0}) + Attribute("skipped", skipped) + ">\n";
  if (result.diagnostics.empty()) {
    out += std::string("  <testsuite") + Attribute("name", "mcpolicy") + Attribute("tests", size_t{1}) +
           Attribute("failures", size_t{0}) + Attribute("errors", size_t{0}) + Attribute("skipped", size_t{0}) +
           ">\n";
    out += std::string("    <testcase") + Attribute("name", std::string("no findings in ") + std::to_string(result.files_checked) +
                                                     (result.files_checked == 1 ? " file" : " files")) +
           Attribute("classname", "mcpolicy") + "/>\n  </testsuite>\n";
  }
  for (const auto& [path, findings] : by_file) {
    size_t file_failures = 0;
    for (const Diagnostic* d : findings) file_failures += d->suppression.empty() ? 1 : 0;
    out += std::string("  <testsuite") + Attribute("name", path) + Attribute("tests", findings.size()) +
           Attribute("failures", file_failures) + Attribute("errors", size_t{0}) +
           Attribute("skipped", findings.size() - file_failures) + ">\n";
    for (const Diagnostic* d : findings) {
      std::string name = d->rule;
      name += " at ";
      name += std::to_string(d->line);
      name += ':';
      name += std::to_string(d->column);
      out += std::string("    <testcase") + Attribute("name", name) + Attribute("classname", path) + Attribute("file", path) +
             Attribute("line", d->line) + ">\n";
      if (d->suppression.empty()) {
        std::string text = Position(*d);
        text += ": ";
        text += SeverityName(d->severity);
        text += ": ";
        text += d->message;
        text += " [";
        text += d->rule;
        text += ']';
        out += std::string("      <failure") + Attribute("message", d->message) + Attribute("type", d->rule) + ">" + Xml(text) +
               "</failure>\n";
      } else {
        out += std::string("      <skipped") + Attribute("message", "suppressed: " + d->suppression) + "/>\n";
      }
      out += "    </testcase>\n";
    }
    out += "  </testsuite>\n";
  }
  return out + "</testsuites>\n";
}

std::string FormatCheckstyle(const LintResult& result) {
  std::string out = kXmlDeclaration;
  out += "<checkstyle version=\"4.3\">\n";
  const std::string* open_path = nullptr;
  for (const Diagnostic& d : result.diagnostics) {
    if (!d.suppression.empty()) continue;
    if (!open_path || d.path != *open_path) {
      if (open_path) out += "  </file>\n";
      out += std::string("  <file") + Attribute("name", d.path) + ">\n";
      open_path = &d.path;
    }
    std::string_view severity = d.severity == Severity::kNote ? "info" : SeverityName(d.severity);
    out += std::string("    <error") + Attribute("line", d.line) + Attribute("column", d.column) +
           Attribute("severity", severity) + Attribute("message", d.message) +
           Attribute("source", "mcpolicy." + d.rule) + "/>\n";
  }
  if (open_path) out += "  </file>\n";
  return out + "</checkstyle>\n";
}

}  // namespace mcpolicy
