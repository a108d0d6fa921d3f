// Error text for the validator: every message is one sentence with a lower-case start.
#ifndef MCPOLICY_SCHEMA_MESSAGES_H_
#define MCPOLICY_SCHEMA_MESSAGES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "mcpolicy/json.h"
#include "schema/compiled.h"
#include "schema/validator.h"

namespace mcpolicy::schema {

// JSON text of a value for a message: strings quoted, long values shortened with "...".
std::string Render(json::Value v);
// Render(v), prefixed with "key " when v is an object key.
std::string Subject(json::Value v);
// "string", "string or null", "string, number or null".
std::string TypeList(uint8_t type_bits);
// The instance type as "type" errors name it ("number" for any number, "string" for a key).
std::string_view InstanceType(json::Value v);
// "a", "b", "c" (each already rendered).
std::string CommaList(const std::vector<std::string>& items);

// An error at instance value `v` for `keyword` of compiled node `s` (path suffix "/keyword").
Emitted MakeError(uint32_t s, json::Value v, uint32_t depth, std::string_view keyword,
                  std::string message);

// The "type" error for `v` against `n`.
Emitted TypeError(const Node& n, uint32_t s, json::Value v, uint32_t depth);
// The "enum" error, with candidates and a "did you mean" for near-miss strings.
Emitted EnumError(const Compiled& c, const Node& n, uint32_t s, json::Value v, uint32_t depth);
// The error for a key that "additionalProperties": false rejects.
Emitted UnknownKeyError(const Compiled& c, const Node& n, uint32_t s, json::Value key,
                        uint32_t depth);

// Appends to `out` the errors of the branch of an anyOf/oneOf at schema `s` closest to matching
// `v`: branches failing on the type of `v` itself rank last (if all do, one merged "type" error
// is reported), then fewer "const" misses, fewer errors, deeper errors, earlier branch.
void ReportClosest(const Node& n, uint32_t s, std::string_view keyword, json::Value v,
                   uint32_t depth, std::vector<Errors>& branches, Errors* out);

}  // namespace mcpolicy::schema

#endif  // MCPOLICY_SCHEMA_MESSAGES_H_
