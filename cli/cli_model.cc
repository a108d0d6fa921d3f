#include "cli_model.h"

namespace mcpolicy::cli {
namespace {

// CLI::IsMember describes itself as "{a,b,c}"; Option::get_type_name() appends each check's
// description to the type name after a colon ("TEXT:{text,json}").
std::vector<std::string> Choices(const std::string& type_name) {
  std::vector<std::string> out;
  size_t open = type_name.find(":{");
  if (open == std::string::npos) return out;
  size_t close = type_name.find('}', open);
  if (close == std::string::npos) return out;
  std::string list = type_name.substr(open + 2, close - open - 2);
  size_t start = 0;
  while (start <= list.size()) {
    size_t comma = list.find(',', start);
    if (comma == std::string::npos) comma = list.size();
    if (comma > start) out.push_back(list.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

std::string BaseTypeName(const std::string& type_name) { return type_name.substr(0, type_name.find(':')); }

void Describe(const CLI::App& app, std::vector<std::string> path, CommandSpec& spec) {
  spec.path = std::move(path);
  spec.description = app.get_description();
  spec.footer = app.get_footer();
  for (const CLI::Option* opt : app.get_options()) {
    if (opt->get_group().empty()) continue;  // hidden
    const bool positional = opt->get_lnames().empty() && opt->get_snames().empty();
    if (positional) {
      PositionalSpec& p = spec.positionals.emplace_back();
      p.name = opt->get_name(true);
      p.description = opt->get_description();
      p.required = opt->get_required();
      p.many = opt->get_expected_max() > 1;
      p.choices = Choices(opt->get_type_name());
      continue;
    }
    OptionSpec& o = spec.options.emplace_back();
    for (const std::string& s : opt->get_snames()) o.names.push_back("-" + s);
    for (const std::string& l : opt->get_lnames()) o.names.push_back("--" + l);
    o.description = opt->get_description();
    if (opt->get_expected_max() > 0) {  // flags expect no value
      const std::string type_name = opt->get_type_name();
      o.value_name = BaseTypeName(type_name);
      if (o.value_name.empty()) o.value_name = "VALUE";
      o.choices = Choices(type_name);
    }
    o.repeatable = opt->get_expected_max() > 1;
  }
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); })) {
    std::vector<std::string> sub_path = spec.path;
    sub_path.push_back(sub->get_name());
    Describe(*sub, std::move(sub_path), spec.subcommands.emplace_back());
  }
}

void Collect(const CommandSpec& spec, std::vector<const CommandSpec*>& out) {
  out.push_back(&spec);
  for (const CommandSpec& sub : spec.subcommands) Collect(sub, out);
}

}  // namespace

CommandSpec DescribeApp(const CLI::App& app) {
  CommandSpec root;
  Describe(app, {}, root);
  return root;
}

std::string CommandLine(const CommandSpec& spec) {
  std::string out = "mcpolicy";
  for (const std::string& p : spec.path) out += " " + p;
  return out;
}

std::vector<const CommandSpec*> AllCommands(const CommandSpec& root) {
  std::vector<const CommandSpec*> out;
  Collect(root, out);
  return out;
}

}  // namespace mcpolicy::cli
