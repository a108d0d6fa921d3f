// Rewrites schema findings on hosted policies whose cause is a key or value from another gateway
// dialect (Intercept YAML, marketing-page examples), saying what the hosted format uses instead,
// and gives the ones with an unambiguous repair their remedy (the schema rule's fixes in
// rules/registry.cc).
#ifndef MCPOLICY_LINT_DIALECT_HINTS_H_
#define MCPOLICY_LINT_DIALECT_HINTS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mcpolicy/diagnostic.h"

#include "mcpolicy/json.h"
#include "mcpolicy/schema.h"

namespace mcpolicy {

struct DialectHint {
  std::string message;           // reported instead of the schema's own message
  std::optional<Remedy> remedy;  // set when lint --fix can repair it
};

// The hints of one document (parsed, ok()).
class DialectHints {
 public:
  explicit DialectHints(const json::Document& doc) : doc_(doc) {}
  // The hint for `error`, or nullopt when no dialect explains it.
  std::optional<DialectHint> For(const SchemaError& error);

 private:
  // The `tools` entry `key` (a key node) is a member of, when it is a member of one.
  std::optional<json::Member> EntryOf(uint32_t key);

  const json::Document& doc_;
  std::vector<json::Member> entries_;  // the `tools` members, in document order; built on need
  bool entries_built_ = false;
};

}  // namespace mcpolicy

#endif  // MCPOLICY_LINT_DIALECT_HINTS_H_
