#include "rules/unknown_tool.h"

#include <unordered_set>

#include "util/suggest.h"
#include "util/text.h"

namespace mcpolicy {

void UnknownTool::Check(const PolicyContext& context, DiagnosticSink& sink) const {
  const ServerChoice& choice = context.resolution.server;
  if (!choice.server) return;
  std::vector<std::string_view> names;
  for (const CatalogTool& t : choice.server->tools) names.push_back(t.name);
  // What a rename must not collide with: the names already listed, and those already hidden.
  std::unordered_set<std::string_view> listed, hidden;
  for (const ToolRules& t : context.policy.tools) listed.insert(t.name);
  for (const HideEntry& h : context.policy.hide) hidden.insert(h.name);
  auto check = [&](std::string_view name, uint32_t node, std::string_view where,
                   const std::unordered_set<std::string_view>& taken) {
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
    Diagnostic& d = sink.Report(info().name, node, std::move(message));
    // Renamed only when the server has exactly one close name and it is not taken: with two,
    // or with the name already there, which entry was meant is a person's call.
    if (guess.empty()) return;
    std::vector<std::string_view> close = CloseCandidates(name, names);
    if (close.size() == 1 && !taken.count(close.front())) {
      Remedy remedy;
      remedy.kind = Remedy::Kind::kRename;
      remedy.tool = std::string(name);
      remedy.name = std::string(close.front());
      remedy.target = node;
      d.remedy = std::move(remedy);
    }
  };
  std::string under_tools = "under " + context.wording.Key(PolicyKey::kTools);
  std::string in_hide = "in " + context.wording.Key(PolicyKey::kHide);
  for (const ToolRules& t : context.policy.tools) check(t.name, t.key_loc, under_tools, listed);
  for (const HideEntry& h : context.policy.hide) {
    if (h.name != "*") check(h.name, h.loc, in_hide, hidden);
  }
}

}  // namespace mcpolicy
