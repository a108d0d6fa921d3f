// completion, and the hidden manpage the build runs to write mcpolicy.1.
#include <cstdio>
#include <memory>
#include <string>

#include "app.h"
#include "cli_model.h"
#include "completion.h"
#include "man_page.h"

namespace mcpolicy::cli {
namespace {

constexpr const char* kCompletionExamples = R"(
Examples:
  source <(mcpolicy completion bash)                          this bash session
  mcpolicy completion bash > ~/.local/share/bash-completion/completions/mcpolicy
  mcpolicy completion zsh > "${fpath[1]}/_mcpolicy"            a directory in zsh's $fpath
  mcpolicy completion fish > ~/.config/fish/completions/mcpolicy.fish
The Debian package and `cmake --install` put all three where the shells look.)";

int Print(const std::string& text) {
  return std::fwrite(text.data(), 1, text.size(), stdout) == text.size() && std::fflush(stdout) == 0 ? 0 : 2;
}

}  // namespace

void RegisterDocCommands(CLI::App& app, std::vector<Command>& commands) {
  CLI::App* root = &app;
  auto shell = std::make_shared<std::string>();
  CLI::App* completion = app.add_subcommand("completion", "Print a shell completion script (bash, zsh or fish)");
  completion->add_option("shell", *shell, "bash, zsh or fish")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh", "fish"}));
  completion->footer(kCompletionExamples);
  commands.push_back({completion, [root, shell] { return Print(Completion(DescribeApp(*root), *shell)); }});

  // Hidden (no group): the build writes the man page with it; users read `man mcpolicy`.
  CLI::App* manpage = app.add_subcommand("manpage", "Print the manual page (roff)")->group("");
  commands.push_back({manpage, [root] {
                        return Print(ManPage(DescribeApp(*root), MCPOLICY_VERSION, CommitDate()));
                      }});
}

}  // namespace mcpolicy::cli
