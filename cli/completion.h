// Shell completion scripts for bash, zsh and fish, generated from the command line's own
// description (cli_model.h): `mcpolicy completion SHELL` prints them and the install puts them
// where each shell looks.
#ifndef MCPOLICY_CLI_COMPLETION_H_
#define MCPOLICY_CLI_COMPLETION_H_

#include <string>
#include <string_view>

#include "cli_model.h"

namespace mcpolicy::cli {

std::string BashCompletion(const CommandSpec& root);
std::string ZshCompletion(const CommandSpec& root);
std::string FishCompletion(const CommandSpec& root);

// The script for "bash", "zsh" or "fish"; "" for any other name.
std::string Completion(const CommandSpec& root, std::string_view shell);

}  // namespace mcpolicy::cli

#endif  // MCPOLICY_CLI_COMPLETION_H_
