// Error text for the validator: every message is one sentence with a lower-case start. Each
// Report* function appends one error to `out`; they are only called once validation has failed,
// and live in their own file so the validator's recursive frames hold no strings.
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

// `v` (at nesting level `depth`) fails keyword ... of compiled node `s`:
void ReportFalse(Errors* out, uint32_t s, json::Value v, uint32_t depth);
// max_depth (`too_deep`) or kMaxFrames was reached at `v`.
void ReportGuard(Errors* out, uint32_t s, json::Value v, uint32_t depth, bool too_deep,
                 uint32_t max_depth);
// The step budget ran out at `v`.
void ReportSteps(Errors* out, uint32_t s, json::Value v, uint32_t depth);
void ReportType(Errors* out, const Node& n, uint32_t s, json::Value v, uint32_t depth);
void ReportEnum(Errors* out, const Compiled& c, const Node& n, uint32_t s, json::Value v,
                uint32_t depth);
void ReportConst(Errors* out, const Node& n, uint32_t s, json::Value v, uint32_t depth);
// minimum, maximum, exclusiveMinimum, exclusiveMaximum or multipleOf.
void ReportBound(Errors* out, const Compiled& c, const Node& n, uint32_t s, json::Value v,
                 uint32_t depth, std::string_view keyword);
// min/maxLength, min/maxItems or min/maxProperties: `found` against `limit`.
void ReportCount(Errors* out, uint32_t s, json::Value v, uint32_t depth, std::string_view keyword,
                 uint64_t limit, uint64_t found);
void ReportPattern(Errors* out, const Compiled& c, uint32_t s, json::Value v, uint32_t depth,
                   uint32_t regex);
void ReportFormat(Errors* out, const Node& n, uint32_t s, json::Value v, uint32_t depth);
// Item `index` is past the `allowed` positions of an "items" array and additionalItems is false.
void ReportExtraItem(Errors* out, uint32_t s, json::Value item, uint32_t depth, uint32_t index,
                     size_t allowed);
void ReportContains(Errors* out, uint32_t s, json::Value array, uint32_t depth);
void ReportDuplicate(Errors* out, uint32_t s, json::Value item, uint32_t depth, uint32_t index,
                     uint32_t first);
// A key whose "properties" schema is false; `s` is that false schema.
void ReportForbiddenKey(Errors* out, uint32_t s, json::Value key, uint32_t depth);
// A key that "additionalProperties": false rejects, with "did you mean" or the allowed keys.
void ReportUnknownKey(Errors* out, const Compiled& c, const Node& n, uint32_t s, json::Value key,
                      uint32_t depth);
void ReportMissing(Errors* out, uint32_t s, json::Value object, uint32_t depth,
                   std::string_view name);
void ReportDependency(Errors* out, const Compiled& c, uint32_t s, json::Value object,
                      uint32_t depth, const Dependency& d, std::string_view needed);
void ReportNot(Errors* out, uint32_t s, json::Value v, uint32_t depth);
// A oneOf whose alternatives `matched` (two or more) all accept `v`.
void ReportManyMatches(Errors* out, uint32_t s, json::Value v, uint32_t depth,
                       const std::vector<uint32_t>& matched);

// Appends to `out` the errors of the branch of an anyOf/oneOf at schema `s` closest to matching
// `v`: branches failing on the type of `v` itself rank last (if all do, one merged "type" error
// is reported), then fewer "const" misses, fewer errors, deeper errors, earlier branch.
void ReportClosest(uint32_t s, std::string_view keyword, json::Value v, uint32_t depth,
                   std::vector<Errors>& branches, Errors* out);

}  // namespace mcpolicy::schema

#endif  // MCPOLICY_SCHEMA_MESSAGES_H_
