// The tier table of remedy.h.
#include "mcpolicy/remedy.h"

#include <charconv>

namespace mcpolicy {
namespace {

constexpr Treatment Allow() { return {Treatment::Kind::kAllow, Window::kMinute, 0}; }
constexpr Treatment Hide() { return {Treatment::Kind::kHide, Window::kMinute, 0}; }
constexpr Treatment Limited(uint32_t max, Window window) {
  return {Treatment::Kind::kLimit, window, max};
}

}  // namespace

std::string_view TierName(Tier tier) {
  switch (tier) {
    case Tier::kStrict: return "strict";
    case Tier::kRecommended: return "recommended";
    case Tier::kPermissive: return "permissive";
  }
  return "recommended";
}

std::optional<Tier> ParseTier(std::string_view name) {
  for (Tier tier : {Tier::kStrict, Tier::kRecommended, Tier::kPermissive}) {
    if (TierName(tier) == name) return tier;
  }
  return std::nullopt;
}

std::string Treatment::ToString() const {
  switch (kind) {
    case Kind::kAllow: return "allow";
    case Kind::kHide: return "hide";
    case Kind::kLimit: return std::to_string(max) + "/" + std::string(WindowName(window));
  }
  return "hide";
}

std::optional<Treatment> ParseTreatment(std::string_view text) {
  if (text == "allow") return Allow();
  if (text == "hide") return Hide();
  size_t slash = text.find('/');
  if (slash == std::string_view::npos || slash == 0) return std::nullopt;
  uint32_t max = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + slash, max);
  if (ec != std::errc() || end != text.data() + slash || max < 1 || max > 1000000000) {
    return std::nullopt;
  }
  std::string_view unit = text.substr(slash + 1);
  for (Window window : {Window::kMinute, Window::kHour, Window::kDay}) {
    if (WindowName(window) == unit) return Limited(max, window);
  }
  return std::nullopt;
}

Treatment TreatmentFor(Category category, Tier tier, const TreatmentOverrides& overrides) {
  if (const auto& o = overrides[static_cast<size_t>(category)]) return *o;
  switch (category) {
    case Category::kRead: return Allow();
    case Category::kDestructive:
    case Category::kFinancial: return Hide();
    case Category::kWrite:
      if (tier == Tier::kStrict) return Hide();
      return tier == Tier::kPermissive ? Limited(1800, Window::kHour) : Limited(30, Window::kMinute);
    case Category::kExecute:
      if (tier == Tier::kStrict) return Hide();
      return tier == Tier::kPermissive ? Limited(600, Window::kHour) : Limited(10, Window::kMinute);
    case Category::kOther:
      if (tier == Tier::kStrict) return Hide();
      return tier == Tier::kPermissive ? Allow() : Limited(60, Window::kMinute);
  }
  return Hide();
}

bool StricterThan(const Treatment& a, const Treatment& b) {
  auto rank = [](const Treatment& t) {
    return t.kind == Treatment::Kind::kHide ? 0 : t.kind == Treatment::Kind::kLimit ? 1 : 2;
  };
  if (rank(a) != rank(b)) return rank(a) < rank(b);
  if (a.kind != Treatment::Kind::kLimit) return false;
  return a.max / WindowMinutes(a.window) < b.max / WindowMinutes(b.window);
}

std::string CounterName(std::string_view tool) { return std::string(tool) + "_rate"; }

}  // namespace mcpolicy
