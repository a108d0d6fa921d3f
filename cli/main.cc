// mcpolicy's command line: CLI11 flags into a request, one library call, print, exit code.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

#include "mcpolicy/commands.h"
#include "mcpolicy/io.h"

namespace {

using mcpolicy::CommandOutput;

// Common output flags of lint and validate.
struct OutputFlags {
  std::string format = "text";
  std::string output_file;
  std::string color = "auto";
  std::string fail_level = "warning";
  bool exit_zero = false;
  bool quiet = false;
  bool verbose = false;
  std::string max_file_size = "64M";
  std::string stdin_filename;
  unsigned jobs = 0;

  void Add(CLI::App* app) {
    app->add_option("--format", format, "Report format")
        ->check(CLI::IsMember({"text", "json", "sarif", "github"}))
        ->capture_default_str();
    app->add_option("-o,--output", output_file, "Write the report to FILE (atomically) instead of stdout");
    app->add_option("--color", color, "Colour text output")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->capture_default_str();
    app->add_option("--fail-level", fail_level, "Lowest severity that makes the exit code 1")
        ->check(CLI::IsMember({"error", "warning", "note"}))
        ->capture_default_str();
    app->add_flag("--exit-zero", exit_zero, "Exit 0 even when there are findings (2 still means failure)");
    app->add_flag("-q,--quiet", quiet, "Text format: no summary line");
    app->add_flag("-v,--verbose", verbose, "Text format: also list files skipped in directories");
    app->add_option("--max-file-size", max_file_size, "Refuse files larger than this (bytes, or with K/M/G)")
        ->capture_default_str();
    app->add_option("--stdin-filename", stdin_filename, "Name to report standard input ('-') under");
    app->add_option("-j,--jobs", jobs, "Worker threads (default: one per core)");
  }
};

bool ParseSize(const std::string& text, uint64_t& bytes) {
  if (text.empty()) return false;
  size_t used = 0;
  unsigned long long value;
  try {
    value = std::stoull(text, &used);
  } catch (...) {
    return false;
  }
  std::string unit = text.substr(used);
  uint64_t scale = 1;
  if (unit == "K" || unit == "KiB" || unit == "k") scale = 1ull << 10;
  else if (unit == "M" || unit == "MiB") scale = 1ull << 20;
  else if (unit == "G" || unit == "GiB") scale = 1ull << 30;
  else if (!unit.empty()) return false;
  if (value > (UINT32_MAX - 1) / scale) return false;
  bytes = value * scale;
  return true;
}

bool UseColor(const OutputFlags& flags) {
  if (flags.color == "always") return true;
  if (flags.color == "never" || !flags.output_file.empty()) return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  const char* term = std::getenv("TERM");
  if (term && std::string(term) == "dumb") return false;
  return isatty(STDOUT_FILENO);
}

// Fills the shared report settings; returns false (after printing why) on a bad value.
bool FillReport(const OutputFlags& flags, mcpolicy::ReportRequest& report, uint64_t& max_bytes) {
  report.format = *mcpolicy::ParseReportFormat(flags.format);
  report.fail_level = *mcpolicy::ParseSeverity(flags.fail_level);
  report.exit_zero = flags.exit_zero;
  report.report.color = UseColor(flags);
  report.report.verbose = flags.verbose;
  report.report.summary = !flags.quiet;
  report.report.tool_version = MCPOLICY_VERSION;
  if (!ParseSize(flags.max_file_size, max_bytes)) {
    std::cerr << "mcpolicy: error: --max-file-size: \"" << flags.max_file_size
              << "\" is not a size (examples: 1048576, 512K, 64M, 1G; at most 4G)\n";
    return false;
  }
  return true;
}

int Emit(const CommandOutput& output, const std::string& output_file) {
  for (const std::string& e : output.errors) std::cerr << "mcpolicy: error: " << e << "\n";
  if (!output_file.empty()) {
    std::string error = mcpolicy::WriteFileAtomically(output_file, output.out);
    if (!error.empty()) {
      std::cerr << "mcpolicy: error: " << error << "\n";
      return 2;
    }
  } else {
    std::fwrite(output.out.data(), 1, output.out.size(), stdout);
    std::fflush(stdout);
  }
  return output.exit_code;
}

constexpr const char* kLintExamples = R"(
Examples:
  mcpolicy lint policies/                      lint every policy under a directory
  mcpolicy lint kestra.json --format sarif -o mcpolicy.sarif
  mcpolicy lint --format github policy.json    annotations for GitHub Actions
  cat policy.json | mcpolicy lint - --stdin-filename policy.json
Exit codes: 0 nothing at or above --fail-level, 1 findings, 2 mcpolicy could not do its job.)";

constexpr const char* kValidateExamples = R"(
Examples:
  mcpolicy validate --schema my-stricter.schema.json policy.json
  mcpolicy validate --schema tools-list.schema.json dumps/*.json --format json
Exit codes: 0 valid, 1 invalid, 2 the schema or a file could not be used.)";

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"mcpolicy: lint MCP gateway policies, classify MCP tools, recommend policies."};
  app.set_version_flag("--version", std::string("mcpolicy ") + MCPOLICY_VERSION);
  app.require_subcommand(1);
  app.footer("Run 'mcpolicy SUBCOMMAND --help' for a subcommand's flags and examples.");

  OutputFlags lint_flags;
  mcpolicy::LintRequest lint;
  CLI::App* lint_cmd = app.add_subcommand("lint", "Check PolicyLayer policies for errors and risky allowances");
  lint_cmd->add_option("paths", lint.paths, "Files, directories, or - for stdin (default: .)");
  lint_flags.Add(lint_cmd);
  lint_cmd->add_flag("--policies-only", lint.lint.policies_only,
                     "Skip named files that parse but do not look like a policy (for pre-commit)");
  lint_cmd->footer(kLintExamples);

  OutputFlags validate_flags;
  mcpolicy::ValidateRequest validate;
  CLI::App* validate_cmd =
      app.add_subcommand("validate", "Validate JSON files against any JSON Schema (draft-07)");
  validate_cmd->add_option("--schema", validate.schema, "The draft-07 schema")->required();
  validate_cmd->add_option("--refs-dir", validate.validate.remote_directory,
                           "Directory that $refs to other schema files resolve in (default: the schema's)");
  validate_cmd->add_option("paths", validate.paths, "JSON files, or - for stdin")->required();
  validate_flags.Add(validate_cmd);
  validate_cmd->footer(kValidateExamples);

  mcpolicy::RulesRequest rules;
  std::string rules_format = "text";
  CLI::App* rules_cmd = app.add_subcommand("rules", "List every rule with its default severity");
  rules_cmd->add_option("--format", rules_format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  rules_cmd->footer("\nExamples:\n  mcpolicy rules\n  mcpolicy rules --format json");

  mcpolicy::ExplainRequest explain;
  CLI::App* explain_cmd = app.add_subcommand("explain", "Show a rule's documentation page");
  explain_cmd->add_option("rule", explain.rule, "Rule name, e.g. duplicate-key")->required();
  explain_cmd->footer("\nExamples:\n  mcpolicy explain duplicate-key");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }

  if (lint_cmd->parsed()) {
    if (!FillReport(lint_flags, lint.output, lint.lint.max_bytes)) return 2;
    lint.lint.stdin_filename = lint_flags.stdin_filename;
    lint.lint.jobs = lint_flags.jobs;
    return Emit(mcpolicy::RunLint(lint), lint_flags.output_file);
  }
  if (validate_cmd->parsed()) {
    if (!FillReport(validate_flags, validate.output, validate.validate.max_bytes)) return 2;
    validate.validate.stdin_filename = validate_flags.stdin_filename;
    validate.validate.jobs = validate_flags.jobs;
    return Emit(mcpolicy::RunValidate(validate), validate_flags.output_file);
  }
  if (rules_cmd->parsed()) {
    rules.json = rules_format == "json";
    return Emit(mcpolicy::RunRules(rules), "");
  }
  if (explain_cmd->parsed()) return Emit(mcpolicy::RunExplain(explain), "");
  return 2;
}
