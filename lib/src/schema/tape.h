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

inline bool IsContainer(const json::Node& n) {
  return n.type == json::Type::kArray || n.type == json::Type::kObject;
}

// Index one past the subtree of node `i`.
inline uint32_t SubtreeEnd(const json::Node& n, uint32_t i) {
  return IsContainer(n) ? n.u.container.end : i + 1;
}

// Decoded text of a kString or kKey node.
inline std::string_view StringOf(const json::Document& doc, const json::Node& n) {
  const std::string& base = (n.flags & json::kFlagArena) ? doc.arena() : doc.text();
  return std::string_view(base.data() + n.u.str.begin, n.u.str.size);
}

// Same verdict as Value::is_integer().
inline bool IsIntegerNode(const json::Node& n) {
  double d = n.u.number;
  return std::isfinite(d) ? std::floor(d) == d : (n.flags & json::kFlagInteger) != 0;
}

}  // namespace mcpolicy::schema

#endif  // MCPOLICY_SCHEMA_TAPE_H_
