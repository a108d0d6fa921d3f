// The keys an Intercept policy has at each place, and what to say about a key it does not have:
// a misspelling ("did you mean"), a word from another dialect (`reason:` for `on_deny:`), or a
// PolicyLayer hosted-JSON key written in YAML (`limits:`) with the Intercept way to say it.
// Intercept itself ignores unknown keys, so `rate_limt: 5/hour` silently limits nothing.
#ifndef MCPOLICY_INTERCEPT_KEYS_H_
#define MCPOLICY_INTERCEPT_KEYS_H_

#include <string>
#include <string_view>
#include <vector>

namespace mcpolicy::intercept {

enum class Place : uint8_t { kTop, kTool, kRule, kCondition, kState, kApprovals, kNotify, kWebhook };

const std::vector<std::string_view>& KnownKeys(Place place);
bool IsKnownKey(Place place, std::string_view key);

// The message for `key` at `place`, e.g. `unknown key "reason:" in a rule; did you mean "on_deny:"?
// (Intercept ignores unknown keys, so ...)`.
std::string UnknownKeyMessage(Place place, std::string_view key);

}  // namespace mcpolicy::intercept

#endif  // MCPOLICY_INTERCEPT_KEYS_H_
