#include "rules/unknown_tool.h"

#include "util/suggest.h"
#include "util/text.h"

namespace mcpolicy {

void UnknownTool::Check(const PolicyContext& context, DiagnosticSink& sink) const {
  const ServerChoice& choice = context.resolution.server;
  if (!choice.server) return;
  std::vector<std::string_view> names;
  for (const CatalogTool& t : choice.server->tools) names.push_back(t.name);
  auto check = [&](std::string_view name, uint32_t node, std::string_view where) {
    if (!ValidToolName(name) || choice.server->FindTool(name)) return;
    std::string message = "tool " + QuotedName(name) + " " + std::string(where) +
                          " is not a tool of " + choice.Describe() +
                          ", so this entry never matches a call";
    std::string guess = Suggest(name, names);
    if (!guess.empty()) {
      const CatalogTool* t = choice.server->FindTool(guess);
      message += "; did you mean " + QuotedName(guess) + " (" +
                 std::string(CategoryName(t->category)) + ")?";
    } else {
      message += "; check the name against the server's tools/list";
    }
    sink.Report(info().name, node, std::move(message));
  };
  std::string under_tools = "under " + context.wording.Key(PolicyKey::kTools);
  std::string in_hide = "in " + context.wording.Key(PolicyKey::kHide);
  for (const ToolRules& t : context.policy.tools) check(t.name, t.key_loc, under_tools);
  for (const HideEntry& h : context.policy.hide) {
    if (h.name != "*") check(h.name, h.loc, in_hide);
  }
}

}  // namespace mcpolicy
