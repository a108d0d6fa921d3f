// The shell completions and the man page are generated from the CLI11 app itself: every option of
// every subcommand appears in each of them, and so does one added later.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "app.h"
#include "cli_model.h"
#include "completion.h"
#include "man_page.h"

namespace mcpolicy::cli {
namespace {

// How each output spells an option of a command, e.g. of "catalog show".
std::vector<std::string> Spellings(const CommandSpec& c, const std::string& name) {
  std::string key;
  for (const std::string& p : c.path) key += (key.empty() ? "" : "/") + p;
  std::string man;
  for (char ch : name) man += ch == '-' ? std::string("\\-") : std::string(1, ch);
  std::string fish = name.rfind("--", 0) == 0 ? std::string("-l ") + name.substr(2) : std::string("-s ") + name.substr(1);
  return {key, name + "[", fish, "\\fB" + man + "\\fR"};  // bash: the command's key; zsh, fish, man
}

// The words bash offers after "-" at the command with this key.
std::string BashOptions(const std::string& bash, const std::string& key) {
  const std::string start = "    \"" + key + "\") opts=\"";
  size_t at = bash.find(start);
  if (at == std::string::npos) return "";
  at += start.size();
  std::string words = " ";
  words += bash.substr(at, bash.find('"', at) - at);
  words += ' ';
  return words;
}

TEST_CASE("completions and the man page name every option of every subcommand") {
  CLI::App app;
  std::vector<Command> commands;
  BuildApp(app, commands, "");
  const CommandSpec root = DescribeApp(app);
  const std::string outputs[] = {BashCompletion(root), ZshCompletion(root), FishCompletion(root),
                                 ManPage(root, "0.0.0", "2026-01-01")};
  size_t checked = 0;
  for (const CommandSpec* c : AllCommands(root)) {
    for (const OptionSpec& o : c->options) {
      for (const std::string& name : o.names) {
        std::vector<std::string> spellings = Spellings(*c, name);
        INFO(CommandLine(*c) << " " << name);
        CHECK(BashOptions(outputs[0], spellings[0]).find(" " + name + " ") != std::string::npos);
        for (size_t i = 1; i < 4; ++i) {
          INFO("output " << i);
          CHECK(outputs[i].find(spellings[i]) != std::string::npos);
        }
        checked += 4;
      }
    }
    for (const CommandSpec& sub : c->subcommands) {
      INFO(CommandLine(sub));
      CHECK(outputs[0].find(":" + sub.path.back() + "\") at=") != std::string::npos);
      CHECK(outputs[3].find(".SS \"" + CommandLine(sub) + "\"") != std::string::npos);
    }
  }
  CHECK(checked > 400);  // ~100 options of ~18 commands, four outputs each
  // The hidden manpage command is left out; completion itself is in.
  CHECK(outputs[0].find("manpage") == std::string::npos);
  CHECK(outputs[2].find("-a completion") != std::string::npos);
}

TEST_CASE("an option or subcommand added to the app appears in every completion and the man page") {
  CLI::App app;
  std::vector<Command> commands;
  BuildApp(app, commands, "");
  std::string value;
  app.get_subcommand("lint")
      ->add_option("--brand-new-option", value, "A flag nobody wrote a completion for")
      ->check(CLI::IsMember({"alpha", "beta"}));
  bool shiny = false;
  app.add_subcommand("brand-new-command", "A subcommand added later")->add_flag("--shiny", shiny, "Shine");
  const CommandSpec root = DescribeApp(app);

  const std::string bash = BashCompletion(root);
  CHECK(bash.find("\"lint:--brand-new-option\")\n      mapfile -t COMPREPLY < <(compgen -W \"alpha beta\"") !=
        std::string::npos);
  CHECK(bash.find("\":brand-new-command\") at=brand-new-command ;;") != std::string::npos);
  CHECK(bash.find("\"brand-new-command\") opts=\"-h --help --shiny\"") != std::string::npos);

  const std::string zsh = ZshCompletion(root);
  CHECK(zsh.find("'--brand-new-option[A flag nobody wrote a completion for]:TEXT:(alpha beta)'") !=
        std::string::npos);
  CHECK(zsh.find("'brand-new-command:A subcommand added later'") != std::string::npos);

  const std::string fish = FishCompletion(root);
  CHECK(fish.find("-n '__fish_seen_subcommand_from lint' -l brand-new-option -x -a 'alpha beta'") !=
        std::string::npos);
  CHECK(fish.find("-n '__fish_seen_subcommand_from brand-new-command' -l shiny -d 'Shine'") != std::string::npos);

  const std::string man = ManPage(root, "0.0.0", "");
  CHECK(man.find("\\fB\\-\\-brand\\-new\\-option\\fR \\fITEXT\\fR\nA flag nobody wrote a completion for\n"
                 ".br\nOne of: alpha, beta.\n") != std::string::npos);
  CHECK(man.find(".SS \"mcpolicy brand-new-command\"") != std::string::npos);
}

TEST_CASE("man page text cannot issue roff requests") {
  CLI::App app;
  app.description("mcpolicy: test.");
  app.add_subcommand("x", ".so /etc/passwd\n'br and a \\ backslash")->footer("\n.TH evil\n  ok");
  const std::string man = ManPage(DescribeApp(app), "1", "");
  CHECK(man.find("\n\\&.so /etc/passwd\n\\&'br and a \\e backslash\n") != std::string::npos);
  CHECK(man.find("\n\\&.TH evil\n  ok\n.fi\n") != std::string::npos);
  CHECK(man.find("\n.so") == std::string::npos);
}

}  // namespace
}  // namespace mcpolicy::cli
