// Inline reads of a Document's tape for the validator's inner loops. They rely only on the layout
// json.h documents (a container is followed by its subtree and records the index one past it; a
// member is a kKey node followed by its value) and skip Value's out-of-line accessors.
#ifndef MCPOLICY_SCHEMA_TAPE_H_
#define MCPOLICY_SCHEMA_TAPE_H_

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

#include "mcpolicy/json.h"

namespace mcpolicy::schema {

inline bool IsContainer(const json::Node& n) { return n.is_container(); }

// Index one past the subtree of node `i`.
inline uint32_t SubtreeEnd(const json::Node& n, uint32_t i) {
  return IsContainer(n) ? n.payload : i + 1;
}

// Decoded text of a kString or kKey node.
inline std::string_view StringOf(const json::Document& doc, const json::Node& n) {
  return doc.StringAt(n);
}

// Same verdict as Value::is_integer().
inline bool IsIntegerNode(const json::Document& doc, const json::Node& n) {
  if (n.flags() & json::kFlagInteger) return true;  // written without fraction or exponent
  double d = doc.NumberAt(n);
  return std::isfinite(d) && std::floor(d) == d;
}

// Members of an object or elements of an array, counted by jumping over each child.
inline uint32_t ChildCount(const json::Document& doc, uint32_t index) {
  const json::Node& n = doc.nodes()[index];
  const uint32_t step = n.type() == json::Type::kObject ? 1 : 0;
  uint32_t count = 0;
  for (uint32_t k = index + 1; k < n.payload; ++count) k = doc.SubtreeEnd(k + step);
  return count;
}

}  // namespace mcpolicy::schema

#endif  // MCPOLICY_SCHEMA_TAPE_H_
