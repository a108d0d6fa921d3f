// One tool's rule from its category (or its operations' categories) and the tier table.
#include "recommend/decide.h"

#include <algorithm>

#include "catalog/tools_server.h"
#include "mcpolicy/catalog.h"

namespace mcpolicy {
namespace {

constexpr size_t kOperationsShown = 8;  // values named per category in evidence

Treatment HideTreatment() { return ParseTreatment("hide").value(); }

// The rule a decision amounts to, as one treatment (hide when hidden).
Treatment Effective(const ToolDecision& d) { return d.hidden ? HideTreatment() : d.limit; }

}  // namespace

std::string ToolDecision::Rule() const {
  if (hidden) return "hide";
  std::string out;
  auto list = [&](std::string_view what, const std::vector<std::string>& values) {
    if (values.empty()) return;
    out += (out.empty() ? "" : "; ") + std::string(what) + " " + argument + " in [";
    for (size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + values[i];
    out += "]";
  };
  list("deny_if", denied);
  if (approval) out += out.empty() ? "require_approval" : "; require_approval";
  list("require_approval", approve);
  if (limit.kind == Treatment::Kind::kLimit) {
    out += (out.empty() ? "limit " : "; limit ") + limit.ToString();
  }
  return out.empty() ? "{}" : out;
}

ToolDecision DecideCatalogTool(const CatalogTool& tool, std::string_view server_id, Tier tier,
                               const TreatmentOverrides& overrides) {
  ToolDecision d;
  d.name = tool.name;
  d.category = tool.category;
  d.from_catalog = true;
  std::string_view summary = tool.summary;
  if (summary.ends_with('.')) summary.remove_suffix(1);
  d.evidence.push_back("catalog " + std::string(server_id) + ": " + std::string(summary));
  if (tool.operations.empty()) {
    d.limit = TreatmentFor(tool.category, tier, overrides);
    d.hidden = d.limit.kind == Treatment::Kind::kHide;
    return d;
  }
  d.evidence.push_back("operations by " + DescribeOperations(tool, kOperationsShown));
  recommend::DecideMultiplexer(tool.operation_argument, tool.operations, tier, overrides, d);
  return d;
}

namespace recommend {

void DecideMultiplexer(const std::string& argument, const Operations& operations, Tier tier,
                       const TreatmentOverrides& overrides, ToolDecision& decision) {
  decision.argument = argument;
  decision.denied.clear();
  decision.hidden_operations.clear();
  std::optional<Treatment> strictest;
  for (const auto& [value, category] : operations) {
    Treatment t = TreatmentFor(category, tier, overrides);
    if (t.kind == Treatment::Kind::kHide) {
      decision.denied.push_back(value);
      decision.hidden_operations.emplace_back(value, category);
    } else if (!strictest || StricterThan(t, *strictest)) {
      strictest = t;
    }
  }
  decision.hidden = !strictest;
  if (decision.hidden) {
    decision.denied.clear();
    decision.limit = HideTreatment();
  } else {
    decision.limit = *strictest;
  }
}

}  // namespace recommend

namespace {

bool Critical(Category category) {
  return category == Category::kDestructive || category == Category::kFinancial;
}

}  // namespace

void ApplyApproval(ToolDecision& d, Tier tier, const TreatmentOverrides& overrides) {
  if (d.argument.empty()) {
    // Hidden as destructive or financial, or by a stricter reading than its category's row
    // (a name that reads as destructive): a person approves each call instead.
    bool by_tier = TreatmentFor(d.category, tier, overrides).kind == Treatment::Kind::kHide;
    if (d.hidden && (Critical(d.category) || !by_tier)) {
      d.hidden = false;
      d.approval = true;
      d.limit = ParseTreatment("allow").value();
    }
    return;
  }
  std::vector<std::string> denied, approve;
  for (const auto& [value, category] : d.hidden_operations) {
    (Critical(category) ? approve : denied).push_back(value);
  }
  if (approve.empty()) return;
  if (d.hidden) {
    d.hidden = false;
    d.limit = ParseTreatment("allow").value();
    if (denied.empty()) {  // every operation is critical: every call waits
      d.approval = true;
      d.denied.clear();
      return;
    }
  }
  d.denied = std::move(denied);
  d.approve = std::move(approve);
}

namespace recommend {

HeuristicDecider::HeuristicDecider() = default;

HeuristicDecider::~HeuristicDecider() = default;

std::optional<std::pair<std::string, Operations>> HeuristicDecider::OperationsOf(
    const ToolInfo& tool) const {
  return mcpolicy::OperationsOf(classifier_, tool);
}

ToolDecision HeuristicDecider::Decide(const ToolInfo& tool, Tier tier,
                                      const TreatmentOverrides& overrides) const {
  Classification full = classifier_.Classify(tool);
  ToolDecision d;
  d.name = std::string(tool.name);
  d.category = full.category;
  d.confidence = full.confidence;
  d.evidence = std::move(full.evidence);
  if (auto ops = OperationsOf(tool)) {
    std::string by;
    for (const auto& [value, category] : ops->second) {
      by += (by.empty() ? "" : ", ") + value + " (" + std::string(CategoryName(category)) + ")";
    }
    d.evidence.push_back("multiplexer: " + ops->first + " selects " + by);
    DecideMultiplexer(ops->first, ops->second, tier, overrides, d);
    return d;  // the operation values are better evidence than the name
  }
  d.uncertain = full.uncertain;
  d.limit = TreatmentFor(full.category, tier, overrides);
  d.hidden = d.limit.kind == Treatment::Kind::kHide;
  ToolInfo name_only;
  name_only.name = tool.name;
  Classification by_name = classifier_.Classify(name_only);
  Treatment floor = TreatmentFor(by_name.category, tier, overrides);
  if (StricterThan(floor, Effective(d))) {
    d.evidence.push_back("the name alone reads as " + std::string(CategoryName(by_name.category)) +
                         ", which is treated more strictly; that rule is used");
    d.hidden = floor.kind == Treatment::Kind::kHide;
    d.limit = floor;
    d.uncertain = d.uncertain || by_name.uncertain;
  }
  if (d.uncertain && Effective(d).kind == Treatment::Kind::kAllow) {
    // A guess is never allowed unconditionally: the write rule at least, the recommended one if
    // the write row itself allows everything.
    Treatment write = TreatmentFor(Category::kWrite, tier, overrides);
    if (write.kind == Treatment::Kind::kAllow) write = TreatmentFor(Category::kWrite, Tier::kRecommended);
    d.evidence.push_back("uncertain: a guess is not allowed without a limit; the write rule (" +
                         write.ToString() + ") is used until a reviewer decides");
    d.hidden = write.kind == Treatment::Kind::kHide;
    d.limit = write;
  }
  return d;
}

}  // namespace recommend
}  // namespace mcpolicy
