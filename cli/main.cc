// mcpolicy's command line: CLI11 flags into a request, one library call, print, exit code.
// Each area registers its subcommands (cli/*_commands.cc); this file only dispatches.
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "common.h"

int main(int argc, char** argv) {
  CLI::App app{"mcpolicy: lint MCP gateway policies, classify MCP tools, recommend policies."};
  app.set_version_flag("--version", std::string("mcpolicy ") + MCPOLICY_VERSION);
  app.require_subcommand(1);
  app.footer("Run 'mcpolicy SUBCOMMAND --help' for a subcommand's flags and examples.");

  std::vector<mcpolicy::cli::Command> commands;
  mcpolicy::cli::RegisterLintCommands(app, commands);
  mcpolicy::cli::RegisterClassifyCommands(app, commands);
  mcpolicy::cli::RegisterRecommendCommands(app, commands);
  mcpolicy::cli::RegisterDiffCommands(app, commands);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  for (const mcpolicy::cli::Command& c : commands) {
    if (c.app->parsed()) return c.run();
  }
  return 2;
}
