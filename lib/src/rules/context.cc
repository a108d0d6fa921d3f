// Message pieces shared by the policy rules.
#include "rules/context.h"
#include "util/text.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <span>

namespace mcpolicy::rules {
namespace {

bool Contains(std::span<const std::string_view> values, std::string_view value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

// Whether `c`, a condition on the operation argument, matches the call selecting `value`. Ops
// that say nothing about a string value (lt, exists, ...) match nothing.
bool Matches(const Condition& c, std::string_view value) {
  if (c.op == "eq" || c.op == "in") return Contains(c.values, value);
  if (c.op == "neq" || c.op == "not_in") return !c.values.empty() && !Contains(c.values, value);
  if (c.op == "contains") return !c.values.empty() && value.find(c.values[0]) != std::string_view::npos;
  if (c.op == "regex" && !c.values.empty()) {
    RE2::Options options;
    options.set_log_errors(false);
    RE2 re(c.values[0], options);
    return re.ok() && RE2::PartialMatch(value, re);
  }
  return false;
}

}  // namespace

bool Stopped(const ToolRules& rules, std::string_view path, std::string_view value) {
  if (rules.approval) return true;  // a person approves each call
  for (const Condition& c : rules.deny_if) {
    if (c.path == path && Matches(c, value)) return true;
  }
  for (const Condition& c : rules.require) {
    if (c.path != path) continue;
    bool judges_strings = c.op == "eq" || c.op == "in" || c.op == "neq" || c.op == "not_in" ||
                          c.op == "contains" || c.op == "regex";
    if (judges_strings && !Matches(c, value)) return true;
  }
  return false;
}

std::string Describe(const ResolvedTool& tool) {
  Category effective = EffectiveCategory(tool);
  std::string out = std::string(CategoryName(effective)) + " tool " + QuotedName(tool.name);
  if (!tool.from_catalog) out += " (judged by its name)";
  if (effective != tool.category) {
    out += " (its conditions stop the " + std::string(CategoryName(tool.category)) + " operations)";
  }
  return out;
}

LocId LocOf(const ResolvedTool& tool) {
  if (tool.rules) return tool.rules->key_loc;
  if (tool.hidden_by) return tool.hidden_by->loc;
  return kNoLoc;
}

double CeilingPerMinute(Category category, const Thresholds& thresholds) {
  return thresholds.PerMinute(category);
}

bool Judged(const ResolvedTool& tool) {
  return tool.rules && tool.rules->well_formed && tool.on_server && ValidToolName(tool.name);
}

std::optional<Remedy> TierRemedy(const ResolvedTool& tool, Category category) {
  Treatment treatment = TreatmentFor(category, Tier::kRecommended);
  Remedy remedy;
  remedy.tool = tool.name;
  switch (treatment.kind) {
    case Treatment::Kind::kAllow: return std::nullopt;
    case Treatment::Kind::kHide: remedy.kind = Remedy::Kind::kHide; return remedy;
    case Treatment::Kind::kLimit:
      remedy.kind = Remedy::Kind::kAddLimit;
      remedy.window = treatment.window;
      remedy.max = treatment.max;
      return remedy;
  }
  return std::nullopt;
}

std::string SuggestedLimit(const ResolvedTool& tool, const PolicyContext& context) {
  double ceiling = CeilingPerMinute(EffectiveCategory(tool), context.config.thresholds);
  return context.wording.LimitSnippet(tool.name, Window::kMinute, std::floor(ceiling));
}

}  // namespace mcpolicy::rules

namespace mcpolicy::rules {

Category EffectiveCategory(const ResolvedTool& tool) {
  if (!tool.catalog || tool.catalog->operations.empty() || !tool.rules) return tool.category;
  std::string path = "args." + tool.catalog->operation_argument;
  std::optional<Category> worst;
  for (const auto& [value, category] : tool.catalog->operations) {
    if (Stopped(*tool.rules, path, value)) continue;
    if (!worst || CategoryRank(category) > CategoryRank(*worst)) worst = category;
  }
  return worst ? *worst : Category::kRead;
}

}  // namespace mcpolicy::rules

namespace mcpolicy::rules {

std::vector<std::pair<std::string, Category>> OpenDangerousOperations(const ResolvedTool& tool) {
  std::vector<std::pair<std::string, Category>> open;
  if (!tool.catalog || !tool.rules) return open;
  std::string path = "args." + tool.catalog->operation_argument;
  for (const auto& [value, category] : tool.catalog->operations) {
    if (DangerRank(category) >= DangerRank(Category::kDestructive) &&
        !Stopped(*tool.rules, path, value)) {
      open.emplace_back(value, category);
    }
  }
  return open;
}

}  // namespace mcpolicy::rules
