// Text, JSON and GitHub workflow-command renderings of a diff, and the command's exit code.
#include <nlohmann/json.hpp>

#include "mcpolicy/diff.h"
#include "mcpolicy/escape.h"
#include "mcpolicy/io.h"
#include "util/text.h"

namespace mcpolicy {
namespace {

using ordered_json = nlohmann::ordered_json;

std::string Subject(const DiffChange& c) {
  if (!c.tool.empty()) return Escaped(c.tool);
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

std::string FormatText(const DiffResult& result, bool summary) {
  std::string out;
  size_t increases = 0;
  for (const DiffChange& c : result.changes) {
    increases += c.increase;
    AppendEscaped(out, result.new_path);
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
  if (!summary) return out;
  size_t decreases = result.changes.size() - increases;
  if (result.changes.empty()) {
    out += "no change in risk";
  } else if (increases > 0) {
    out += "risk increased: " + Plural(increases, "increase");
    if (decreases) out += ", " + Plural(decreases, "decrease");
  } else {
    out += "risk decreased: " + Plural(decreases, "decrease");
  }
  return out + "; server: " + Escaped(result.server) + "\n";
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

std::string FormatJson(const DiffResult& result, const std::string& tool_version) {
  ordered_json report;
  report["version"] = 1;
  report["tool"] = {{"name", "mcpolicy"}, {"version", tool_version}};
  report["old"] = {{"path", result.old_path}};
  report["new"] = {{"path", result.new_path}};
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
  // Replace, not throw, on invalid UTF-8: messages quote user text. C1 and bidirectional
  // characters are written as \u escapes (see mcpolicy/escape.h).
  return EscapeJsonText(report.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) +
                        "\n");
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
    out += Escape(result.new_path, true);
    if (c.new_position.line > 0) {
      out += ",line=" + std::to_string(c.new_position.line) +
             ",col=" + std::to_string(c.new_position.column);
    }
    out += ",title=" + Escape("mcpolicy diff " + std::string(ChangeKindName(c.kind)), true) +
           "::" + Escape(Sentence(c), false) + "\n";
  }
  return out;
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
  }
  return "";
}

CommandOutput RunDiff(const DiffRequest& request) {
  CommandOutput output;
  if (!request.output_file.empty()) {
    std::vector<NamedPath> inputs;
    for (const std::string* side : {&request.old_input, &request.new_input}) {
      if (!side->starts_with("git:")) inputs.push_back({"", *side});
    }
    if (!request.options.config_file.empty()) {
      inputs.push_back({"--config", request.options.config_file});
    }
    for (const std::string& dir : request.options.catalog_dirs) inputs.push_back({"--catalog", dir});
    std::string conflict = FindOutputConflict(inputs, {{"-o", request.output_file}});
    if (!conflict.empty()) {
      output.errors.push_back(std::move(conflict));
      output.exit_code = 2;
      output.refused = true;
      return output;
    }
  }
  DiffResult result = DiffInputs(request.old_input, request.new_input, request.options);
  if (!result.errors.empty()) {
    output.errors = std::move(result.errors);
    output.exit_code = 2;
    return output;
  }
  output.out = FormatDiff(result, request.format, request.summary, request.tool_version);
  output.exit_code = result.increased() ? 1 : 0;
  return output;
}

}  // namespace mcpolicy
