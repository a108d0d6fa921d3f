#include "util/text.h"

#include <cmath>
#include <cstdio>

namespace mcpolicy {

void AppendJsonQuoted(std::string& out, std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  auto hex4 = [&](uint32_t cp) {
    out += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4) out.push_back(kHex[(cp >> shift) & 15]);
  };
  out.push_back('"');
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    auto at = [&](size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0; };
    // C1 controls, bidirectional formatting characters and the line and paragraph separators
    // are escaped too: the value is the same, and a terminal showing it does not act on them.
    if (c == 0xC2 && at(1) >= 0x80 && at(1) <= 0x9F) {
      hex4(at(1));
      ++i;
      continue;
    }
    if (c == 0xD8 && at(1) == 0x9C) {
      hex4(0x061C);
      ++i;
      continue;
    }
    if (c == 0xE2 && ((at(1) == 0x80 && (at(2) == 0x8E || at(2) == 0x8F ||
                                        (at(2) >= 0xA8 && at(2) <= 0xAE))) ||
                      (at(1) == 0x81 && at(2) >= 0xA6 && at(2) <= 0xA9))) {
      hex4(0x2000 | ((at(1) & 0x3F) << 6) | (at(2) & 0x3F));
      i += 2;
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          hex4(c);
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  out.push_back('"');
}

std::string JsonQuoted(std::string_view s) {
  std::string out;
  AppendJsonQuoted(out, s);
  return out;
}

std::string QuotedName(std::string_view name) {
  constexpr size_t kShown = 64;
  if (name.size() <= 128) return JsonQuoted(name);
  size_t end = 0;
  for (size_t points = 0; end < name.size(); ++end) {
    if ((static_cast<unsigned char>(name[end]) & 0xC0) != 0x80 && points++ == kShown) break;
  }
  return JsonQuoted(std::string(name.substr(0, end)) + "...");
}

std::string Plural(uint64_t count, std::string_view noun) {
  return std::to_string(count) + " " + std::string(noun) + (count == 1 ? "" : "s");
}

std::string FormatNumber(double value) {
  if (value == std::floor(value) && std::fabs(value) < 1e15) {
    return std::to_string(static_cast<long long>(value));
  }
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3g", value);
  return buffer;
}

}  // namespace mcpolicy
