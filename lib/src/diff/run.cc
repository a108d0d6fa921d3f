// RunDiff: two inputs or a --git set, an optional --tools server, the -o check, the report.
#include "mcpolicy/diff.h"
#include "mcpolicy/escape.h"
#include "mcpolicy/io.h"
#include "rules/runner.h"

namespace mcpolicy {
namespace {

CommandOutput Failed(std::vector<std::string> errors, bool refused = false) {
  CommandOutput output;
  output.errors = std::move(errors);
  output.exit_code = 2;
  output.refused = refused;
  return output;
}

// -o must not name a file the diff reads: an input, the configuration, a catalog, the dump, or
// (with --git) a changed policy of the working tree.
std::string OutputConflict(const DiffRequest& request, const std::vector<std::string>& read) {
  if (request.output_file.empty()) return "";
  std::vector<NamedPath> inputs;
  for (const std::string* side : {&request.old_input, &request.new_input}) {
    if (!side->empty() && !side->starts_with("git:") && *side != "/dev/null") {
      inputs.push_back({"", *side});
    }
  }
  for (const std::string& path : read) inputs.push_back({"", path});
  if (!request.options.config_file.empty()) {
    inputs.push_back({"--config", request.options.config_file});
  }
  for (const std::string& dir : request.options.catalog_dirs) inputs.push_back({"--catalog", dir});
  if (!request.tools_path.empty()) inputs.push_back({"--tools", request.tools_path});
  return FindOutputConflict(inputs, {{"-o", request.output_file}});
}

}  // namespace

CommandOutput RunDiff(const DiffRequest& request) {
  if (std::string conflict = OutputConflict(request, {}); !conflict.empty()) {
    return Failed({std::move(conflict)}, true);
  }
  DiffOptions options = request.options;
  std::unique_ptr<CatalogServer> tools_server;
  std::vector<std::string> notes;
  if (!request.tools_path.empty()) {
    if (request.tools_path == "-" && (request.old_input == "-" || request.new_input == "-")) {
      return Failed({"--tools - and an input - cannot both be standard input"});
    }
    ToolsServerRequest tools;
    tools.path = request.tools_path;
    tools.max_bytes = options.max_bytes;
    tools.catalog = &Catalog::Bundled();
    if (!options.server.empty()) {
      std::string error;  // worded as an unknown --server is without --tools
      tools.known = ChooseServer(Policy(), "", options.server, Config(), Catalog::Bundled(),
                                 &error).server;
      if (!error.empty()) return Failed({std::move(error)});
    }
    ToolsServerResult built = ServerFromTools(tools);
    if (!built.server) return Failed(std::move(built.errors));
    tools_server = std::move(built.server);
    options.tools_server = tools_server.get();
    for (const std::string& warning : built.warnings) {
      notes.push_back("mcpolicy: warning: " + Escaped(warning));
    }
  }
  CommandOutput output;
  output.notes = std::move(notes);
  if (!request.git_base.empty()) {
    DiffSet set = DiffGit(request.git_base, request.git_paths, options);
    std::vector<std::string> read;
    for (const DiffResult& r : set.files) {
      if (!r.new_absent) read.push_back(r.new_path);
    }
    if (std::string conflict = OutputConflict(request, read); !conflict.empty()) {
      return Failed({std::move(conflict)}, true);
    }
    // A file that could not be compared is reported, and the others still are.
    bool reported = !set.files.empty() || set.errors.empty();
    if (reported) {
      output.out = FormatDiffSet(set, request.format, request.summary, request.tool_version,
                                 request.verbose);
    }
    output.errors = std::move(set.errors);
    output.exit_code = !output.errors.empty() ? 2 : set.increased() ? 1 : 0;
    return output;
  }
  DiffResult result = DiffInputs(request.old_input, request.new_input, options);
  if (!result.errors.empty()) return Failed(std::move(result.errors));
  output.out = FormatDiff(result, request.format, request.summary, request.tool_version);
  output.exit_code = result.increased() ? 1 : 0;
  return output;
}

}  // namespace mcpolicy
