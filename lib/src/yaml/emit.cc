// Plain or double-quoted: the shared YAML scalar writer.
#include "yaml/emit.h"

#include <cstdint>
#include <cstdio>

#include "yaml/scalar.h"

namespace mcpolicy::yaml {
namespace {

bool SafeChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == '.' || c == '/';
}

// YAML 1.1's booleans: go-yaml v3 reads them as strings, other readers as booleans.
bool Yaml11Bool(std::string_view text) {
  std::string lower;
  for (char c : text) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  for (std::string_view word : {"y", "n", "yes", "no", "on", "off", "true", "false"}) {
    if (lower == word) return true;
  }
  return false;
}

// Decodes one UTF-8 sequence at `s[i]`; returns its length (0 when invalid) and the code point.
size_t Decode(std::string_view s, size_t i, uint32_t& cp) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  cp = n == 1 ? c : n == 2 ? (c & 0x1Fu) : n == 3 ? (c & 0x0Fu) : (c & 0x07u);
  for (size_t k = 1; k < n; ++k) {
    unsigned char d = static_cast<unsigned char>(s[i + k]);
    if ((d >> 6) != 0x2) return 0;
    cp = (cp << 6) | (d & 0x3Fu);
  }
  static constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

bool Invisible(uint32_t cp) {
  return (cp >= 0x80 && cp <= 0x9F) || cp == 0x200E || cp == 0x200F || cp == 0x061C ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 ||
         cp == 0x2029 || cp == 0xFEFF;
}

}  // namespace

bool PlainSafe(std::string_view text) {
  if (text.empty() || text.front() == '-' || text.front() == '.' || text.back() == ' ') {
    return false;
  }
  for (size_t i = 0; i < text.size(); ++i) {
    // A space between two safe characters is part of a plain scalar (never " #" or ": ").
    if (!SafeChar(text[i]) && !(text[i] == ' ' && i > 0 && text[i - 1] != ' ')) return false;
  }
  if (Yaml11Bool(text)) return false;
  return ResolvePlain(text).type == ScalarType::kString;
}

std::string DoubleQuoted(std::string_view text) {
  std::string out = "\"";
  char buffer[16];
  for (size_t i = 0; i < text.size();) {
    char c = text[i];
    uint32_t cp = 0;
    size_t n = Decode(text, i, cp);
    if (n == 0) {
      out += "\\uFFFD";
      ++i;
      continue;
    }
    if (n == 1) {
      if (c == '"' || c == '\\') {
        out += '\\';
        out += c;
      } else if (c == '\t') {
        out += "\\t";
      } else if (c == '\n') {
        out += "\\n";
      } else if (c == '\r') {
        out += "\\r";
      } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
        std::snprintf(buffer, sizeof buffer, "\\x%02X", static_cast<unsigned>(c));
        out += buffer;
      } else {
        out += c;
      }
    } else if (Invisible(cp)) {
      std::snprintf(buffer, sizeof buffer, "\\u%04X", static_cast<unsigned>(cp));
      out += buffer;
    } else {
      out.append(text.substr(i, n));
    }
    i += n;
  }
  out += '"';
  return out;
}

std::string Scalar(std::string_view text) {
  return PlainSafe(text) ? std::string(text) : DoubleQuoted(text);
}

}  // namespace mcpolicy::yaml
