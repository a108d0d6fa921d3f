// convert.
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "common.h"
#include "mcpolicy/convert.h"
#include "mcpolicy/escape.h"
#include "mcpolicy/io.h"

namespace mcpolicy::cli {
namespace {

constexpr const char* kConvertFooter = R"(
The policy is read into mcpolicy's neutral model, as lint reads it, and written in the other
dialect from the model: PolicyLayer hosted JSON (--to json) or Intercept YAML (--to intercept).
A construct the target dialect cannot say (a spend cap, on_deny text, require_approval, a deny
rule, a counter shared across tools, a deny_if on regex or contains, ...) is reported on stderr as
a finding at its line and column [no-equivalent]; nothing is written unless --allow-loss is given,
and then the policy is written without it. A policy the gateway would refuse (invalid JSON or
YAML, a schema, duplicate-key or invalid-rule error) is not converted.

Examples:
  mcpolicy convert examples/kestra-good.json --to intercept -o kestra.yaml
  mcpolicy convert policy.yaml --to json --allow-loss > policy.json
Exit codes: 0 converted, 1 constructs with no equivalent (findings on stderr; nothing written
without --allow-loss), 2 mcpolicy could not do its job (unreadable or invalid input, -o file
exists without --force, -o names the input).)";

struct ConvertFlags {
  ConvertRequest request;
  std::string to;
  std::string output_file;
  bool force = false;
  std::string max_file_size = "64M";
};

int Fail(const std::string& message) {
  std::cerr << "mcpolicy: error: " << Escaped(message) << "\n";
  return 2;
}

int Run(ConvertFlags& flags) {
  ConvertRequest& r = flags.request;
  r.to = ParseOutputDialect(flags.to).value_or(OutputDialect::kIntercept);
  if (!ParseDocumentSize(flags.max_file_size, r.max_bytes)) return 2;
  std::error_code ec;
  if (!flags.output_file.empty() && !flags.force &&
      std::filesystem::symlink_status(flags.output_file, ec).type() !=
          std::filesystem::file_type::not_found &&
      !std::filesystem::is_character_file(flags.output_file, ec) &&
      !std::filesystem::is_fifo(flags.output_file, ec)) {
    return Fail(flags.output_file + " already exists; use --force to overwrite it");
  }
  r.output_file = flags.output_file;
  ConvertOutput output = RunConvert(r);
  for (const std::string& e : output.errors) std::cerr << "mcpolicy: error: " << Escaped(e) << "\n";
  std::cerr << output.report;
  if (output.exit_code != 0) return output.exit_code;
  return WriteOutput(output.policy, flags.output_file, 0);
}

}  // namespace

void RegisterConvertCommands(CLI::App& app, std::vector<Command>& commands) {
  auto flags = std::make_shared<ConvertFlags>();
  ConvertRequest& req = flags->request;
  CLI::App* cmd = app.add_subcommand(
      "convert", "Rewrite a policy in the other dialect (PolicyLayer JSON <-> Intercept YAML)");
  cmd->add_option("FILE", req.path, "The policy (- for standard input)")->required();
  cmd->add_option("--to", flags->to, "The dialect to write: json or intercept")
      ->required()
      ->check(CLI::IsMember({"json", "intercept"}));
  cmd->add_option("-o,--output", flags->output_file, "Write the policy to FILE (atomically)");
  cmd->add_flag("--force", flags->force, "Let -o replace an existing file");
  cmd->add_flag("--allow-loss", req.allow_loss,
                "Write the policy even when some constructs have no equivalent in the target "
                "(each is still reported)");
  cmd->add_option("--max-file-size", flags->max_file_size,
                  "Largest policy accepted (bytes, or with K/M/G)")
      ->capture_default_str();
  cmd->add_option("--stdin-filename", req.stdin_filename, "Name to report standard input ('-') under");
  cmd->footer(kConvertFooter);
  commands.push_back({cmd, [flags] { return Run(*flags); }});
}

}  // namespace mcpolicy::cli
