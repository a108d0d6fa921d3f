// One entry point per subcommand. The CLI fills a request from its flags, calls one of these, and
// prints the output; everything a command decides is here, where tests reach it.
#ifndef MCPOLICY_COMMANDS_H_
#define MCPOLICY_COMMANDS_H_

#include <string>
#include <vector>

#include "mcpolicy/diagnostic.h"
#include "mcpolicy/lint.h"
#include "mcpolicy/report.h"

namespace mcpolicy {

struct CommandOutput {
  std::string out;                  // for standard output (or the -o file)
  std::vector<std::string> errors;  // one line each, for standard error
  std::vector<std::string> notes;   // for standard error as they are, after the errors
  int exit_code = 0;
  // An output would overwrite an input or another output: the command ran nothing and the -o
  // file must not be written either.
  bool refused = false;
};

struct ReportRequest {
  ReportFormat format = ReportFormat::kText;
  ReportOptions report;
  Severity fail_level = Severity::kWarning;
  bool exit_zero = false;
  // lint --statistics: findings counted per rule instead of listed (text or JSON format only;
  // not with --fix or --diff). The exit code is as without it.
  bool statistics = false;
};

struct LintRequest {
  std::vector<std::string> paths;  // empty: "."
  // lint.enable and lint.disable may name rule groups (mcpolicy/rule_groups.h): RunLint expands
  // them.
  LintOptions lint;
  ReportRequest output;
  // --fix: repair what mcpolicy/fix.h can, write the files atomically, then report what remains.
  // With "-" (the only path allowed then) the fixed document goes to stdout and the report to
  // stderr. --diff: print the fixes as a unified diff instead (exit 1 when there is one).
  bool fix = false;
  bool diff = false;
  // --unsafe-fixes: --fix and --diff apply the unsafe fixes too (mcpolicy/rules.h); the text
  // summary then counts every fix as available.
  bool unsafe_fixes = false;
  // --tools FILE ("-": standard input): judge every policy against the server this tools/list
  // dump describes (ServerFromTools in mcpolicy/catalog.h), before the configuration's mapping and
  // inference. With lint.server too, the tools that catalog server has keep its entries (as in
  // `recommend --server S --tools F`); without it, a catalog server the dump's names match is used
  // the same way, as recommend does. An unusable dump is exit 2.
  std::string tools_path;
  // -o: where the caller will write `out`; refused (exit 2) when it is an input or the baseline
  // being written.
  std::string output_file;
};
CommandOutput RunLint(const LintRequest& request);

struct ValidateRequest {
  std::string schema;
  std::vector<std::string> paths;
  ValidateOptions validate;
  ReportRequest output;
  std::string output_file;  // -o, refused (exit 2) when it is the schema or an input
};
CommandOutput RunValidate(const ValidateRequest& request);

struct RulesRequest {
  bool json = false;
  bool groups = false;  // list the rule groups (mcpolicy/rule_groups.h) instead of the rules
};
CommandOutput RunRules(const RulesRequest& request);

struct ExplainRequest {
  std::string rule;
};
CommandOutput RunExplain(const ExplainRequest& request);

// `mcpolicy schema [NAME]`: the JSON Schemas compiled into the binary, for editors and outside
// validators. Each has the $id urn:mcpolicy:schema:NAME:N (N grows only when the schema stops
// accepting documents it accepted); NAME is how the command names it.
struct SchemaRequest {
  std::string name;  // empty: list every schema (name, $id, title)
};
CommandOutput RunSchema(const SchemaRequest& request);

}  // namespace mcpolicy

#endif  // MCPOLICY_COMMANDS_H_
