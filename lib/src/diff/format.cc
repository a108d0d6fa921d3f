// Text, JSON, GitHub workflow-command and SARIF renderings of a diff and of a --git set of diffs.
#include <nlohmann/json.hpp>

#include <cstdio>
#include <map>

#include "mcpolicy/diff.h"
#include "mcpolicy/escape.h"
#include "mcpolicy/io.h"
#include "util/text.h"
#include "report/sarif.h"

namespace mcpolicy {
namespace {

using ordered_json = nlohmann::ordered_json;

std::string Subject(const DiffChange& c) {
  if (!c.tool.empty()) return Escaped(c.tool);
  if (!c.subject.empty()) return Escaped(c.subject);
  return c.kind == ChangeKind::kDefaultAllow || c.kind == ChangeKind::kDefaultDeny ? "default"
                                                                                   : "all_tools";
}

// "execute_flow (execute, high): allowed with no limit, was denied by default"
std::string Sentence(const DiffChange& c) {
  std::string out = Subject(c);
  out += " (";
  if (c.category) {
    out += CategoryName(*c.category);
    out += ", ";
  }
  out += RiskName(c.risk);
  out += "): ";
  AppendEscaped(out, c.message);
  return out;
}

// "risk increased: 2 increases, 1 decrease", "risk decreased: ...", "no change in risk".
std::string Verdict(const DiffResult& result) {
  size_t increases = 0;
  for (const DiffChange& c : result.changes) increases += c.increase;
  size_t decreases = result.changes.size() - increases;
  if (result.changes.empty()) return "no change in risk";
  if (increases == 0) return "risk decreased: " + Plural(decreases, "decrease");
  std::string out = "risk increased: " + Plural(increases, "increase");
  if (decreases) out += ", " + Plural(decreases, "decrease");
  return out;
}

// The change lines of one result, at its path.
std::string ChangeLines(const DiffResult& result) {
  std::string out;
  for (const DiffChange& c : result.changes) {
    AppendEscaped(out, result.path());
    if (c.new_position.line > 0) {
      out += ':';
      out += std::to_string(c.new_position.line);
      out += ':';
      out += std::to_string(c.new_position.column);
    }
    out += c.increase ? ": increase: " : ": decrease: ";
    out += Sentence(c);
    out += " [";
    out += ChangeKindName(c.kind);
    out += "]\n";
  }
  return out;
}

// "; policy added" for a side that did not exist, "" otherwise.
std::string AbsentNote(const DiffResult& result) {
  if (result.old_absent) return "; policy added (compared with an empty policy)";
  if (result.new_absent) return "; policy removed (compared with an empty policy)";
  return "";
}

std::string FormatText(const DiffResult& result, bool summary) {
  std::string out = ChangeLines(result);
  if (!summary) return out;
  return out + Verdict(result) + AbsentNote(result) + "; server: " + Escaped(result.server) + "\n";
}

// Every file's changes, then a line per file and one for the whole set.
std::string FormatSetText(const DiffSet& set, bool summary, bool verbose) {
  std::string out;
  for (const DiffResult& r : set.files) out += ChangeLines(r);
  if (!summary) return out;
  size_t increases = 0, changes = 0, increased = 0;
  std::map<std::string_view, size_t> statuses;
  for (const DiffResult& r : set.files) {
    AppendEscaped(out, r.path());
    out += ": " + std::string(r.status());
    if (r.status() == "renamed") out += " from " + Escaped(r.old_path);
    out += ": " + Verdict(r) + "; server: " + Escaped(r.server) + "\n";
    for (const DiffChange& c : r.changes) increases += c.increase;
    changes += r.changes.size();
    increased += r.increased();
    ++statuses[r.status()];
  }
  std::string counts;
  for (std::string_view status : {"added", "removed", "renamed", "changed"}) {
    if (statuses[status] == 0) continue;
    counts += (counts.empty() ? "" : ", ") + std::to_string(statuses[status]) + " " +
              std::string(status);
  }
  std::string policies = std::to_string(set.files.size()) +
                         (set.files.size() == 1 ? " changed policy" : " changed policies");
  if (set.files.empty()) {
    out += "no changed policy since " + Escaped(set.base);
  } else if (increased > 0) {
    out += "risk increased in " + std::to_string(increased) + " of " + policies;
  } else {
    out += (changes ? "risk decreased in " : "no change in risk in ") + policies;
  }
  if (!set.files.empty()) {
    out += " since " + Escaped(set.base) + " (" + counts + "): " + Plural(increases, "increase") +
           ", " + Plural(changes - increases, "decrease");
  }
  if (!set.skipped.empty()) out += "; " + Plural(set.skipped.size(), "changed file") + " skipped";
  out += "\n";
  if (verbose) {
    for (const std::string& skipped : set.skipped) out += "skipped " + Escaped(skipped) + "\n";
  }
  return out;
}

ordered_json Position(const DiffPosition& p) {
  ordered_json j;
  if (p.line > 0) {
    j["line"] = p.line;
    j["column"] = p.column;
  }
  j["pointer"] = p.pointer;
  return j;
}

ordered_json Input(const std::string& path, bool absent) {
  ordered_json j{{"path", path}};
  if (absent) j["absent"] = true;
  return j;
}

// One comparison: its inputs, server, changes and summary.
ordered_json ReportObject(const DiffResult& result) {
  ordered_json report;
  report["old"] = Input(result.old_path, result.old_absent);
  report["new"] = Input(result.new_path, result.new_absent);
  report["server"] = result.server;
  ordered_json changes = ordered_json::array();
  size_t increases = 0;
  for (const DiffChange& c : result.changes) {
    increases += c.increase;
    ordered_json j;
    j["tool"] = c.tool.empty() ? ordered_json(nullptr) : ordered_json(c.tool);
    j["subject"] = c.tool.empty() ? Subject(c) : c.tool;
    j["kind"] = ChangeKindName(c.kind);
    j["direction"] = c.increase ? "increase" : "decrease";
    j["category"] = c.category ? ordered_json(CategoryName(*c.category)) : ordered_json(nullptr);
    j["risk"] = RiskName(c.risk);
    j["old"] = Position(c.old_position);
    j["new"] = Position(c.new_position);
    j["message"] = c.message;
    changes.push_back(std::move(j));
  }
  report["changes"] = std::move(changes);
  report["summary"] = {{"increases", increases},
                       {"decreases", result.changes.size() - increases},
                       {"risk_increased", increases > 0}};
  return report;
}

std::string Dump(const ordered_json& report) {
  // Replace, not throw, on invalid UTF-8: messages quote user text. C1 and bidirectional
  // characters are written as \u escapes (see mcpolicy/escape.h).
  return EscapeJsonText(report.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) +
                        "\n");
}

ordered_json Header(const std::string& tool_version) {
  ordered_json report;
  report["version"] = 1;
  report["tool"] = {{"name", "mcpolicy"}, {"version", tool_version}};
  return report;
}

std::string FormatJson(const DiffResult& result, const std::string& tool_version) {
  ordered_json report = Header(tool_version);
  report.update(ReportObject(result));
  return Dump(report);
}

std::string FormatSetJson(const DiffSet& set, const std::string& tool_version) {
  ordered_json report = Header(tool_version);
  report["base"] = set.base;
  ordered_json files = ordered_json::array();
  size_t increases = 0, changes = 0;
  for (const DiffResult& r : set.files) {
    ordered_json file{{"status", r.status()}};
    file.update(ReportObject(r));
    files.push_back(std::move(file));
    for (const DiffChange& c : r.changes) increases += c.increase;
    changes += r.changes.size();
  }
  report["files"] = std::move(files);
  report["skipped"] = set.skipped;
  report["summary"] = {{"policies", set.files.size()},
                       {"increases", increases},
                       {"decreases", changes - increases},
                       {"risk_increased", increases > 0}};
  return Dump(report);
}

// Workflow-command escaping, after escaping for a terminal (GitHub's log viewer interprets ANSI
// sequences): data escapes %, CR and LF; properties also ':' and ','.
std::string Escape(std::string_view s, bool property) {
  std::string out;
  for (char c : Escaped(s)) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else if (property && c == ':')
      out += "%3A";
    else if (property && c == ',')
      out += "%2C";
    else
      out.push_back(c);
  }
  return out;
}

std::string FormatGithub(const DiffResult& result) {
  std::string out;
  for (const DiffChange& c : result.changes) {
    out += c.increase ? "::error file=" : "::notice file=";
    out += Escape(result.path(), true);
    if (c.new_position.line > 0) {
      out += ",line=" + std::to_string(c.new_position.line) +
             ",col=" + std::to_string(c.new_position.column);
    }
    out += ",title=" + Escape("mcpolicy diff " + std::string(ChangeKindName(c.kind)), true) +
           "::" + Escape(Sentence(c), false) + "\n";
  }
  return out;
}

// What each kind of change means, for the SARIF rules (docs/diff.md's table).
constexpr std::pair<ChangeKind, const char*> kKindSummaries[] = {
    {ChangeKind::kBecameReachable, "A tool that was denied by default is allowed."},
    {ChangeKind::kBecameUnreachable, "A tool that was allowed is denied by default."},
    {ChangeKind::kLeftHide, "A hidden tool is allowed."},
    {ChangeKind::kHidden, "An allowed tool is hidden."},
    {ChangeKind::kLostLimit, "A tool's own limits were removed."},
    {ChangeKind::kGainedLimit, "A tool gained limits of its own."},
    {ChangeKind::kLoosenedLimit, "A tool's strictest limit allows more calls per minute."},
    {ChangeKind::kTightenedLimit, "A tool's strictest limit allows fewer calls per minute."},
    {ChangeKind::kLostGuard, "A condition that stopped some calls of a tool was removed."},
    {ChangeKind::kGainedGuard, "A condition now stops some calls of a tool."},
    {ChangeKind::kDefaultAllow, "\"default\" became allow: unlisted tools are reachable."},
    {ChangeKind::kDefaultDeny, "\"default\" became deny: unlisted tools are denied."},
    {ChangeKind::kLostAllToolsLimit, "The all_tools limits were removed."},
    {ChangeKind::kGainedAllToolsLimit, "all_tools limits were added."},
    {ChangeKind::kLoosenedAllToolsLimit, "The strictest all_tools limit allows more calls."},
    {ChangeKind::kTightenedAllToolsLimit, "The strictest all_tools limit allows fewer calls."},
};

// "lost-limit" -> "LostLimit".
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

// Stable across reformatting: path, kind and subject, never the line.
std::string Fingerprint(const DiffResult& result, const DiffChange& c) {
  uint64_t h = 1469598103934665603ull;
  for (std::string_view part : {std::string_view(result.path()), ChangeKindName(c.kind),
                                std::string_view(c.tool)}) {
    for (char ch : part) {
      h ^= static_cast<unsigned char>(ch);
      h *= 1099511628211ull;
    }
    h ^= 0xff;
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

// One SARIF run over every result: a rule per kind of change, a result per change (error for an
// increase, note for a decrease) at the new file's line, or the removed file's path.
std::string FormatSarif(const std::vector<const DiffResult*>& results,
                        const std::string& tool_version) {
  ordered_json rules = ordered_json::array();
  for (const auto& [kind, summary] : kKindSummaries) {
    bool increase = static_cast<int>(kind) % 2 == 0;
    std::string name = PascalCase(ChangeKindName(kind));
    if (name == "Hidden") name = "BecameHidden";  // SARIF wants a name distinct from the id
    rules.push_back({{"id", ChangeKindName(kind)},
                     {"name", name},
                     {"shortDescription", {{"text", summary}}},
                     {"fullDescription", {{"text", summary}}},
                     {"helpUri", sarif::HelpUri("diff.md")},
                     {"defaultConfiguration", {{"level", increase ? "error" : "note"}}},
                     {"properties", {{"tags", {"mcp", "policy", "diff"}}}}});
  }
  const std::string root = sarif::SourceRoot();
  ordered_json out_results = ordered_json::array();
  for (const DiffResult* r : results) {
    for (const DiffChange& c : r->changes) {
      // A change with no node in the new file (a removed policy's) is placed at its first line.
      ordered_json physical{{"artifactLocation", sarif::ArtifactLocation(r->path(), root)}};
      physical["region"] = {{"startLine", c.new_position.line ? c.new_position.line : 1},
                            {"startColumn", c.new_position.line ? c.new_position.column : 1}};
      ordered_json j;
      j["ruleId"] = ChangeKindName(c.kind);
      j["ruleIndex"] = static_cast<int>(c.kind);
      j["level"] = c.increase ? "error" : "note";
      j["message"] = {{"text", Sentence(c)}};
      j["locations"] = ordered_json::array({{{"physicalLocation", std::move(physical)}}});
      j["partialFingerprints"] = {{"mcpolicy-diff/v1", Fingerprint(*r, c)}};
      ordered_json properties{{"direction", c.increase ? "increase" : "decrease"},
                              {"risk", RiskName(c.risk)},
                              {"pointer", c.new_position.pointer}};
      if (c.category) properties["category"] = CategoryName(*c.category);
      j["properties"] = std::move(properties);
      out_results.push_back(std::move(j));
    }
  }
  ordered_json run;
  run["tool"] = {{"driver",
                  {{"name", "mcpolicy"},
                   {"version", tool_version},
                   {"semanticVersion", tool_version},
                   {"informationUri", sarif::HelpUri("diff.md")},
                   {"rules", std::move(rules)}}}};
  run["originalUriBaseIds"] = sarif::OriginalUriBaseIds(root);
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = std::move(out_results);
  ordered_json log;
  log["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  log["version"] = "2.1.0";
  log["runs"] = ordered_json::array({std::move(run)});
  return Dump(log);
}

}  // namespace

std::string FormatDiff(const DiffResult& result, DiffFormat format, bool summary,
                       const std::string& tool_version) {
  switch (format) {
    case DiffFormat::kText:
      return FormatText(result, summary);
    case DiffFormat::kJson:
      return FormatJson(result, tool_version);
    case DiffFormat::kGithub:
      return FormatGithub(result);
    case DiffFormat::kSarif:
      return FormatSarif({&result}, tool_version);
  }
  return "";
}

std::string FormatDiffSet(const DiffSet& set, DiffFormat format, bool summary,
                          const std::string& tool_version, bool verbose) {
  switch (format) {
    case DiffFormat::kText:
      return FormatSetText(set, summary, verbose);
    case DiffFormat::kJson:
      return FormatSetJson(set, tool_version);
    case DiffFormat::kGithub: {
      std::string out;
      for (const DiffResult& r : set.files) out += FormatGithub(r);
      return out;
    }
    case DiffFormat::kSarif: {
      std::vector<const DiffResult*> results;
      for (const DiffResult& r : set.files) results.push_back(&r);
      return FormatSarif(results, tool_version);
    }
  }
  return "";
}

}  // namespace mcpolicy
