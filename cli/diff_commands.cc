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
A side that does not exist is an empty policy (everything the other side allows is new):
/dev/null, a missing file with --new-file, or a git: path absent at that revision.
Each side is PolicyLayer JSON or Intercept YAML, chosen as lint chooses (.yaml/.yml, or YAML
content that reads as a policy); the two may differ. Changes are reported at the NEW file's
path and lines (the path part for git: inputs), in its dialect's keys.
With --git BASE, every policy 'git diff BASE' names (added, removed, renamed, changed; PATHs
limit it) is compared between BASE and the working tree, with one summary and one exit code.

Examples:
  mcpolicy diff examples/kestra-good.json examples/kestra-risky.json
  mcpolicy diff git:origin/main:policies/kestra.json policies/kestra.json --format github
  mcpolicy diff git:HEAD~1:./kestra.json kestra.json --format json
  mcpolicy diff /dev/null policies/new.json                a new policy: every change is new
  mcpolicy diff policies/kestra.json policies/kestra.yaml  moved to Intercept: what changed
  mcpolicy diff --git origin/main policies/ --format sarif -o diff.sarif   a pull request
  curl -s https://example.com/policy.json | mcpolicy diff policy.json -
Exit codes: 0 risk did not increase, 1 risk increased, 2 mcpolicy could not do its job.)";

struct DiffFlags {
  DiffRequest request;
  std::vector<std::string> inputs;
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
  diff->add_option("inputs", flags->inputs,
                   "OLD NEW: the policy before and after the change (a file, -, git:REV:path, or "
                   "/dev/null); with --git, the PATHs to look at (default: the whole repository)");
  diff->add_option("--git", req.git_base,
                   "Compare every policy changed since this revision (BASE against the working "
                   "tree, as git diff BASE lists them)")
      ->type_name("BASE");
  diff->add_flag("-N,--new-file", req.options.new_file,
                 "Take a file side that does not exist as an empty policy (an added or removed "
                 "policy)");
  diff->add_option("--tools", req.tools_path,
                   "Judge both versions against the server this tools/list dump describes (- for "
                   "stdin; with --server, that server's catalog entries are kept)")
      ->type_name("FILE");
  diff->add_flag("-v,--verbose", req.verbose, "With --git: list the changed files skipped");
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
      ->check(CLI::IsMember({"text", "json", "github", "sarif"}))
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
         if (!r.git_base.empty()) {
           r.git_paths = flags->inputs;
         } else if (flags->inputs.size() != 2) {
           std::cerr << "mcpolicy: error: diff takes two inputs, OLD and NEW (or --git BASE "
                        "[PATH...]); got "
                     << flags->inputs.size() << "\n";
           return 2;
         } else {
           r.old_input = flags->inputs[0];
           r.new_input = flags->inputs[1];
         }
         r.format = *ParseDiffFormat(flags->format);
         r.summary = !flags->quiet;
         r.tool_version = MCPOLICY_VERSION;
         r.output_file = flags->output_file;
         if (!ParseDocumentSize(flags->max_file_size, r.options.max_bytes)) return 2;
         return Emit(RunDiff(r), flags->output_file);
       }});
}

}  // namespace mcpolicy::cli
