// The YAML file's own formatting, so text lint --fix inserts into an Intercept policy looks as if
// the author had typed it: line endings, indent step, where a block sequence's dash sits under its
// key, the quote character, spacing in flow collections; and the small value tree new YAML is
// rendered from, in block or flow style.
#ifndef MCPOLICY_FIX_YAML_STYLE_H_
#define MCPOLICY_FIX_YAML_STYLE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "yaml/tree.h"

namespace mcpolicy::fix {

struct YamlStyle {
  std::string newline = "\n";
  size_t step = 2;         // a nested mapping's keys, right of its key
  size_t seq_offset = 2;   // a block sequence's dash, right of its key (0: "indentless")
  size_t item_offset = 2;  // a block item's content, right of its dash
  char quote = '"';        // for scalars that must be quoted
  std::string comma = ", ";     // between the items of a one-line flow collection
  std::string map_pad;          // inside the braces of a non-empty flow mapping
  std::string seq_pad;          // inside the brackets of a non-empty flow sequence
};

// What `tree` (parsed, ok()) does; each part the file does not show keeps its default.
YamlStyle DetectYamlStyle(const yaml::Tree& tree);

// How a new scalar is written: plain when that reads back as the same string, else quoted.
enum class Quoting : uint8_t { kPlainIfSafe, kDouble, kSingle };

// Whether `text` written plain reads back as the string `text` everywhere a policy puts it (a key,
// a block or flow value): letters, digits and `_ . - /`, not starting with a digit, dot or dash
// unless YAML still reads a string, and not a word some YAML reader takes for a boolean or null.
bool PlainSafe(std::string_view text);

// `text` as a YAML scalar under `quoting`; a string that cannot be written plain is quoted with
// `quote`, and one with characters single quotes cannot hold is double-quoted and escaped.
std::string YamlScalar(std::string_view text, Quoting quoting, char quote);

// The quoting that follows a scalar written in `style`: a plain sibling makes new ones plain
// where safe, a quoted sibling makes them quoted alike.
Quoting QuotingLike(yaml::Style style);

// A value to insert. Scalars hold their YAML text, already quoted as they should be written.
struct YamlValue {
  enum class Kind : uint8_t { kScalar, kSeq, kMap };
  Kind kind = Kind::kScalar;
  std::string scalar;
  std::vector<std::pair<std::string, YamlValue>> children;  // keys (YAML text) are "" in sequences

  static YamlValue Scalar(std::string text);
  static YamlValue Seq(std::vector<YamlValue> items = {});
  static YamlValue Map(std::vector<std::pair<std::string, YamlValue>> entries = {});
};

// `value` in flow style, on one line: `{name: x, rate_limit: 10/minute}`, `[a, b]`.
std::string RenderFlow(const YamlValue& value, const YamlStyle& style);

// Block lines (each ending with the style's newline) for the entries of mapping `map`, keys at
// column `indent`. A value that is a scalar, an empty collection or a sequence of scalars stays on
// its key's line (`value: ["delete"]`, `rules: []`); other collections open below it.
std::string RenderBlockEntries(const YamlValue& map, size_t indent, const YamlStyle& style);

// Block lines for sequence items, dashes at column `indent`, contents `item_offset` right of them.
std::string RenderBlockItems(const std::vector<YamlValue>& items, size_t indent,
                             size_t item_offset, const YamlStyle& style);

}  // namespace mcpolicy::fix

#endif  // MCPOLICY_FIX_YAML_STYLE_H_
