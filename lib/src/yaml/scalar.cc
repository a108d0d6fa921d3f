#include "yaml/scalar.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <string>

namespace mcpolicy::yaml {

namespace {

constexpr std::string_view kCoreTag = "tag:yaml.org,2002:";

bool IsDigitIn(char c, int base) {
  if (base == 16) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  return c >= '0' && c < static_cast<char>('0' + base);
}

// [-+]? then digits in a base (prefix 0x, 0o, 0b, or a leading 0 for octal), no underscores left.
bool ParseInteger(std::string_view s, ScalarValue& out) {
  bool negative = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s.empty()) return false;
  int base = 10;
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    base = 16;
    s.remove_prefix(2);
  } else if (s.size() > 2 && s[0] == '0' && (s[1] == 'o' || s[1] == 'O')) {
    base = 8;
    s.remove_prefix(2);
  } else if (s.size() > 2 && s[0] == '0' && (s[1] == 'b' || s[1] == 'B')) {
    base = 2;
    s.remove_prefix(2);
  } else if (s.size() > 1 && s[0] == '0') {
    base = 8;
    s.remove_prefix(1);
  }
  for (char c : s) {
    if (!IsDigitIn(c, base)) return false;
  }
  uint64_t magnitude = 0;
  auto result = std::from_chars(s.data(), s.data() + s.size(), magnitude, base);
  out.type = ScalarType::kInt;
  if (result.ec == std::errc::result_out_of_range ||
      magnitude > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()) + negative) {
    // Beyond int64 (and uint64): go-yaml falls back to a float for decimal digits.
    double d = 0;
    std::from_chars(s.data(), s.data() + s.size(), d);
    out.type = ScalarType::kFloat;
    out.number = negative ? -d : d;
    return base == 10;
  }
  out.integer = negative ? static_cast<int64_t>(0 - magnitude) : static_cast<int64_t>(magnitude);
  out.number = static_cast<double>(out.integer);
  return true;
}

// YAML 1.2's float form: [-+]? ( . digits | digits ( . digits? )? ) ( [eE] [-+]? digits )?
bool ParseFloat(std::string_view s, ScalarValue& out) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  size_t digits = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    size_t exponent = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++exponent;
    if (exponent == 0) return false;
  }
  if (i != s.size()) return false;
  std::string copy(s[0] == '+' ? s.substr(1) : s);
  double d = 0;
  auto result = std::from_chars(copy.data(), copy.data() + copy.size(), d);
  if (result.ec == std::errc::result_out_of_range) d = copy[0] == '-' ? -HUGE_VAL : HUGE_VAL;
  out.type = ScalarType::kFloat;
  out.number = d;
  return true;
}

bool OneOf(std::string_view s, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (s == w) return true;
  }
  return false;
}

}  // namespace

std::string_view ScalarTypeName(ScalarType type) {
  switch (type) {
    case ScalarType::kNull: return "null";
    case ScalarType::kBool: return "boolean";
    case ScalarType::kInt: return "integer";
    case ScalarType::kFloat: return "number";
    case ScalarType::kString: return "string";
  }
  return "value";
}

ScalarValue ResolvePlain(std::string_view text) {
  ScalarValue v;
  if (text.empty() || OneOf(text, {"~", "null", "Null", "NULL"})) {
    v.type = ScalarType::kNull;
    return v;
  }
  if (OneOf(text, {"true", "True", "TRUE", "false", "False", "FALSE"})) {
    v.type = ScalarType::kBool;
    v.boolean = text[0] == 't' || text[0] == 'T';
    return v;
  }
  if (OneOf(text, {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"})) {
    v.type = ScalarType::kFloat;
    v.number = HUGE_VAL;
    return v;
  }
  if (OneOf(text, {"-.inf", "-.Inf", "-.INF"})) {
    v.type = ScalarType::kFloat;
    v.number = -HUGE_VAL;
    return v;
  }
  if (OneOf(text, {".nan", ".NaN", ".NAN"})) {
    v.type = ScalarType::kFloat;
    v.number = std::numeric_limits<double>::quiet_NaN();
    return v;
  }
  char first = text[0];
  if (!(first == '-' || first == '+' || first == '.' || (first >= '0' && first <= '9'))) return v;
  std::string plain;
  plain.reserve(text.size());
  for (char c : text) {
    if (c != '_') plain.push_back(c);
  }
  ScalarValue parsed;
  if (ParseInteger(plain, parsed) || ParseFloat(plain, parsed)) return parsed;
  return v;
}

ScalarValue ResolveScalar(const Tree& tree, uint32_t node, bool* tag_ok) {
  uint32_t index = tree.Resolve(node);
  const Node& n = tree.node(index);
  if (tag_ok) *tag_ok = true;
  std::string_view text = tree.ScalarText(index);
  std::string_view tag = n.tag;
  ScalarValue v;
  if (tag.empty() || tag == "!") {
    if (n.style != Style::kPlain || tag == "!") return v;
    return ResolvePlain(text);
  }
  if (tag.substr(0, kCoreTag.size()) != kCoreTag) return v;
  std::string_view name = tag.substr(kCoreTag.size());
  if (name == "str") return v;
  ScalarValue plain = ResolvePlain(text);
  bool fits = (name == "null" && plain.type == ScalarType::kNull) ||
              (name == "bool" && plain.type == ScalarType::kBool) ||
              (name == "int" && plain.type == ScalarType::kInt) ||
              (name == "float" && (plain.type == ScalarType::kFloat || plain.type == ScalarType::kInt));
  if (!fits) {
    if (tag_ok) *tag_ok = false;
    return v;
  }
  if (name == "float") plain.type = ScalarType::kFloat;
  return plain;
}

}  // namespace mcpolicy::yaml
