#include "fix/remedies.h"

#include "mcpolicy/fix.h"
#include "rules/context.h"

namespace mcpolicy::fix {
namespace {

constexpr std::string_view kFixable[] = {"default-allow",         "reachable-destructive",
                                         "reachable-financial",   "unguarded-multiplexer",
                                         "unlimited-execute",     "unlimited-write"};

// The tool a finding at "/tools/<name>" is about (RFC 6901 unescaped), or "".
std::string ToolOf(const std::string& pointer) {
  constexpr std::string_view kPrefix = "/tools/";
  if (pointer.compare(0, kPrefix.size(), kPrefix) != 0) return "";
  std::string token = pointer.substr(kPrefix.size());
  if (token.find('/') != std::string::npos) return "";
  std::string name;
  for (size_t i = 0; i < token.size(); ++i) {
    if (token[i] == '~' && i + 1 < token.size()) {
      name += token[i + 1] == '1' ? '/' : '~';
      ++i;
    } else {
      name += token[i];
    }
  }
  return name;
}

// A tool's remedy from the recommended tier: a limit, or hiding it (allow is no remedy).
std::optional<Remedy> TierRemedy(const ResolvedTool& tool, Category category) {
  Treatment treatment = TreatmentFor(category, Tier::kRecommended);
  Remedy remedy;
  remedy.tool = tool.name;
  switch (treatment.kind) {
    case Treatment::Kind::kAllow: return std::nullopt;
    case Treatment::Kind::kHide: remedy.kind = Remedy::Kind::kHide; return remedy;
    case Treatment::Kind::kLimit:
      remedy.kind = Remedy::Kind::kAddLimit;
      remedy.limit = treatment;
      return remedy;
  }
  return std::nullopt;
}

std::optional<Remedy> DenyByDefault(const Resolution& resolution) {
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

std::optional<Remedy> RemedyFor(const Diagnostic& d, const Policy& policy,
                                const Resolution& resolution) {
  if (d.rule == "default-allow") {
    if (policy.default_action != DefaultAction::kAllow) return std::nullopt;
    return DenyByDefault(resolution);
  }
  const ResolvedTool* tool = resolution.Find(ToolOf(d.pointer));
  if (!tool || !tool->rules) return std::nullopt;
  if (d.rule == "unlimited-execute" || d.rule == "unlimited-write") {
    return TierRemedy(*tool, rules::EffectiveCategory(*tool));
  }
  if (d.rule == "reachable-destructive" || d.rule == "reachable-financial") {
    return TierRemedy(*tool, tool->category);
  }
  if (d.rule == "unguarded-multiplexer" && tool->catalog) {
    Remedy remedy;
    remedy.kind = Remedy::Kind::kGuard;
    remedy.tool = tool->name;
    remedy.path = "args." + tool->catalog->operation_argument;
    for (auto& [value, category] : rules::OpenDangerousOperations(*tool)) {
      remedy.values.push_back(value);
    }
    if (remedy.values.empty()) return std::nullopt;
    return remedy;
  }
  return std::nullopt;
}

}  // namespace mcpolicy::fix

namespace mcpolicy {

bool IsFixableRule(std::string_view rule) {
  for (std::string_view r : fix::kFixable) {
    if (r == rule) return true;
  }
  return false;
}

}  // namespace mcpolicy
