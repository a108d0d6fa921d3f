#include "rules/loose_limit.h"
#include "util/text.h"

#include <cmath>

namespace mcpolicy {
namespace {

// "5000 times per minute", "6000 times per hour (100 per minute)".
std::string Rate(const Limit& limit) {
  std::string out = FormatNumber(*limit.max) + " times per " + std::string(WindowName(*limit.window));
  if (*limit.window != Window::kMinute) out += " (" + FormatNumber(*limit.PerMinute()) + " per minute)";
  return out;
}

// The largest max for the limit's window that keeps within `ceiling` calls per minute.
std::string MaxFor(const Limit& limit, double ceiling) {
  return FormatNumber(std::floor(ceiling * WindowMinutes(*limit.window)));
}

// How many limits of the policy count in `counter`.
size_t Uses(const Policy& policy, std::string_view counter) {
  size_t n = 0;
  for (const ToolRules& t : policy.tools) {
    for (const Limit& l : t.limits) n += l.counter == counter;
  }
  for (const Limit& l : policy.all_tools_limits) n += l.counter == counter;
  return n;
}

}  // namespace

void LooseLimit::Check(const PolicyContext& context, DiagnosticSink& sink) const {
  const Thresholds& thresholds = context.config.thresholds;
  const PolicyWording& w = context.wording;
  for (const ResolvedTool& tool : context.resolution.tools) {
    if (!rules::Judged(tool) || !tool.reachable()) continue;
    Category category = rules::EffectiveCategory(tool);
    double ceiling = rules::CeilingPerMinute(category, thresholds);
    for (const Limit& limit : tool.rules->limits) {
      std::optional<double> per_minute = limit.PerMinute();
      if (!per_minute || *limit.max == 0 || *per_minute <= ceiling) continue;
      Diagnostic& d = sink.Report(info().name, limit.max_loc,
                  "limit " + QuotedName(limit.counter) + " lets " + rules::Describe(tool) +
                      " be called " + Rate(limit) + ", above the ceiling of " +
                      FormatNumber(ceiling) + " per minute for " +
                      std::string(CategoryName(category)) + " tools; lower " + w.Key(PolicyKey::kMax) + " to " +
                      MaxFor(limit, ceiling));
      // The fix lowers max to the number the message names. A counter other limits share is
      // one quota for all of them: lowering one max would make them disagree (shared-counter),
      // so which max is right is left to a person.
      double lowered = std::floor(ceiling * WindowMinutes(*limit.window));
      if (lowered >= 1 && lowered < *limit.max && limit.max_loc != kNoLoc &&
          Uses(context.policy, limit.counter) == 1) {
        Remedy remedy;
        remedy.kind = Remedy::Kind::kSetMax;
        remedy.tool = std::string(tool.name);
        remedy.max = static_cast<uint32_t>(lowered);
        remedy.target = limit.max_loc;
        d.remedy = std::move(remedy);
      }
    }
  }
  // An all_tools limit is judged where it is the only limit: against the strictest ceiling of the
  // allowed, listed tools that have no limit of their own.
  const ResolvedTool* strictest = nullptr;
  double ceiling = 0;
  for (const ResolvedTool& tool : context.resolution.tools) {
    if (!rules::Judged(tool) || !tool.reachable() || !tool.rules->limits.empty()) continue;
    double c = rules::CeilingPerMinute(rules::EffectiveCategory(tool), thresholds);
    if (!strictest || c < ceiling) {
      strictest = &tool;
      ceiling = c;
    }
  }
  if (!strictest) return;
  for (const Limit& limit : context.policy.all_tools_limits) {
    std::optional<double> per_minute = limit.PerMinute();
    if (!per_minute || *limit.max == 0 || *per_minute <= ceiling) continue;
    sink.Report(info().name, limit.max_loc,
                w.SharedLimit() + " " + QuotedName(limit.counter) + " is the only limit on " +
                    rules::Describe(*strictest) + " and lets it be called " + Rate(limit) +
                    ", above the ceiling of " + FormatNumber(ceiling) + " per minute for " +
                    std::string(CategoryName(rules::EffectiveCategory(*strictest))) + " tools; give " +
                    QuotedName(strictest->name) + " its own limit of at most " +
                    FormatNumber(std::floor(ceiling)) + " per minute");
  }
}

}  // namespace mcpolicy
