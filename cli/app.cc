#include "app.h"

#include <initializer_list>

namespace mcpolicy::cli {

void BuildApp(CLI::App& app, std::vector<Command>& commands, std::string_view first) {
  app.description("mcpolicy: lint MCP gateway policies, classify MCP tools, recommend policies.");
  // The catalog is parsed only when --version is asked for.
  app.set_version_flag("--version", [] { return VersionText(); });
  app.require_subcommand(1);
  app.footer("Run 'mcpolicy SUBCOMMAND --help' for a subcommand's flags and examples.");

  using Register = void (*)(CLI::App&, std::vector<Command>&);
  struct Area {
    std::initializer_list<std::string_view> names;
    Register add;
  };
  const Area areas[] = {
      {{"lint", "validate", "rules", "explain"}, RegisterLintCommands},
      {{"classify", "catalog"}, RegisterClassifyCommands},
      {{"recommend"}, RegisterRecommendCommands},
      {{"convert"}, RegisterConvertCommands},
      {{"diff"}, RegisterDiffCommands},
      {{"fetch"}, RegisterFetchCommands},
      {{"drift"}, RegisterDriftCommands},
      {{"scan"}, RegisterScanCommands},
      {{"schema"}, RegisterSchemaCommands},
  };
  const Area* only = nullptr;
  for (const Area& area : areas) {
    for (std::string_view name : area.names) {
      if (name == first) only = &area;
    }
  }
  for (const Area& area : areas) {
    if (!only || only == &area) area.add(app, commands);
  }
  if (!only) RegisterDocCommands(app, commands);
}

}  // namespace mcpolicy::cli
