// Rewrites schema findings on hosted policies whose cause is a key or value from another gateway
// dialect (Intercept YAML, marketing-page examples), saying what the hosted format uses instead.
#ifndef MCPOLICY_LINT_DIALECT_HINTS_H_
#define MCPOLICY_LINT_DIALECT_HINTS_H_

#include <optional>
#include <string>

#include "mcpolicy/json.h"
#include "mcpolicy/schema.h"

namespace mcpolicy {

// The message to report instead of `error.message`, or nullopt when no dialect explains it.
std::optional<std::string> DialectMessage(const SchemaError& error, const json::Document& doc);

}  // namespace mcpolicy

#endif  // MCPOLICY_LINT_DIALECT_HINTS_H_
