#include "schema/regex.h"

#include <cstdint>

#include "mcpolicy/json.h"
#include "util/text.h"

namespace mcpolicy::schema {
namespace {

// ECMA-262 WhiteSpace and LineTerminator, the members of \s (RE2's \s is ASCII only).
constexpr std::string_view kEcmaSpace =
    "\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}"
    "\\x{3000}\\x{FEFF}";
// What ECMA's "." matches: everything but line terminators.
constexpr std::string_view kEcmaDot = "[^\\n\\r\\x{2028}\\x{2029}]";
// Letters ECMA-262 (unicode mode) gives a meaning after a backslash.
constexpr std::string_view kEcmaEscapes = "bBdDwWsSfnrtvcxukpP";

// Long Unicode property names ECMA accepts, and the short ones RE2 knows.
struct PropertyAlias {
  std::string_view ecma;
  std::string_view re2;
};
constexpr PropertyAlias kProperties[] = {
    {"Letter", "L"}, {"Uppercase_Letter", "Lu"}, {"Lowercase_Letter", "Ll"},
    {"Titlecase_Letter", "Lt"}, {"Modifier_Letter", "Lm"}, {"Other_Letter", "Lo"},
    {"Mark", "M"}, {"Nonspacing_Mark", "Mn"}, {"Spacing_Mark", "Mc"}, {"Enclosing_Mark", "Me"},
    {"Number", "N"}, {"Decimal_Number", "Nd"}, {"digit", "Nd"}, {"Letter_Number", "Nl"},
    {"Other_Number", "No"}, {"Punctuation", "P"}, {"punct", "P"}, {"Connector_Punctuation", "Pc"},
    {"Dash_Punctuation", "Pd"}, {"Open_Punctuation", "Ps"}, {"Close_Punctuation", "Pe"},
    {"Initial_Punctuation", "Pi"}, {"Final_Punctuation", "Pf"}, {"Other_Punctuation", "Po"},
    {"Symbol", "S"}, {"Math_Symbol", "Sm"}, {"Currency_Symbol", "Sc"}, {"Modifier_Symbol", "Sk"},
    {"Other_Symbol", "So"}, {"Separator", "Z"}, {"Space_Separator", "Zs"},
    {"Line_Separator", "Zl"}, {"Paragraph_Separator", "Zp"}, {"Other", "C"}, {"Control", "Cc"},
    {"Format", "Cf"}, {"Surrogate", "Cs"}, {"Private_Use", "Co"},
};

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Reads the four hex digits after "\u" at `s[i]`, or returns -1.
int32_t ReadHex4(std::string_view s, size_t i) {
  if (i + 4 > s.size()) return -1;
  int32_t v = 0;
  for (size_t k = i; k < i + 4; ++k) {
    int h = HexValue(s[k]);
    if (h < 0) return -1;
    v = v * 16 + h;
  }
  return v;
}

std::string CodePointEscape(int32_t cp) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string hex;
  for (int32_t v = cp; v > 0 || hex.empty(); v /= 16) hex.insert(hex.begin(), kHex[v % 16]);
  return "\\x{" + hex + "}";
}

// Why translation failed: what the pattern uses, and whether it is ECMA at all.
struct Unsupported {
  std::string feature;
  bool is_ecma = true;  // false: not ECMA-262 syntax in the first place
};

// Rewrites ECMA-262 syntax into RE2's. Returns false with `why` set when the pattern uses
// something RE2 cannot express, or something ECMA-262 does not allow.
bool Translate(std::string_view p, std::string* out, Unsupported* why) {
  bool in_class = false;
  for (size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if (c == '\\' && i + 1 < p.size()) {
      char n = p[i + 1];
      if (n == 'u') {
        int32_t cp = ReadHex4(p, i + 2);
        if (cp >= 0) {
          size_t used = 6;
          // A surrogate pair written as two escapes is one code point.
          if (cp >= 0xD800 && cp <= 0xDBFF && p.substr(i + 6, 2) == "\\u") {
            int32_t low = ReadHex4(p, i + 8);
            if (low >= 0xDC00 && low <= 0xDFFF) {
              cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
              used = 12;
            }
          }
          *out += CodePointEscape(cp);
          i += used - 1;
          continue;
        }
      }
      if (n == 'c' && i + 2 < p.size() &&
          ((p[i + 2] >= 'a' && p[i + 2] <= 'z') || (p[i + 2] >= 'A' && p[i + 2] <= 'Z'))) {
        *out += CodePointEscape(p[i + 2] % 32);
        i += 2;
        continue;
      }
      if ((n == 'p' || n == 'P') && i + 2 < p.size() && p[i + 2] == '{') {
        size_t close = p.find('}', i + 3);
        if (close != std::string_view::npos) {
          std::string_view name = p.substr(i + 3, close - i - 3);
          for (std::string_view prefix : {"General_Category=", "gc=", "Script=", "sc="}) {
            if (name.starts_with(prefix)) name.remove_prefix(prefix.size());
          }
          for (const PropertyAlias& alias : kProperties) {
            if (alias.ecma == name) name = alias.re2;
          }
          *out += "\\";
          out->push_back(n);
          *out += "{" + std::string(name) + "}";
          i = close;
          continue;
        }
      }
      if (n == 's' || (n == 'S' && !in_class)) {
        *out += in_class ? std::string(kEcmaSpace)
                         : (n == 's' ? "[" : "[^") + std::string(kEcmaSpace) + "]";
        ++i;
        continue;
      }
      if (n == '0' && (i + 2 >= p.size() || p[i + 2] < '0' || p[i + 2] > '9')) {
        *out += "\\x{0}";
        ++i;
        continue;
      }
      if (!in_class && n >= '1' && n <= '9') {
        why->feature = "a backreference";
        return false;
      }
      if (!in_class && n == 'k' && i + 2 < p.size() && p[i + 2] == '<') {
        why->feature = "a named backreference";
        return false;
      }
      if (((n >= 'a' && n <= 'z') || (n >= 'A' && n <= 'Z')) &&
          kEcmaEscapes.find(n) == std::string_view::npos) {
        why->feature = "\\" + std::string(1, n);
        why->is_ecma = false;
        return false;
      }
      out->push_back(c);
      out->push_back(n);
      ++i;
      continue;
    }
    if (in_class) {
      if (c == ']') in_class = false;
      out->push_back(c);
      continue;
    }
    if (c == '[') {
      if (p.substr(i, 3) == "[^]") {  // ECMA: any character at all
        *out += "[\\x{0}-\\x{10FFFF}]";
        i += 2;
      } else if (p.substr(i, 2) == "[]") {  // ECMA: no character at all
        *out += "[^\\x{0}-\\x{10FFFF}]";
        i += 1;
      } else {
        in_class = true;
        out->push_back(c);
        // A ']' first in the class closes it in ECMA (handled above), never a literal.
        if (i + 1 < p.size() && p[i + 1] == '^') out->push_back(p[++i]);
      }
      continue;
    }
    if (c == '.') {
      *out += kEcmaDot;
      continue;
    }
    if (c == '(' && i + 2 < p.size() && p[i + 1] == '?') {
      char k = p[i + 2];
      if (k == '=' || k == '!') {
        why->feature = "lookahead";
        return false;
      }
      if (k == '<' && i + 3 < p.size() && (p[i + 3] == '=' || p[i + 3] == '!')) {
        why->feature = "lookbehind";
        return false;
      }
      if (k == '<') {
        *out += "(?P<";
        i += 2;
        continue;
      }
      if (k != ':') {
        why->feature = k == 'P' ? "a Python-style group \"(?P\"" : k == '#' ? "a comment group"
                                                                         : "an inline flag group";
        why->is_ecma = false;
        return false;
      }
    }
    out->push_back(c);
  }
  return true;
}

}  // namespace

std::unique_ptr<RE2> CompileEcmaRegex(std::string_view pattern, std::string* error) {
  std::string translated;
  Unsupported why;
  if (!Translate(pattern, &translated, &why)) {
    *error = "pattern " + JsonQuoted(pattern) + " uses " + why.feature +
             (why.is_ecma ? ", which RE2 does not support" : ", which is not ECMA-262 syntax");
    return nullptr;
  }
  RE2::Options options;
  options.set_log_errors(false);
  options.set_encoding(RE2::Options::EncodingUTF8);
  auto re = std::make_unique<RE2>(translated, options);
  if (!re->ok()) {
    *error = "pattern " + JsonQuoted(pattern) + " does not compile: " + re->error();
    return nullptr;
  }
  return re;
}

}  // namespace mcpolicy::schema
