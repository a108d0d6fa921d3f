// lint, validate, rules, explain.
#include "common.h"

#include <cstdlib>

namespace mcpolicy::cli {
namespace {

constexpr const char* kLintExamples = R"(
Examples:
  mcpolicy lint policies/                      lint every policy under a directory
  mcpolicy lint kestra.json --format sarif -o mcpolicy.sarif
  mcpolicy lint --format github policy.json    annotations for GitHub Actions
  cat policy.json | mcpolicy lint - --stdin-filename policy.json
  mcpolicy lint --disable loose-limit --enable deny-all policies/
  mcpolicy lint --disable hygiene policies/    turn a rule group off (mcpolicy rules --groups)
  mcpolicy lint --statistics policies/         how many findings each rule made
  mcpolicy lint --format gitlab -o gl-code-quality-report.json policies/   GitLab Code Quality
  mcpolicy lint --format junit -o mcpolicy-junit.xml policies/             JUnit XML test report
  mcpolicy lint --config ci/.mcpolicy.json --no-suppressions policies/   strict CI
  mcpolicy lint --write-baseline mcpolicy-baseline.json policies/        accept today's findings
  mcpolicy lint --baseline mcpolicy-baseline.json policies/              fail on new findings only
  mcpolicy lint --tools tools-list.json policy.json   judge against the server's own tools/list
  mcpolicy lint --exclude 'dumps' --exclude '**/*.tools.json' policies/   skip dumps kept beside policies
  mcpolicy lint --diff policy.json             show what --fix would change
  mcpolicy lint --fix policies/                apply the safe fixes in place
  mcpolicy lint --fix --unsafe-fixes policies/   every fix, also those that change what the agent may do
  mcpolicy lint --fix - < policy.json > fixed.json   fixed policy on stdout, findings on stderr
Configuration: the first .mcpolicy.json found walking up from each file's directory (stopping at
the directory holding .git); see schemas/config.schema.json. MCPOLICY_TODAY=YYYY-MM-DD sets the
date suppression expiry is judged against (default: today, local time).
Exit codes: 0 nothing at or above --fail-level, 1 findings, 2 mcpolicy could not do its job.)";

constexpr const char* kValidateExamples = R"(
Examples:
  mcpolicy validate --schema my-stricter.schema.json policy.json
  mcpolicy validate --schema tools-list.schema.json dumps/*.json --format json
Exit codes: 0 valid, 1 invalid, 2 the schema or a file could not be used.)";

}  // namespace

void RegisterLintCommands(CLI::App& app, std::vector<Command>& commands) {
  auto lint_flags = std::make_shared<OutputFlags>();
  auto lint = std::make_shared<LintRequest>();
  CLI::App* lint_cmd = app.add_subcommand("lint", "Check PolicyLayer policies for errors and risky allowances");
  lint_cmd->add_option("paths", lint->paths, "Files, directories, or - for stdin (default: .)");
  lint_flags->Add(lint_cmd);
  lint_cmd->add_flag("--policies-only", lint->lint.policies_only,
                     "Skip named files that are not policies, or are excluded, as files found in "
                     "a directory are (for pre-commit)");
  lint_cmd->add_option("--exclude", lint->lint.exclude,
                       "Skip files found in directories (or named, with --policies-only) matching "
                       "this glob, relative to the working directory; a directory covers all "
                       "below it (repeatable)")
      ->type_name("GLOB")
      ->allow_extra_args(false);
  lint_cmd->add_option("--server", lint->lint.server,
                       "Catalog server the policies are for, e.g. kestra-io/mcp-server-python "
                       "(default: the configuration's mapping, else inferred from tool names)");
  lint_cmd->add_option("--tools", lint->tools_path,
                       "Judge the policies against the server this tools/list dump describes "
                       "(- for stdin; with --server, that server's catalog entries are kept)")
      ->type_name("FILE");
  CLI::Option* config = lint_cmd->add_option(
      "--config", lint->lint.config_file, "Use this configuration for every file instead of .mcpolicy.json")
      ->type_name("FILE");
  lint_cmd->add_flag("--no-config", lint->lint.no_config, "Ignore configuration files")->excludes(config);
  lint_cmd->add_option("--enable", lint->lint.enable,
                       "Turn rules or rule groups (risk, hygiene, syntax, suppressions) on whatever the "
                       "configuration says (repeatable; a,b)")
      ->type_name("RULE")
      ->allow_extra_args(false)
      ->delimiter(',');
  lint_cmd->add_option("--disable", lint->lint.disable,
                       "Turn rules or rule groups off whatever the configuration says (repeatable; a,b; a "
                       "rule named on the other side wins over a group)")
      ->type_name("RULE")
      ->allow_extra_args(false)
      ->delimiter(',');
  lint_cmd->add_flag("--no-suppressions", lint->lint.no_suppressions,
                     "Ignore every suppression in the configuration (strict CI)");
  lint_cmd->add_option("--baseline", lint->lint.baseline_file,
                       "Drop findings this baseline accepts (keyed by path, rule and JSON pointer)")
      ->type_name("FILE");
  lint_cmd->add_option("--write-baseline", lint->lint.write_baseline_file,
                       "Write the findings to FILE as a baseline (atomically); they then count as accepted")
      ->type_name("FILE");
  CLI::Option* fix = lint_cmd->add_flag(
      "--fix", lint->fix,
      "Apply the safe fixes in place (which rules have fixes, and which are safe: docs/fix.md), "
      "then report what remains (with -, print the fixed policy)");
  lint_cmd->add_flag("--diff", lint->diff, "Print what --fix would change as a unified diff; write nothing")
      ->excludes(fix);
  lint_cmd->add_flag("--unsafe-fixes", lint->unsafe_fixes,
                     "With --fix or --diff: also apply the unsafe fixes, which may change what the "
                     "agent may do or drop text the author wrote");
  lint_cmd->add_flag("--statistics", lint_flags->statistics,
                     "Count the findings per rule instead of listing them (text or json format)");
  lint_cmd->add_flag("--follow-symlinks", lint->lint.follow_symlinks,
                     "With --fix: also fix files that symlinks in a directory lead to outside it");
  lint_cmd->footer(kLintExamples);
  commands.push_back({lint_cmd, [lint_flags, lint] {
                        if (!FillReport(*lint_flags, lint->output, lint->lint.max_bytes)) return 2;
                        lint->lint.stdin_filename = lint_flags->stdin_filename;
                        lint->lint.jobs = lint_flags->jobs;
                        lint->output_file = lint_flags->output_file;
                        lint->output.statistics = lint_flags->statistics;
                        const char* today = std::getenv("MCPOLICY_TODAY");
                        if (today && *today) lint->lint.today = today;
                        return Emit(RunLint(*lint), lint_flags->output_file);
                      }});

  auto validate_flags = std::make_shared<OutputFlags>();
  auto validate = std::make_shared<ValidateRequest>();
  CLI::App* validate_cmd =
      app.add_subcommand("validate", "Validate JSON files against any JSON Schema (draft-07)");
  validate_cmd->add_option("--schema", validate->schema, "The draft-07 schema")->required();
  validate_cmd->add_option("--refs-dir", validate->validate.remote_directory,
                           "Directory that $refs to other schema files resolve in (default: the schema's)");
  validate_cmd->add_option("paths", validate->paths, "JSON files, or - for stdin")->required();
  validate_flags->Add(validate_cmd);
  validate_cmd->footer(kValidateExamples);
  commands.push_back({validate_cmd, [validate_flags, validate] {
                        if (!FillReport(*validate_flags, validate->output, validate->validate.max_bytes)) return 2;
                        validate->validate.stdin_filename = validate_flags->stdin_filename;
                        validate->validate.jobs = validate_flags->jobs;
                        validate->output_file = validate_flags->output_file;
                        return Emit(RunValidate(*validate), validate_flags->output_file);
                      }});

  auto rules_format = std::make_shared<std::string>("text");
  CLI::App* rules_cmd = app.add_subcommand("rules", "List every rule with its default severity");
  rules_cmd->add_option("--format", *rules_format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  auto rules_groups = std::make_shared<bool>(false);
  rules_cmd->add_flag("--groups", *rules_groups, "List the rule groups --enable and --disable take, with their rules");
  rules_cmd->footer("\nExamples:\n  mcpolicy rules\n  mcpolicy rules --format json\n  mcpolicy rules --groups");
  commands.push_back({rules_cmd, [rules_format, rules_groups] {
                        RulesRequest rules;
                        rules.json = *rules_format == "json";
                        rules.groups = *rules_groups;
                        return Emit(RunRules(rules), "");
                      }});

  auto explain = std::make_shared<ExplainRequest>();
  CLI::App* explain_cmd = app.add_subcommand("explain", "Show a rule's documentation page");
  explain_cmd->add_option("rule", explain->rule, "Rule name, e.g. duplicate-key")->required();
  explain_cmd->footer("\nExamples:\n  mcpolicy explain duplicate-key");
  commands.push_back({explain_cmd, [explain] { return Emit(RunExplain(*explain), ""); }});
}

}  // namespace mcpolicy::cli
