// JSON, SARIF 2.1.0 and GitHub workflow-command renderings of a lint result.
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "mcpolicy/escape.h"
#include "mcpolicy/report.h"
#include "mcpolicy/rules.h"
#include "report/formats.h"
#include "report/sarif.h"

namespace mcpolicy {
namespace {

using ordered_json = nlohmann::ordered_json;

std::string Dump(const ordered_json& j) {
  // Replace, not throw, on invalid UTF-8: messages quote user text.
  // C1 and bidirectional characters are written as \u escapes (see mcpolicy/escape.h).
  return EscapeJsonText(j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

std::string FormatJson(const LintResult& result, const ReportOptions& options) {
  ordered_json report;
  report["version"] = 1;
  report["tool"] = {{"name", "mcpolicy"}, {"version", options.tool_version}};
  ordered_json diagnostics = ordered_json::array();
  size_t counts[3] = {0, 0, 0};
  const std::set<std::string> unfixed = FilesLeftUnfixed(result);
  for (const Diagnostic& d : result.diagnostics) {
    ordered_json j;
    j["rule"] = d.rule;
    j["severity"] = SeverityName(d.severity);
    j["path"] = d.path;
    j["line"] = d.line;
    j["column"] = d.column;
    j["end_line"] = d.end_line;
    j["end_column"] = d.end_column;
    j["pointer"] = d.pointer;
    j["message"] = d.message;
    if (const FixInfo* fix = ShownFix(d, unfixed)) {
      ordered_json edits = ordered_json::array();
      for (const FixEdit& e : d.fix_edits) {
        edits.push_back({{"line", e.line},
                         {"column", e.column},
                         {"end_line", e.end_line},
                         {"end_column", e.end_column},
                         {"text", e.text}});
      }
      j["fix"] = {{"applicability", ApplicabilityName(fix->applicability)},
                  {"message", fix->summary},
                  {"edits", std::move(edits)}};
    }
    if (!d.suppression.empty()) {
      j["suppressed"] = true;
      j["justification"] = d.suppression;
    } else {
      ++counts[static_cast<int>(d.severity)];
    }
    diagnostics.push_back(std::move(j));
  }
  report["diagnostics"] = std::move(diagnostics);
  if (!result.servers.empty()) {
    ordered_json servers = ordered_json::array();
    for (const PolicyServer& s : result.servers) {
      ordered_json j{{"path", s.path}, {"server", s.server}, {"source", s.source}};
      if (s.source == "inferred") {
        j["matched"] = s.matched;
        j["total"] = s.total;
      }
      servers.push_back(std::move(j));
    }
    report["servers"] = std::move(servers);
  }
  report["summary"] = {{"files_checked", result.files_checked},
                       {"files_skipped", result.skipped.size()},
                       {"errors", counts[2]},
                       {"warnings", counts[1]},
                       {"notes", counts[0]},
                       {"baselined", result.baselined}};
  return Dump(report);
}

std::string_view SarifLevel(Severity s) {
  switch (s) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kNote: return "note";
  }
  return "error";
}

// "duplicate-key" -> "DuplicateKey".
std::string PascalCase(std::string_view kebab) {
  std::string out;
  bool upper = true;
  for (char c : kebab) {
    if (c == '-') {
      upper = true;
      continue;
    }
    out.push_back(upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c);
    upper = false;
  }
  return out;
}

std::string FormatSarif(const LintResult& result, const ReportOptions& options) {
  ordered_json rules = ordered_json::array();
  std::vector<std::string_view> rule_ids;
  for (const RuleInfo& r : AllRules()) {
    ordered_json rule;
    rule["id"] = r.name;
    rule["name"] = PascalCase(r.name);  // SARIF wants a readable name distinct from the id
    rule["shortDescription"] = {{"text", r.summary}};
    rule["fullDescription"] = {{"text", r.summary}};
    std::string doc(RuleDoc(r.name));
    if (doc.empty()) doc = std::string(r.summary);
    rule["help"] = {{"text", doc}, {"markdown", doc}};
    rule["helpUri"] = sarif::HelpUri("rules/" + std::string(r.name) + ".md");
    rule["defaultConfiguration"] = {{"level", SarifLevel(r.default_severity)}};
    rule["properties"] = {{"tags", {"mcp", "policy"}}};
    rules.push_back(std::move(rule));
    rule_ids.push_back(r.name);
  }
  const std::string root = sarif::SourceRoot();
  const std::set<std::string> unfixed = FilesLeftUnfixed(result);
  ordered_json results = ordered_json::array();
  for (const Diagnostic& d : result.diagnostics) {
    ordered_json r;
    r["ruleId"] = d.rule;
    auto it = std::find(rule_ids.begin(), rule_ids.end(), d.rule);
    if (it != rule_ids.end()) r["ruleIndex"] = it - rule_ids.begin();
    r["level"] = SarifLevel(d.severity);
    r["message"] = {{"text", d.message}};
    ordered_json region;
    region["startLine"] = d.line ? d.line : 1;
    region["startColumn"] = d.column ? d.column : 1;
    if (d.end_line >= d.line && d.end_line > 0) {
      region["endLine"] = d.end_line;
      region["endColumn"] = d.end_column;
    }
    r["locations"] = ordered_json::array(
        {{{"physicalLocation",
           {{"artifactLocation", sarif::ArtifactLocation(d.path, root)},
            {"region", std::move(region)}}}}});
    const FixInfo* fix = ShownFix(d, unfixed);
    if (fix && !d.fix_edits.empty()) {
      // SARIF 2.1.0 §3.55: one fix, its replacements in the finding's own file; an insertion is
      // an empty deletedRegion.
      ordered_json replacements = ordered_json::array();
      for (const FixEdit& e : d.fix_edits) {
        replacements.push_back({{"deletedRegion",
                                 {{"startLine", e.line},
                                  {"startColumn", e.column},
                                  {"endLine", e.end_line},
                                  {"endColumn", e.end_column}}},
                                {"insertedContent", {{"text", e.text}}}});
      }
      r["fixes"] = ordered_json::array(
          {{{"description", {{"text", fix->summary}}},
            {"artifactChanges",
             ordered_json::array({{{"artifactLocation", sarif::ArtifactLocation(d.path, root)},
                                   {"replacements", std::move(replacements)}}})},
            {"properties", {{"applicability", ApplicabilityName(fix->applicability)}}}}});
    }
    r["partialFingerprints"] = {{"mcpolicy/v1", Fingerprint(d)}};
    if (!d.pointer.empty()) r["properties"] = {{"pointer", d.pointer}};
    if (!d.suppression.empty()) {
      r["suppressions"] = ordered_json::array({{{"kind", "external"}, {"justification", d.suppression}}});
    }
    results.push_back(std::move(r));
  }
  ordered_json run;
  run["tool"] = {{"driver",
                  {{"name", "mcpolicy"},
                   {"version", options.tool_version},
                   {"semanticVersion", options.tool_version},
                   {"informationUri", sarif::HelpUri("rules/")},
                   {"rules", std::move(rules)}}}};
  run["originalUriBaseIds"] = sarif::OriginalUriBaseIds(root);
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = std::move(results);
  ordered_json sarif;
  sarif["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  sarif["version"] = "2.1.0";
  sarif["runs"] = ordered_json::array({std::move(run)});
  return Dump(sarif);
}

// Workflow-command data: escaped for a terminal first (GitHub's log viewer interprets ANSI
// sequences), then GitHub's own %-escapes.
std::string EscapeData(std::string_view s) {
  std::string out;
  for (char c : Escaped(s)) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out.push_back(c);
  }
  return out;
}

std::string EscapeProperty(std::string_view s) {
  std::string out;
  for (char c : EscapeData(s)) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out.push_back(c);
  }
  return out;
}

std::string FormatGithub(const LintResult& result) {
  std::string out;
  for (const Diagnostic& d : result.diagnostics) {
    if (!d.suppression.empty()) continue;
    std::string_view command = d.severity == Severity::kError     ? "error"
                               : d.severity == Severity::kWarning ? "warning"
                                                                  : "notice";
    out += "::" + std::string(command) + " file=" + EscapeProperty(d.path);
    if (d.line > 0) {
      out += ",line=" + std::to_string(d.line) + ",col=" + std::to_string(d.column);
      if (d.end_line > 0) {
        out += ",endLine=" + std::to_string(d.end_line) + ",endColumn=" + std::to_string(d.end_column);
      }
    }
    out += ",title=" + EscapeProperty("mcpolicy " + d.rule) + "::" + EscapeData(d.message) + "\n";
  }
  return out;
}

}  // namespace

std::set<std::string> FilesLeftUnfixed(const LintResult& result) {
  std::set<std::string> out;
  for (const Diagnostic& d : result.diagnostics) {
    if (d.rule == "duplicate-key") out.insert(d.path);
  }
  return out;
}

const FixInfo* ShownFix(const Diagnostic& d, const std::set<std::string>& unfixed) {
  if (!d.suppression.empty() || !d.remedy || unfixed.count(d.path)) return nullptr;
  return FindFix(d.rule, *d.remedy);
}

std::string Fingerprint(const Diagnostic& d) {
  uint64_t h = 1469598103934665603ull;
  auto mix = [&](std::string_view s) {
    for (char c : s) {
      h ^= static_cast<unsigned char>(c);
      h *= 1099511628211ull;
    }
    h ^= 0xff;
    h *= 1099511628211ull;
  };
  mix(d.path);
  mix(d.rule);
  mix(d.pointer);
  if (d.pointer.empty()) mix(d.message);  // parse errors have no pointer
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::optional<ReportFormat> ParseReportFormat(std::string_view name) {
  if (name == "text") return ReportFormat::kText;
  if (name == "json") return ReportFormat::kJson;
  if (name == "sarif") return ReportFormat::kSarif;
  if (name == "github") return ReportFormat::kGithub;
  if (name == "gitlab") return ReportFormat::kGitlab;
  if (name == "junit") return ReportFormat::kJunit;
  if (name == "checkstyle") return ReportFormat::kCheckstyle;
  return std::nullopt;
}

std::string FormatReport(const LintResult& result, ReportFormat format, const ReportOptions& options) {
  switch (format) {
    case ReportFormat::kText: return FormatTextReport(result, options);
    case ReportFormat::kJson: return FormatJson(result, options);
    case ReportFormat::kSarif: return FormatSarif(result, options);
    case ReportFormat::kGithub: return FormatGithub(result);
    case ReportFormat::kGitlab: return FormatGitlab(result);
    case ReportFormat::kJunit: return FormatJunit(result);
    case ReportFormat::kCheckstyle: return FormatCheckstyle(result);
  }
  return "";
}

}  // namespace mcpolicy
