// Equality of JSON values as JSON Schema defines it (enum, const, uniqueItems): 1 equals 1.0,
// objects compare regardless of member order, a key equals the string with the same text.
#ifndef MCPOLICY_SCHEMA_EQUALITY_H_
#define MCPOLICY_SCHEMA_EQUALITY_H_

#include <cstdint>

#include "mcpolicy/json.h"

namespace mcpolicy::schema {

// Neither function recurses, so any nesting depth is safe. The values may live in different
// documents.
bool JsonEqual(json::Value a, json::Value b);

// Consistent with JsonEqual: equal values hash equally.
uint64_t JsonHash(json::Value v);

}  // namespace mcpolicy::schema

#endif  // MCPOLICY_SCHEMA_EQUALITY_H_
