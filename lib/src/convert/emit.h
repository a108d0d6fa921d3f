// The two writers of convert: the neutral model as PolicyLayer hosted JSON and as Intercept YAML.
// Each reports, through `sink`, every construct of the model (and every construct the reader
// recorded as unmapped) the target cannot say, and writes the rest.
#ifndef MCPOLICY_CONVERT_EMIT_H_
#define MCPOLICY_CONVERT_EMIT_H_

#include <optional>
#include <string>
#include <string_view>

#include "mcpolicy/policy.h"
#include "util/sink.h"

namespace mcpolicy::convert {

inline constexpr std::string_view kLossRule = "no-equivalent";

std::string ToJson(const Policy& policy, DiagnosticSink& sink);
std::string ToIntercept(const Policy& policy, DiagnosticSink& sink);

// The op whose condition holds exactly when `op`'s does not (in -> not_in, lt -> gte, ...);
// nullopt for regex and contains, which have none. exists is its own negation with the value
// flipped.
std::optional<std::string_view> NegatedOp(std::string_view op);

// Reports a loss at `loc` (the whole file when kNoLoc).
void ReportLoss(DiagnosticSink& sink, LocId loc, std::string message);

}  // namespace mcpolicy::convert

#endif  // MCPOLICY_CONVERT_EMIT_H_
