// mcpolicy's command line: CLI11 flags into a request, one library call, print, exit code.
// Each area registers its subcommands (cli/*_commands.cc); this file only dispatches.
#include <CLI/CLI.hpp>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "common.h"
#include "mcpolicy/catalog.h"

int main(int argc, char** argv) {
  CLI::App app{"mcpolicy: lint MCP gateway policies, classify MCP tools, recommend policies."};
  // The catalog is parsed only when --version is asked for.
  app.set_version_flag("--version", [] {
    size_t tools = 0;
    const auto servers = mcpolicy::Catalog::Bundled().servers();
    for (const mcpolicy::CatalogServer& server : servers) tools += server.tools.size();
    return std::string("mcpolicy ") + MCPOLICY_VERSION + " (bundled catalog: " +
           std::to_string(servers.size()) + " servers, " + std::to_string(tools) + " tools)";
  });
  app.require_subcommand(1);
  app.footer("Run 'mcpolicy SUBCOMMAND --help' for a subcommand's flags and examples.");

  // Building CLI11's options is most of a short run's start-up, so when the first argument names a
  // subcommand only its area is registered; anything else (--help, a typo) gets every area, so
  // help lists all subcommands and a misspelt one is reported as usual.
  using Register = void (*)(CLI::App&, std::vector<mcpolicy::cli::Command>&);
  struct Area {
    std::initializer_list<std::string_view> names;
    Register add;
  };
  const Area areas[] = {
      {{"lint", "validate", "rules", "explain"}, mcpolicy::cli::RegisterLintCommands},
      {{"classify", "catalog"}, mcpolicy::cli::RegisterClassifyCommands},
      {{"recommend"}, mcpolicy::cli::RegisterRecommendCommands},
      {{"diff"}, mcpolicy::cli::RegisterDiffCommands},
      {{"fetch"}, mcpolicy::cli::RegisterFetchCommands},
      {{"drift"}, mcpolicy::cli::RegisterDriftCommands},
      {{"scan"}, mcpolicy::cli::RegisterScanCommands},
  };
  std::vector<mcpolicy::cli::Command> commands;
  std::string_view first = argc > 1 ? argv[1] : "";
  const Area* only = nullptr;
  for (const Area& area : areas) {
    for (std::string_view name : area.names) {
      if (name == first) only = &area;
    }
  }
  for (const Area& area : areas) {
    if (!only || only == &area) area.add(app, commands);
  }

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
