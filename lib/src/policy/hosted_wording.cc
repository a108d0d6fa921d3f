// Advice in PolicyLayer hosted JSON: snippets a user can paste into the policy.
#include "policy/wording.h"
#include "util/text.h"

namespace mcpolicy {
namespace {

class HostedJson final : public PolicyWording {
 public:
  std::string Key(PolicyKey key) const override {
    switch (key) {
      case PolicyKey::kTools: return "\"tools\"";
      case PolicyKey::kHide: return "\"hide\"";
      case PolicyKey::kGuard: return "\"deny_if\"";
      case PolicyKey::kMax: return "\"max\"";
    }
    return "";
  }
  std::string DefaultIs(DefaultAction action) const override {
    return action == DefaultAction::kDeny ? "\"default\": \"deny\"" : "\"default\": \"allow\"";
  }
  std::string GuardAdvice() const override { return "a \"deny_if\" condition"; }
  std::string HideAll() const override { return "\"hide\": [\"*\"]"; }
  std::string MaxIsZero() const override { return "\"max\": 0"; }
  std::string SharedLimit() const override { return "all_tools limit"; }
  std::string LimitSnippet(std::string_view tool, Window window, double max) const override {
    return "\"limits\": [{\"counter\": " + QuotedName(std::string(tool) + "_rate") +
           ", \"window\": \"" + std::string(WindowName(window)) +
           "\", \"max\": " + FormatNumber(max) + ", \"scope\": \"grant\"}]";
  }
  std::string GuardSnippet(std::string_view path, std::string_view op,
                           std::string_view value) const override {
    return "\"deny_if\": [{\"path\": " + QuotedName(path) + ", \"op\": " + JsonQuoted(op) +
           ", \"value\": " + std::string(value) + "}]";
  }
  std::string ListedBare(std::string_view tool) const override {
    return "\"tools\": {" + QuotedName(tool) + ": {}}";
  }
};

}  // namespace

const PolicyWording& HostedJsonWording() {
  static const HostedJson wording;
  return wording;
}

}  // namespace mcpolicy
