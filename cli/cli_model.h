// The command line as plain data, read from the CLI11 app itself: the one source the shell
// completions and the man page are generated from, so neither can list an option the binary lacks
// or miss one it has.
#ifndef MCPOLICY_CLI_CLI_MODEL_H_
#define MCPOLICY_CLI_CLI_MODEL_H_

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace mcpolicy::cli {

struct OptionSpec {
  std::vector<std::string> names;  // as typed: "-o", "--output"
  std::string description;
  std::string value_name;            // "FILE", "TEXT"...; empty for a flag
  std::vector<std::string> choices;  // the values an IsMember check allows, in its order
  bool repeatable = false;
};

struct PositionalSpec {
  std::string name;
  std::string description;
  std::vector<std::string> choices;  // from an IsMember check; empty: any word (a file, a name)
  bool required = false;
  bool many = false;
};

struct CommandSpec {
  std::vector<std::string> path;  // {"catalog", "show"}; empty for the program itself
  std::string description;
  std::string footer;
  std::vector<OptionSpec> options;
  std::vector<PositionalSpec> positionals;
  std::vector<CommandSpec> subcommands;  // in registration order; hidden ones left out
};

// Everything `app` declares that its --help shows (options and subcommands in a group).
CommandSpec DescribeApp(const CLI::App& app);

// "mcpolicy catalog show" for a spec's path.
std::string CommandLine(const CommandSpec& spec);

// Every command of the tree, depth first, the program itself first.
std::vector<const CommandSpec*> AllCommands(const CommandSpec& root);

}  // namespace mcpolicy::cli

#endif  // MCPOLICY_CLI_CLI_MODEL_H_
