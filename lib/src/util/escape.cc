#include "mcpolicy/escape.h"

#include <cstdint>
#include <cstdio>

namespace mcpolicy {
namespace {

// The code point of the well-formed UTF-8 sequence at `s[i]` and its length, or length 0 when
// the byte there does not start one.
struct Decoded {
  uint32_t cp = 0;
  size_t length = 0;
};

Decoded Decode(std::string_view s, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) return {c, 1};
  size_t n = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
  if (n == 0 || i + n > s.size()) return {};
  uint32_t cp = c & (0xFF >> (n + 1));
  for (size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return {};
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  bool overlong = (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000);
  if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {};
  return {cp, n};
}

bool Dangerous(uint32_t cp) {
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0x061C || cp == 0x200E ||
         cp == 0x200F || (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

void AppendHex(std::string& out, const char* format, unsigned value) {
  char buf[16];
  std::snprintf(buf, sizeof buf, format, value);
  out += buf;
}

}  // namespace

void AppendEscaped(std::string& out, std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    Decoded d = Decode(s, i);
    if (d.length == 0) {
      AppendHex(out, "\\x%02x", static_cast<unsigned char>(s[i]));
      ++i;
      continue;
    }
    if (!Dangerous(d.cp)) {
      out.append(s.substr(i, d.length));
    } else if (d.cp == '\t') {
      out += "\\t";
    } else if (d.cp == '\n') {
      out += "\\n";
    } else if (d.cp == '\r') {
      out += "\\r";
    } else if (d.cp == 0x1B) {
      out += "\\e";
    } else if (d.cp < 0x80) {
      AppendHex(out, "\\x%02x", d.cp);
    } else {
      AppendHex(out, "\\u%04x", d.cp);
    }
    i += d.length;
  }
}

std::string Escaped(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  AppendEscaped(out, s);
  return out;
}

bool NeedsEscaping(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    Decoded d = Decode(s, i);
    if (d.length == 0 || Dangerous(d.cp)) return true;
    i += d.length;
  }
  return false;
}

std::string EscapeJsonText(std::string json) {
  // The common case, no copy: none of the lead bytes of the characters escaped here.
  if (json.find_first_of("\xC2\xD8\xE2") == std::string::npos) return json;
  std::string out;
  out.reserve(json.size());
  for (size_t i = 0; i < json.size();) {
    Decoded d = Decode(json, i);
    if (d.length > 1 && Dangerous(d.cp)) {
      AppendHex(out, "\\u%04x", d.cp);
    } else {
      out.append(json, i, d.length ? d.length : 1);
    }
    i += d.length ? d.length : 1;
  }
  return out;
}

}  // namespace mcpolicy
