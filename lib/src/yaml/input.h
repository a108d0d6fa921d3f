// The byte-level checks a YAML file passes before libyaml sees it, and the map from libyaml's
// positions (code point indices) back to byte offsets.
#ifndef MCPOLICY_YAML_INPUT_H_
#define MCPOLICY_YAML_INPUT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "yaml/tree.h"

namespace mcpolicy::yaml {

struct InputProblem {
  ParseError::Kind kind;
  uint32_t offset;  // byte offset into the whole text
  std::string message;
};

// Checks the encoding the way the JSON parser does (UTF-16/32 refused with or without a BOM, a NUL
// byte named as binary data, invalid UTF-8 named by its byte) and refuses the characters YAML does
// not allow unescaped: C0 controls other than tab, line feed and carriage return, DEL, C1 controls
// other than NEL, U+FFFE and U+FFFF. `start` is 3 after a UTF-8 BOM, else 0.
std::optional<InputProblem> CheckInput(std::string_view text, size_t start);

// Byte offsets of code points, for text known to be valid UTF-8: libyaml counts positions in code
// points from `start`. Keeps one offset every kStride code points and walks from it.
class CodePointIndex {
 public:
  CodePointIndex(std::string_view text, size_t start);
  uint32_t ByteOffset(size_t code_point) const;

 private:
  static constexpr size_t kStride = 64;
  std::string_view text_;
  std::vector<uint32_t> marks_;  // byte offset of code point k * kStride
};

}  // namespace mcpolicy::yaml

#endif  // MCPOLICY_YAML_INPUT_H_
