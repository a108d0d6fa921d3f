// The whole command line: the CLI11 app with every subcommand registered, and what --version says.
#ifndef MCPOLICY_CLI_APP_H_
#define MCPOLICY_CLI_APP_H_

#include <CLI/CLI.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "common.h"

namespace mcpolicy::cli {

// Registers the subcommands on `app`. Building CLI11's options is most of a short run's start-up,
// so when `first` (the first argument) names a subcommand only its area is registered; anything
// else (--help, a typo, completion) gets every area.
void BuildApp(CLI::App& app, std::vector<Command>& commands, std::string_view first);

// `mcpolicy --version`: version, the commit built from, the bundled catalog's size and date.
std::string VersionText();

// The date of the commit the binary was built from (YYYY-MM-DD), or "" outside a git checkout.
std::string_view CommitDate();
// YYYY-MM-DD when the bundled catalog's files last changed, or "" outside a git checkout.
std::string CatalogDate();

void RegisterDocCommands(CLI::App& app, std::vector<Command>& commands);

}  // namespace mcpolicy::cli

#endif  // MCPOLICY_CLI_APP_H_
