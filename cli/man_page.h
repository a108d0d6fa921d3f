// The manual page, mcpolicy(1), generated from the command line's own description (cli_model.h):
// every subcommand's synopsis, description, options and examples, as `--help` shows them.
#ifndef MCPOLICY_CLI_MAN_PAGE_H_
#define MCPOLICY_CLI_MAN_PAGE_H_

#include <string>
#include <string_view>

#include "cli_model.h"

namespace mcpolicy::cli {

// roff source for man(7). `date` (YYYY-MM-DD, or "" when unknown) goes in the page's footer.
std::string ManPage(const CommandSpec& root, std::string_view version, std::string_view date);

}  // namespace mcpolicy::cli

#endif  // MCPOLICY_CLI_MAN_PAGE_H_
