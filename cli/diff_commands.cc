// diff.
#include <iostream>

#include "common.h"
#include "mcpolicy/diff.h"

namespace mcpolicy::cli {
namespace {

constexpr const char* kDiffExamples = R"(
Inputs: a file, - for standard input (one side at most), or git:REV:path, read with
'git show REV:path' in the working directory. As in git, that path is relative to the
repository's root; write git:REV:./path for one relative to the working directory.
Changes are reported at the NEW file's path and lines (the path part for git: inputs).

Examples:
  mcpolicy diff examples/kestra-good.json examples/kestra-risky.json
  mcpolicy diff git:origin/main:policies/kestra.json policies/kestra.json --format github
  mcpolicy diff git:HEAD~1:./kestra.json kestra.json --format json
  curl -s https://example.com/policy.json | mcpolicy diff policy.json -
Exit codes: 0 risk did not increase, 1 risk increased, 2 mcpolicy could not do its job.)";

struct DiffFlags {
  DiffRequest request;
  std::string format = "text";
  std::string output_file;
  std::string max_file_size = "64M";
  bool quiet = false;
};

}  // namespace

void RegisterDiffCommands(CLI::App& app, std::vector<Command>& commands) {
  auto flags = std::make_shared<DiffFlags>();
  DiffRequest& req = flags->request;
  CLI::App* diff =
      app.add_subcommand("diff",
                         "Show what a change to a policy does to risk: tools that became "
                         "reachable, lost limits or guards, a flipped default");
  diff->add_option("old", req.old_input, "The policy before the change: a file, -, or git:REV:path")
      ->required();
  diff->add_option("new", req.new_input, "The policy after the change: a file, -, or git:REV:path")
      ->required();
  diff->add_option(
      "--server", req.options.server,
      "Catalog server both versions are for (default: the configuration's mapping for the "
      "new path, else inferred from the names either version mentions)");
  diff->add_option(
      "--catalog", req.options.catalog_dirs,
      "Directory (or file) of catalog entries; a file replaces the bundled server with the "
      "same id (repeatable)");
  CLI::Option* config =
      diff->add_option("--config", req.options.config_file,
                       "Use this configuration's server mappings instead of .mcpolicy.json")
          ->type_name("FILE");
  diff->add_flag("--no-config", req.options.no_config, "Ignore configuration files")
      ->excludes(config);
  diff->add_option("--format", flags->format, "Report format")
      ->check(CLI::IsMember({"text", "json", "github"}))
      ->capture_default_str();
  diff->add_option("-o,--output", flags->output_file,
                   "Write the report to FILE (atomically) instead of stdout");
  diff->add_flag("-q,--quiet", flags->quiet, "Text format: no summary line");
  diff->add_option("--max-file-size", flags->max_file_size,
                   "Refuse inputs larger than this (bytes, or with K/M/G)")
      ->capture_default_str();
  diff->add_option("--stdin-filename", req.options.stdin_filename,
                   "Name to report standard input ('-') under");
  diff->footer(kDiffExamples);
  commands.push_back(
      {diff, [flags] {
         DiffRequest& r = flags->request;
         r.format = *ParseDiffFormat(flags->format);
         r.summary = !flags->quiet;
         r.tool_version = MCPOLICY_VERSION;
         r.output_file = flags->output_file;
         if (!ParseDocumentSize(flags->max_file_size, r.options.max_bytes)) return 2;
         return Emit(RunDiff(r), flags->output_file);
       }});
}

}  // namespace mcpolicy::cli
