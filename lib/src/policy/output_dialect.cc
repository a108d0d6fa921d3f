#include "mcpolicy/output_dialect.h"

namespace mcpolicy {

std::string_view OutputDialectName(OutputDialect dialect) {
  return dialect == OutputDialect::kIntercept ? "intercept" : "json";
}

std::optional<OutputDialect> ParseOutputDialect(std::string_view name) {
  if (name == "json") return OutputDialect::kJson;
  if (name == "intercept") return OutputDialect::kIntercept;
  return std::nullopt;
}

}  // namespace mcpolicy
