// Writing recommend's decisions as an Intercept YAML policy (layout in recommend.h), through the
// shared Intercept writer.
#include <algorithm>
#include <array>

#include "intercept/policy.h"
#include "intercept/write.h"
#include "mcpolicy/recommend.h"

namespace mcpolicy {
namespace {

constexpr std::array<Category, 6> kGroupOrder = {Category::kRead,        Category::kWrite,
                                                 Category::kExecute,     Category::kDestructive,
                                                 Category::kFinancial,   Category::kOther};

size_t GroupOf(const ToolDecision& d) {
  return static_cast<size_t>(std::find(kGroupOrder.begin(), kGroupOrder.end(), d.category) -
                             kGroupOrder.begin());
}

intercept::Window InterceptWindow(Window window) {
  switch (window) {
    case Window::kMinute: return intercept::Window::kMinute;
    case Window::kHour: return intercept::Window::kHour;
    case Window::kDay: return intercept::Window::kDay;
  }
  return intercept::Window::kMinute;
}

intercept::Condition OperationCondition(const ToolDecision& d, std::string_view op,
                                        const std::vector<std::string>& values) {
  intercept::Condition c;
  c.path = "args." + d.argument;
  c.op = op;
  c.value.type = intercept::Operand::Type::kList;
  for (const std::string& v : values) {
    intercept::Operand item;
    item.type = intercept::Operand::Type::kString;
    item.text = v;
    c.value.items.push_back(std::move(item));
  }
  return c;
}

intercept::Tool ToolOf(const ToolDecision& d) {
  intercept::Tool tool;
  tool.name = d.name;
  if (!d.denied.empty()) {
    intercept::Rule guard;
    guard.name = "block operations";
    guard.conditions.push_back(OperationCondition(d, "not_in", d.denied));
    tool.rules.push_back(std::move(guard));
  }
  if (d.approval || !d.approve.empty()) {
    intercept::Rule approval;
    approval.name = "approval";
    approval.action = intercept::Action::kRequireApproval;
    if (!d.approval) approval.conditions.push_back(OperationCondition(d, "in", d.approve));
    tool.rules.push_back(std::move(approval));
  }
  if (d.limit.kind == Treatment::Kind::kLimit) {
    intercept::Rule limit;
    limit.name = CounterName(d.name);
    intercept::RateLimit rate;
    rate.valid = true;
    rate.count = d.limit.max;
    rate.window = InterceptWindow(d.limit.window);
    limit.rate_limit = rate;
    tool.rules.push_back(std::move(limit));
  }
  return tool;
}

std::string Header(Category category) { return "--- " + std::string(CategoryName(category)) + " ---"; }

}  // namespace

std::string FormatInterceptPolicy(const std::vector<ToolDecision>& tools, std::string_view server,
                                  Tier tier) {
  std::vector<const ToolDecision*> hidden, listed;
  for (const ToolDecision& d : tools) (d.hidden ? hidden : listed).push_back(&d);
  auto order = [](const ToolDecision* a, const ToolDecision* b) {
    size_t ga = GroupOf(*a), gb = GroupOf(*b);
    return ga != gb ? ga < gb : a->name < b->name;
  };
  std::sort(hidden.begin(), hidden.end(), order);
  std::sort(listed.begin(), listed.end(), order);

  intercept::InterceptPolicy policy;
  policy.version = "1";
  policy.default_policy = intercept::Default::kDeny;
  policy.default_written = true;
  intercept::WriteLayout layout;
  layout.header.push_back("Intercept policy" +
                          (server.empty() ? std::string() : " for " + std::string(server)) +
                          ", written by mcpolicy recommend (tier " + std::string(TierName(tier)) +
                          ").");
  layout.header.push_back("Unlisted tools are denied; hidden tools are also left out of tools/list.");
  for (size_t i = 0; i < hidden.size(); ++i) {
    policy.hide.push_back({hidden[i]->name, intercept::kNoNode});
    std::vector<std::string> comments;
    if (i == 0 || GroupOf(*hidden[i - 1]) != GroupOf(*hidden[i])) {
      comments.push_back(Header(hidden[i]->category));
    }
    if (hidden[i]->uncertain) comments.push_back("guessed (uncertain): review " + hidden[i]->name);
    layout.hide_comments.push_back(std::move(comments));
  }
  for (size_t i = 0; i < listed.size(); ++i) {
    policy.tools.push_back(ToolOf(*listed[i]));
    std::vector<std::string> comments;
    if (i == 0 || GroupOf(*listed[i - 1]) != GroupOf(*listed[i])) {
      comments.push_back(Header(listed[i]->category));
    }
    if (listed[i]->uncertain) {
      comments.push_back("guessed (uncertain): review " + listed[i]->name);
    }
    layout.tool_comments.push_back(std::move(comments));
  }
  return intercept::Write(policy, layout);
}

}  // namespace mcpolicy
