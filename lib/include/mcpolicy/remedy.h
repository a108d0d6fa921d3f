// What a policy should do with a tool of each category: the table `recommend` writes policies from
// and `lint --fix` repairs them with, so a fixed policy and a generated one agree.
//
// Tiers (DOMAIN.md §2 is `recommended`):
//   strict       reads listed as {}; everything else hidden.
//   recommended  read {}; write 30/minute; execute 10/minute; other 60/minute; destructive and
//                financial hidden.
//   permissive   read and other {}; write and execute with the recommended averages counted per
//                hour (1800/hour, 600/hour), so bursts pass; destructive and financial hidden.
// Every tier's limits stay within the loose-limit rule's default ceilings, so a generated policy
// lints clean. Per-category overrides (`--write 60/hour`, config "recommend") replace a tier's row.
#ifndef MCPOLICY_REMEDY_H_
#define MCPOLICY_REMEDY_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "mcpolicy/classify.h"
#include "mcpolicy/policy.h"

namespace mcpolicy {

enum class Tier : uint8_t { kStrict, kRecommended, kPermissive };
std::string_view TierName(Tier tier);  // "strict", "recommended", "permissive"
std::optional<Tier> ParseTier(std::string_view name);

// One category's treatment.
struct Treatment {
  enum class Kind : uint8_t {
    kAllow,  // listed as {}
    kLimit,  // listed with one limit {counter: "<tool>_rate", window, max, scope: "grant"}
    kHide,   // named in "hide"
  };
  Kind kind = Kind::kHide;
  Window window = Window::kMinute;
  uint32_t max = 0;  // kLimit only; at least 1

  bool operator==(const Treatment&) const = default;
  // "allow", "hide", "30/minute".
  std::string ToString() const;
};

// Parses "allow", "hide" or "N/minute|hour|day" with 1 <= N <= 1000000000; nullopt otherwise.
std::optional<Treatment> ParseTreatment(std::string_view text);

// Per-category replacements for a tier's rows, indexed by Category's value.
using TreatmentOverrides = std::array<std::optional<Treatment>, 6>;

// The tier's row for `category`, or its override.
Treatment TreatmentFor(Category category, Tier tier, const TreatmentOverrides& overrides = {});

// Whether `a` lets fewer calls through than `b`: hide before any limit before allow; limits by
// calls per minute (equal rates: neither is stricter).
bool StricterThan(const Treatment& a, const Treatment& b);

// The counter a generated limit uses: "<tool>_rate".
std::string CounterName(std::string_view tool);

}  // namespace mcpolicy

#endif  // MCPOLICY_REMEDY_H_
