// Words for limits, conditions and a tool's standing in one version of a policy.
#include "diff/describe.h"

#include "diff/compare.h"
#include "util/text.h"

namespace mcpolicy::diff {

std::string LimitText(const Limit& limit) {
  if (limit.spend_cap && limit.window) {
    return "a spend cap per " + std::string(WindowName(*limit.window));
  }
  if (!limit.window || !limit.max) return "an unreadable limit";
  return FormatNumber(*limit.max) + "/" + std::string(WindowName(*limit.window));
}

std::string LimitedText(const Limit& limit) {
  return (limit.spend_cap && limit.window ? "limited by " : "limited to ") + LimitText(limit);
}

const Limit* Strictest(std::span<const Limit> limits) {
  const Limit* best = nullptr;
  for (const Limit& l : limits) {
    std::optional<double> rate = l.PerMinute();
    if (rate && (!best || *rate < *best->PerMinute())) best = &l;
  }
  return best;
}

std::string StateText(const ResolvedTool& tool, const Policy& policy, const DiffWording& words) {
  if (tool.decision == Decision::kHidden) {
    return std::string(tool.hidden_by && tool.hidden_by->name == "*" ? words.hidden_by_all
                                                                     : words.hidden);
  }
  if (tool.decision == Decision::kDeniedByDefault) return std::string(words.denied_by_default);
  if (tool.decision == Decision::kDenied) return std::string(words.denied_by_rule);
  std::string out;
  const std::span<const Limit>* own = tool.rules ? &tool.rules->limits : nullptr;
  if (own && !own->empty()) {
    const Limit* shown = Strictest(*own);
    if (!shown) {
      // Only spend caps, or limits that cannot be read.
      for (const Limit& l : *own) {
        if (l.Enforced()) shown = &l;
      }
    }
    out = "allowed, " + (shown ? LimitedText(*shown) : std::string("limited to an unreadable limit"));
  } else if (!policy.all_tools_limits.empty()) {
    const Limit* strictest = Strictest(policy.all_tools_limits);
    out = "allowed with no limit of its own (" + std::string(words.all_tools_state) + ": " +
          (strictest ? LimitText(*strictest) : std::string("unreadable")) + ")";
  } else {
    out = "allowed with no limit";
  }
  bool conditions = tool.rules && (!tool.rules->require.empty() || !tool.rules->deny_if.empty());
  bool approval = tool.rules && tool.rules->approval;
  if (conditions) out += ", with argument conditions";
  if (approval) out += conditions ? " and approval of every call" : ", with approval of every call";
  if (tool.rules && !tool.rules->well_formed) out += " (its entry is malformed: see mcpolicy lint)";
  return out;
}

std::string ConditionText(std::string_view list, const Condition& c, std::string_view value) {
  // Owned copies: the model's strings may be views into the document.
  std::string out = std::string(list) + " " + std::string(c.path) + " " + std::string(c.op);
  if (!value.empty()) {
    out += ' ';
    out += value;
  }
  return out;
}

}  // namespace mcpolicy::diff
