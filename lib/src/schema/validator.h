// The validation engine over a Compiled schema. Internal to Schema::Validate and IsValid.
#ifndef MCPOLICY_SCHEMA_VALIDATOR_H_
#define MCPOLICY_SCHEMA_VALIDATOR_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mcpolicy/json.h"
#include "mcpolicy/schema.h"
#include "schema/compiled.h"

namespace mcpolicy::schema {

// Applications of a schema nested deeper than this (instance levels times schema hops) are
// reported instead of recursed into; together with max_depth it bounds the stack.
inline constexpr uint32_t kMaxFrames = 2048;

// Validation of one value may apply at most this many subschemas per node of the value (and at
// least kMinSteps in all); schemas that apply a subschema twice at every level (allOf of two
// recursive $refs) would otherwise take time exponential in the nesting.
inline constexpr uint64_t kStepsPerNode = 64;
inline constexpr uint64_t kMinSteps = uint64_t{1} << 22;

// An error as the engine records it; Finalize() adds pointers and schema paths.
struct Emitted {
  uint32_t node = 0;        // instance node, or the kKey node of a key-level error
  uint32_t depth = 0;       // instance nesting level of `node` below the validated value
  uint32_t schema = 0;      // compiled node holding the keyword
  std::string_view keyword;
  std::string path_suffix;  // appended to the schema node's path ("/required")
  std::string message;
  std::vector<std::string> candidates;
  std::string offending;
  uint8_t expected_types = 0;  // "type" errors: the TypeBits the schema allows
};
using Errors = std::vector<Emitted>;

class Validator {
 public:
  // Validation of `root` (the value passed to the first Check) gets its step budget from its size.
  Validator(const Compiled& compiled, json::Value root);

  // Whether `v` (at nesting level `depth`) is valid against node `schema`. With `out` null it
  // stops at the first failure and builds nothing; otherwise every leaf cause is appended.
  bool Check(uint32_t schema, json::Value v, uint32_t depth, Errors* out);

 private:
  bool CheckNumber(const Node& n, uint32_t s, json::Value v, uint32_t depth, Errors* out);
  bool CheckString(const Node& n, uint32_t s, json::Value v, uint32_t depth, Errors* out);
  bool CheckArray(const Node& n, uint32_t s, json::Value v, uint32_t depth, Errors* out);
  bool CheckUnique(uint32_t s, json::Value v, uint32_t depth, Errors* out);
  bool CheckObject(const Node& n, uint32_t s, json::Value v, uint32_t depth, Errors* out);
  bool CheckDependencies(const Node& n, uint32_t s, json::Value v, uint32_t depth, uint64_t seen,
                         Errors* out);
  bool CheckApplicators(const Node& n, uint32_t s, json::Value v, uint32_t depth, Errors* out);
  bool CheckBranches(const Node& n, uint32_t s, json::Value v, uint32_t depth, bool one_of,
                     Errors* out);
  bool IsFalse(uint32_t schema) const;

  const Compiled& c_;
  uint64_t steps_left_;          // Check calls still allowed
  bool out_of_steps_ = false;
  uint32_t frames_ = 0;          // nested Check calls
  uint32_t ranked_nesting_ = 0;  // nested anyOf/oneOf failures whose branches are being ranked
  std::vector<std::pair<uint64_t, uint32_t>> scratch_;  // uniqueItems hashes
};

// Sorts by instance position, keyword, message; drops repeats; adds pointers and schema paths.
std::vector<SchemaError> Finalize(const Compiled& compiled, const json::Document& instance,
                                  Errors errors);

}  // namespace mcpolicy::schema

#endif  // MCPOLICY_SCHEMA_VALIDATOR_H_
