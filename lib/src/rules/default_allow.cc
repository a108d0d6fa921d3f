#include "rules/default_allow.h"
#include "util/text.h"

namespace mcpolicy {
namespace {

// Deny by default, and list the server's read tools the policy leaves to the default, so making
// the default deny takes nothing harmless away.
Remedy DenyByDefault(const Resolution& resolution) {
  Remedy remedy;
  remedy.kind = Remedy::Kind::kDenyByDefault;
  for (const ResolvedTool& tool : resolution.tools) {
    if (!tool.rules && tool.catalog && tool.reachable() && tool.category == Category::kRead) {
      remedy.values.emplace_back(tool.name);
    }
  }
  return remedy;
}

}  // namespace

void DefaultAllow::Check(const PolicyContext& context, DiagnosticSink& sink) const {
  const Policy& policy = context.policy;
  if (policy.default_action != DefaultAction::kAllow) return;
  // Unlisted, unhidden tools of the known server that run code, destroy data or move money.
  std::vector<const ResolvedTool*> risky;
  for (const ResolvedTool& tool : context.resolution.tools) {
    if (tool.rules || !tool.catalog || !tool.reachable()) continue;
    if (DangerRank(tool.category) >= DangerRank(Category::kExecute)) risky.push_back(&tool);
  }
  const PolicyWording& w = context.wording;
  std::string limits = policy.all_tools_limits.empty() ? "with no limit"
                                                       : "with only the " + w.SharedLimit() + "s";
  std::string fix = "; use " + w.DefaultIs(DefaultAction::kDeny) + " and list the tools the agent needs";
  std::string allows = (policy.default_written ? w.DefaultIs(DefaultAction::kAllow) : w.DefaultOmitted()) +
                       " lets the agent call every tool not listed under " + w.Key(PolicyKey::kTools) + " ";
  if (risky.empty()) {
    sink.Report(info().name, policy.default_loc,
                allows + limits + ", including tools the server adds later" + fix)
        .remedy = DenyByDefault(context.resolution);
    return;
  }
  constexpr size_t kNamed = 5;
  std::string names;
  for (size_t i = 0; i < risky.size() && i < kNamed; ++i) {
    if (!names.empty()) names += ", ";
    names += QuotedName(risky[i]->name) + " (" + std::string(CategoryName(risky[i]->category)) + ")";
  }
  if (risky.size() > kNamed) names += " and " + std::to_string(risky.size() - kNamed) + " more";
  sink.Report(info().name, policy.default_loc,
              allows + limits + ", and " + context.resolution.server.server->id + " has " +
                  std::to_string(risky.size()) + " unlisted execute, destructive or financial " +
                  (risky.size() == 1 ? "tool: " : "tools: ") + names + fix,
              Severity::kError)
      .remedy = DenyByDefault(context.resolution);
}

}  // namespace mcpolicy
