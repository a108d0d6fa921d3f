// mcpolicy's command line: CLI11 flags into a request, one library call, print, exit code.
// Each area registers its subcommands (cli/*_commands.cc, gathered by cli/app.cc); this file only
// parses and dispatches.
#include <CLI/CLI.hpp>
#include <string_view>
#include <vector>

#include "app.h"

int main(int argc, char** argv) {
  CLI::App app;
  std::vector<mcpolicy::cli::Command> commands;
  mcpolicy::cli::BuildApp(app, commands, argc > 1 ? argv[1] : "");
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
