// The policy dialects mcpolicy writes (recommend --dialect, convert --to).
#ifndef MCPOLICY_OUTPUT_DIALECT_H_
#define MCPOLICY_OUTPUT_DIALECT_H_

#include <cstdint>
#include <optional>
#include <string_view>

namespace mcpolicy {

enum class OutputDialect : uint8_t {
  kJson,       // PolicyLayer's hosted JSON
  kIntercept,  // the Intercept proxy's YAML
};

std::string_view OutputDialectName(OutputDialect dialect);  // "json", "intercept"
std::optional<OutputDialect> ParseOutputDialect(std::string_view name);

}  // namespace mcpolicy

#endif  // MCPOLICY_OUTPUT_DIALECT_H_
