// lint, validate, rules and explain.
#include <nlohmann/json.hpp>

#include <algorithm>

#include "commands/lint_fix.h"
#include "commands/statistics.h"
#include "fix/planner.h"
#include "mcpolicy/commands.h"
#include "mcpolicy/escape.h"
#include "mcpolicy/io.h"
#include "mcpolicy/rule_groups.h"
#include "mcpolicy/rules.h"
#include "rules/runner.h"

namespace mcpolicy {
namespace {

CommandOutput Failed(std::string message) {
  CommandOutput output;
  output.errors.push_back(std::move(message));
  output.exit_code = 2;
  return output;
}

CommandOutput Refused(std::string message) {
  CommandOutput output = Failed(std::move(message));
  output.refused = true;
  return output;
}

// Refuses -o and --write-baseline when either would overwrite a file the run reads (a policy,
// a configuration, the baseline, the --tools dump) or the other output.
std::string LintOutputConflict(const LintRequest& request, const std::vector<std::string>& paths) {
  std::vector<NamedPath> outputs;
  if (!request.output_file.empty()) outputs.push_back({"-o", request.output_file});
  if (!request.lint.write_baseline_file.empty()) {
    outputs.push_back({"--write-baseline", request.lint.write_baseline_file});
  }
  if (outputs.empty()) return "";
  std::vector<NamedPath> inputs;
  for (std::string& file : LintInputFiles(paths, request.lint)) inputs.push_back({"", file});
  if (!request.lint.config_file.empty()) inputs.push_back({"--config", request.lint.config_file});
  if (!request.lint.baseline_file.empty()) {
    inputs.push_back({"--baseline", request.lint.baseline_file});
  }
  if (!request.tools_path.empty()) inputs.push_back({"--tools", request.tools_path});
  return FindOutputConflict(inputs, outputs);
}

CommandOutput Finish(const LintResult& result, const ReportRequest& request) {
  CommandOutput output;
  output.out = request.statistics
                   ? FormatStatistics(result, request.format == ReportFormat::kJson)
                   : FormatReport(result, request.format, request.report);
  output.errors = result.errors;
  output.exit_code = ExitCode(result, request.fail_level, request.exit_zero);
  return output;
}

}  // namespace

CommandOutput RunLint(const LintRequest& lint_request) {
  if (lint_request.output.statistics) {
    const ReportFormat format = lint_request.output.format;
    if (format != ReportFormat::kText && format != ReportFormat::kJson) {
      return Failed("--statistics works with --format text or json");
    }
    if (lint_request.fix || lint_request.diff) return Failed("--statistics cannot be used with --fix or --diff");
  }
  LintRequest request = lint_request;
  ExpandRuleGroups(request.lint.enable, request.lint.disable);
  request.output.report.unsafe_fixes = request.unsafe_fixes;
  // JSON and SARIF carry each finding's fix as edits.
  if (!request.output.statistics && (request.output.format == ReportFormat::kJson ||
                                     request.output.format == ReportFormat::kSarif)) {
    request.lint.describe_fixes = fix::DescribeFixes;
  }
  std::vector<std::string> paths = request.paths;
  if (paths.empty()) paths.push_back(".");
  if (std::string conflict = LintOutputConflict(request, paths); !conflict.empty()) {
    return Refused(std::move(conflict));
  }
  if (request.tools_path.empty()) {
    if (request.fix || request.diff) return RunLintFix(request);
    return Finish(LintPaths(paths, request.lint), request.output);
  }
  if (request.tools_path == "-" && std::count(paths.begin(), paths.end(), "-")) {
    return Failed("--tools - and the policy path - cannot both be standard input");
  }
  ToolsServerRequest tools;
  tools.path = request.tools_path;
  tools.max_bytes = request.lint.max_bytes;
  tools.catalog = &Catalog::Bundled();
  if (!request.lint.server.empty()) {
    std::string error;  // worded as lint words an unknown --server without --tools
    tools.known = ChooseServer(Policy(), "", request.lint.server, Config(), Catalog::Bundled(),
                               &error).server;
    if (!error.empty()) return Failed(std::move(error));
  }
  ToolsServerResult server = ServerFromTools(tools);
  if (!server.server) {
    CommandOutput output;
    output.errors = std::move(server.errors);
    output.exit_code = 2;
    return output;
  }
  LintRequest with_server = request;
  with_server.lint.tools_server = server.server.get();
  CommandOutput output = request.fix || request.diff
                             ? RunLintFix(with_server)
                             : Finish(LintPaths(paths, with_server.lint), request.output);
  for (const std::string& warning : server.warnings) {
    output.notes.push_back("mcpolicy: warning: " + Escaped(warning));
  }
  return output;
}

CommandOutput RunValidate(const ValidateRequest& request) {
  if (!request.output_file.empty()) {
    std::vector<NamedPath> inputs = {{"--schema", request.schema}};
    LintOptions expand;
    expand.no_config = true;
    for (std::string& file : LintInputFiles(request.paths, expand)) inputs.push_back({"", file});
    std::string conflict = FindOutputConflict(inputs, {{"-o", request.output_file}});
    if (!conflict.empty()) return Refused(std::move(conflict));
  }
  return Finish(ValidatePaths(request.schema, request.paths, request.validate), request.output);
}

namespace {

// rules --groups: each group with its summary and rules (JSON: name, summary, rules).
CommandOutput RunRuleGroups(bool json) {
  CommandOutput output;
  if (json) {
    nlohmann::ordered_json groups = nlohmann::ordered_json::array();
    for (const RuleGroup& g : AllRuleGroups()) {
      groups.push_back({{"name", g.name}, {"summary", g.summary}, {"rules", g.rules}});
    }
    output.out = groups.dump(2) + "\n";
    return output;
  }
  for (const RuleGroup& g : AllRuleGroups()) {
    output.out += std::string(g.name) + ": " + std::string(g.summary) + "\n";
    for (std::string_view rule : g.rules) output.out += "  " + std::string(rule) + "\n";
  }
  return output;
}

}  // namespace

CommandOutput RunRules(const RulesRequest& request) {
  if (request.groups) return RunRuleGroups(request.json);
  CommandOutput output;
  if (request.json) {
    nlohmann::ordered_json rules = nlohmann::ordered_json::array();
    for (const RuleInfo& r : AllRules()) {
      rules.push_back({{"name", r.name},
                       {"default_severity", SeverityName(r.default_severity)},
                       {"summary", r.summary}});
    }
    output.out = rules.dump(2) + "\n";
    return output;
  }
  size_t width = 0;
  for (const RuleInfo& r : AllRules()) width = std::max(width, r.name.size());
  for (const RuleInfo& r : AllRules()) {
    std::string name(r.name);
    std::string severity(SeverityName(r.default_severity));
    output.out += name + std::string(width + 2 - name.size(), ' ') + severity +
                  std::string(9 - severity.size(), ' ') + std::string(r.summary) + "\n";
  }
  return output;
}

CommandOutput RunExplain(const ExplainRequest& request) {
  CommandOutput output;
  if (!FindRule(request.rule)) {
    output.errors.push_back(UnknownRuleMessage(request.rule));
    output.exit_code = 2;
    return output;
  }
  output.out = std::string(RuleDoc(request.rule));
  return output;
}

}  // namespace mcpolicy
