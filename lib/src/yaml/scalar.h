// What a YAML scalar means: null, boolean, integer, float or string, resolved as go-yaml v3 (the
// library Intercept reads policies with) resolves them, so a check calls `value: 1_000` a number
// exactly when Intercept does.
#ifndef MCPOLICY_YAML_SCALAR_H_
#define MCPOLICY_YAML_SCALAR_H_

#include <cstdint>
#include <string_view>

#include "yaml/tree.h"

namespace mcpolicy::yaml {

enum class ScalarType : uint8_t { kNull, kBool, kInt, kFloat, kString };

std::string_view ScalarTypeName(ScalarType type);  // "null", "boolean", "integer", "number", "string"

struct ScalarValue {
  ScalarType type = ScalarType::kString;
  bool boolean = false;
  int64_t integer = 0;  // kInt (an integer beyond 64 bits is kFloat, as in go-yaml)
  double number = 0;    // kInt and kFloat
};

// The type of a plain (unquoted, untagged) scalar. YAML 1.2's core schema (null: ~ null Null NULL
// and the empty scalar; booleans true/True/TRUE/false/False/FALSE; .inf and .nan forms), widened as
// go-yaml v3 widens it: underscores between digits, 0x/0o/0b prefixes and C-style octal (0755).
// YAML 1.1's yes/no/on/off stay strings (go-yaml reads them as booleans only into a bool field).
ScalarValue ResolvePlain(std::string_view text);

// The value of a scalar node: quoted scalars are strings, an explicit core tag decides (`!!str 1`
// is a string), otherwise ResolvePlain. `tag_ok` (optional) is set to false when a core tag does
// not fit the text (`!!int abc`), and the result is then a string.
ScalarValue ResolveScalar(const Tree& tree, uint32_t node, bool* tag_ok = nullptr);

}  // namespace mcpolicy::yaml

#endif  // MCPOLICY_YAML_SCALAR_H_
