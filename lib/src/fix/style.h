// The file's own formatting, so inserted text looks as if the author had typed it: line endings,
// indent unit, spacing around ':' and ',', padding inside one-line braces; and the small JSON
// value tree new text is rendered from.
#ifndef MCPOLICY_FIX_STYLE_H_
#define MCPOLICY_FIX_STYLE_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mcpolicy/json.h"

namespace mcpolicy::fix {

struct SourceStyle {
  std::string newline = "\n";
  std::string indent_unit = "  ";
  std::string colon = ": ";      // between a key and its value
  std::string comma = ", ";      // between elements of a one-line container
  std::string object_pad = " ";  // inside the braces of a one-line non-empty object
  std::string array_pad;         // inside the brackets of a one-line non-empty array
};

// What `doc` (parsed, ok()) does; each part the file does not show keeps its default.
SourceStyle DetectStyle(const json::Document& doc);

// Whether container node `index` opens and closes on one line.
bool IsOneLine(const json::Document& doc, uint32_t index);
// The whitespace that starts the line holding byte `offset`.
std::string LineIndent(const json::Document& doc, uint32_t offset);
// No container holds the node (the root).
inline constexpr uint32_t kNoParent = UINT32_MAX;

// A value to insert.
struct NewValue {
  enum class Kind : uint8_t { kScalar, kArray, kObject };
  Kind kind = Kind::kScalar;
  std::string scalar;  // kScalar: the JSON text
  std::vector<std::pair<std::string, NewValue>> children;  // keys are "" in arrays

  static NewValue String(std::string_view s);
  static NewValue Raw(std::string text);
  static NewValue Array(std::vector<NewValue> elements = {});
  static NewValue Object(std::vector<std::pair<std::string, NewValue>> members = {});
  // A scalar, an empty container, an array of scalars, or an object of such: always one line.
  bool Flat() const;
};

// `value` as JSON text. A container that is not Flat() spreads over lines when `spread`, its
// children indented by `indent` + one unit and its closing bracket by `indent`.
std::string Render(const NewValue& value, const SourceStyle& style, bool spread,
                   const std::string& indent);
// `"key": value` with the file's colon.
std::string RenderMember(std::string_view key, const NewValue& value, const SourceStyle& style,
                         bool spread, const std::string& indent);

}  // namespace mcpolicy::fix

#endif  // MCPOLICY_FIX_STYLE_H_
