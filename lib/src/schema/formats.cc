// Format checks after the RFCs draft-07 cites: RFC 3339 (date-time, date, time), RFC 5321
// (email), RFC 1123 (hostname), RFC 2673/4291 (ipv4, ipv6), RFC 3986/3987 (uri, iri and their
// references), RFC 6570 (uri-template), RFC 6901 (json-pointer), ECMA-262 via RE2 (regex).
#include "schema/formats.h"

#include <cstddef>
#include <string>

#include "schema/regex.h"
#include "source/utf8.h"

namespace mcpolicy::schema {
namespace {

struct NamedFormat {
  std::string_view name;
  Format format;
};

constexpr NamedFormat kFormats[] = {
    {"date", Format::kDate},
    {"date-time", Format::kDateTime},
    {"email", Format::kEmail},
    {"hostname", Format::kHostname},
    {"idn-email", Format::kIdnEmail},
    {"idn-hostname", Format::kIdnHostname},
    {"ipv4", Format::kIpv4},
    {"ipv6", Format::kIpv6},
    {"iri", Format::kIri},
    {"iri-reference", Format::kIriReference},
    {"json-pointer", Format::kJsonPointer},
    {"regex", Format::kRegex},
    {"relative-json-pointer", Format::kRelativeJsonPointer},
    {"time", Format::kTime},
    {"uri", Format::kUri},
    {"uri-reference", Format::kUriReference},
    {"uri-template", Format::kUriTemplate},
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool IsNonAscii(char c) { return static_cast<unsigned char>(c) >= 0x80; }

// Reads exactly `n` digits at s[*pos] as a number.
bool Digits(std::string_view s, size_t* pos, size_t n, int* value) {
  if (*pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = 0; i < n; ++i) {
    char c = s[*pos + i];
    if (!IsDigit(c)) return false;
    v = v * 10 + (c - '0');
  }
  *pos += n;
  *value = v;
  return true;
}

bool Expect(std::string_view s, size_t* pos, char c) {
  if (*pos >= s.size() || s[*pos] != c) return false;
  ++*pos;
  return true;
}

bool FullDate(std::string_view s, size_t* pos) {
  int year, month, day;
  if (!Digits(s, pos, 4, &year) || !Expect(s, pos, '-') || !Digits(s, pos, 2, &month) ||
      !Expect(s, pos, '-') || !Digits(s, pos, 2, &day)) {
    return false;
  }
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 || day > kDays[month - 1]) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return !(month == 2 && day == 29 && !leap);
}

// RFC 3339 full-time, offset required; a leap second must fall at 23:59:60 UTC.
bool FullTime(std::string_view s, size_t* pos) {
  int hour, minute, second;
  if (!Digits(s, pos, 2, &hour) || !Expect(s, pos, ':') || !Digits(s, pos, 2, &minute) ||
      !Expect(s, pos, ':') || !Digits(s, pos, 2, &second)) {
    return false;
  }
  if (hour > 23 || minute > 59 || second > 60) return false;
  if (*pos < s.size() && s[*pos] == '.') {
    ++*pos;
    size_t start = *pos;
    while (*pos < s.size() && IsDigit(s[*pos])) ++*pos;
    if (*pos == start) return false;
  }
  if (*pos >= s.size()) return false;
  int offset_minutes = 0;
  char c = s[*pos];
  if (c == 'Z' || c == 'z') {
    ++*pos;
  } else if (c == '+' || c == '-') {
    ++*pos;
    int oh, om;
    if (!Digits(s, pos, 2, &oh) || !Expect(s, pos, ':') || !Digits(s, pos, 2, &om)) return false;
    if (oh > 23 || om > 59) return false;
    offset_minutes = (c == '+' ? 1 : -1) * (oh * 60 + om);
  } else {
    return false;
  }
  if (second == 60) {
    int utc = ((hour * 60 + minute - offset_minutes) % 1440 + 1440) % 1440;
    if (utc != 23 * 60 + 59) return false;
  }
  return true;
}

bool DateTime(std::string_view s) {
  size_t pos = 0;
  if (!FullDate(s, &pos)) return false;
  if (pos >= s.size() || (s[pos] != 'T' && s[pos] != 't')) return false;
  ++pos;
  return FullTime(s, &pos) && pos == s.size();
}

bool Hostname(std::string_view s, bool idn) {
  if (s.empty() || (!idn && s.size() > 253)) return false;
  size_t start = 0;
  while (start <= s.size()) {
    size_t dot = s.find('.', start);
    if (dot == std::string_view::npos) dot = s.size();
    std::string_view label = s.substr(start, dot - start);
    if (label.empty() || label.front() == '-' || label.back() == '-') return false;
    // "--" in positions 3-4 is reserved for A-labels ("xn--"), RFC 5891 section 4.2.3.1.
    if (label.size() >= 4 && label.substr(2, 2) == "--" && label.substr(0, 2) != "xn" &&
        label.substr(0, 2) != "XN") {
      return false;
    }
    bool ascii = true;
    for (char c : label) {
      if (IsNonAscii(c)) {
        if (!idn) return false;
        ascii = false;
      } else if (!IsAlpha(c) && !IsDigit(c) && c != '-') {
        return false;
      }
    }
    if ((ascii ? label.size() : utf8::CodePoints(label)) > 63) return false;
    start = dot + 1;
  }
  return true;
}

bool Ipv4(std::string_view s) {
  int parts = 0;
  size_t pos = 0;
  while (true) {
    size_t start = pos;
    int value = 0;
    while (pos < s.size() && IsDigit(s[pos]) && pos - start < 3) value = value * 10 + (s[pos++] - '0');
    size_t len = pos - start;
    if (len == 0 || value > 255 || (len > 1 && s[start] == '0')) return false;
    if (++parts == 4) return pos == s.size();
    if (!Expect(s, &pos, '.')) return false;
  }
}

bool Ipv6(std::string_view s) {
  int groups = 0;
  bool compressed = false;
  size_t pos = 0;
  if (s.starts_with("::")) {
    compressed = true;
    pos = 2;
    if (pos == s.size()) return true;
  } else if (s.starts_with(":")) {
    return false;
  }
  while (pos < s.size()) {
    size_t start = pos;
    while (pos < s.size() && IsHex(s[pos])) ++pos;
    if (pos < s.size() && s[pos] == '.') {  // trailing dotted IPv4 counts as two groups
      if (!Ipv4(s.substr(start))) return false;
      groups += 2;
      pos = s.size();
      break;
    }
    size_t len = pos - start;
    if (len == 0 || len > 4) return false;
    ++groups;
    if (pos == s.size()) break;
    if (s[pos] != ':') return false;
    ++pos;
    if (pos < s.size() && s[pos] == ':') {
      if (compressed) return false;
      compressed = true;
      ++pos;
    } else if (pos == s.size()) {
      return false;  // a single trailing ':'
    }
  }
  return compressed ? groups < 8 : groups == 8;
}

bool Email(std::string_view s, bool idn) {
  size_t at = s.rfind('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == s.size()) return false;
  std::string_view local = s.substr(0, at), domain = s.substr(at + 1);
  if (local.size() > 64) return false;
  if (local.size() >= 2 && local.front() == '"' && local.back() == '"') {
    for (char c : local.substr(1, local.size() - 2)) {
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return false;
    }
  } else {
    if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos) {
      return false;
    }
    static constexpr std::string_view kSpecials = "!#$%&'*+-/=?^_`{|}~.";
    for (char c : local) {
      if (!IsAlpha(c) && !IsDigit(c) && kSpecials.find(c) == std::string_view::npos &&
          !(idn && IsNonAscii(c))) {
        return false;
      }
    }
  }
  if (domain.size() > 2 && domain.front() == '[' && domain.back() == ']') {
    std::string_view literal = domain.substr(1, domain.size() - 2);
    if (literal.starts_with("IPv6:")) return Ipv6(literal.substr(5));
    return Ipv4(literal);
  }
  return Hostname(domain, idn);
}

// RFC 3986 character classes; `iri` adds every non-ASCII byte (RFC 3987 ucschar).
bool Unreserved(char c, bool iri) {
  return IsAlpha(c) || IsDigit(c) || c == '-' || c == '.' || c == '_' || c == '~' ||
         (iri && IsNonAscii(c));
}
bool SubDelim(char c) {
  return std::string_view("!$&'()*+,;=").find(c) != std::string_view::npos;
}

// Every character is unreserved, a sub-delimiter, one of `extra`, or a valid %XX.
bool Chars(std::string_view s, std::string_view extra, bool iri) {
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '%') {
      if (i + 2 >= s.size() || !IsHex(s[i + 1]) || !IsHex(s[i + 2])) return false;
      i += 2;
    } else if (!Unreserved(c, iri) && !SubDelim(c) && extra.find(c) == std::string_view::npos) {
      return false;
    }
  }
  return true;
}

bool Authority(std::string_view a, bool iri) {
  size_t at = a.rfind('@');
  if (at != std::string_view::npos) {
    if (!Chars(a.substr(0, at), ":", iri)) return false;
    a = a.substr(at + 1);
  }
  std::string_view host = a, port;
  if (a.starts_with("[")) {
    size_t close = a.find(']');
    if (close == std::string_view::npos) return false;
    std::string_view literal = a.substr(1, close - 1);
    if (!(literal.starts_with("v") || literal.starts_with("V") ? Chars(literal, ":", false)
                                                                : Ipv6(literal))) {
      return false;
    }
    std::string_view rest = a.substr(close + 1);
    if (!rest.empty() && (rest[0] != ':')) return false;
    port = rest.empty() ? rest : rest.substr(1);
    host = {};
  } else {
    size_t colon = a.find(':');
    if (colon != std::string_view::npos) {
      host = a.substr(0, colon);
      port = a.substr(colon + 1);
    }
  }
  for (char c : port) {
    if (!IsDigit(c)) return false;
  }
  return Chars(host, "", iri);
}

// A URI (`absolute`) or a URI reference.
bool UriLike(std::string_view s, bool absolute, bool iri) {
  size_t hash = s.find('#');
  if (hash != std::string_view::npos) {
    if (!Chars(s.substr(hash + 1), ":@/?", iri)) return false;
    s = s.substr(0, hash);
  }
  size_t question = s.find('?');
  if (question != std::string_view::npos) {
    if (!Chars(s.substr(question + 1), ":@/?", iri)) return false;
    s = s.substr(0, question);
  }
  size_t colon = s.find(':');
  size_t slash = s.find('/');
  bool has_scheme = colon != std::string_view::npos && (slash == std::string_view::npos || colon < slash);
  if (has_scheme) {
    std::string_view scheme = s.substr(0, colon);
    if (scheme.empty() || !IsAlpha(scheme[0])) return false;
    for (char c : scheme) {
      if (!IsAlpha(c) && !IsDigit(c) && c != '+' && c != '-' && c != '.') return false;
    }
    s = s.substr(colon + 1);
  } else if (absolute) {
    return false;
  }
  if (s.starts_with("//")) {
    size_t end = s.find('/', 2);
    if (end == std::string_view::npos) end = s.size();
    if (!Authority(s.substr(2, end - 2), iri)) return false;
    s = s.substr(end);
  }
  return Chars(s, ":@/", iri);
}

bool UriTemplate(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '{') {
      size_t close = s.find('}', i);
      if (close == std::string_view::npos) return false;
      std::string_view expr = s.substr(i + 1, close - i - 1);
      if (!expr.empty() && std::string_view("+#./;?&=,!@|").find(expr[0]) != std::string_view::npos) {
        expr.remove_prefix(1);
      }
      size_t start = 0;
      while (start <= expr.size()) {
        size_t comma = expr.find(',', start);
        if (comma == std::string_view::npos) comma = expr.size();
        std::string_view spec = expr.substr(start, comma - start);
        if (spec.ends_with("*")) {
          spec.remove_suffix(1);
        } else if (size_t mod = spec.find(':'); mod != std::string_view::npos) {
          std::string_view len = spec.substr(mod + 1);
          if (len.empty() || len.size() > 4 || len[0] == '0') return false;
          for (char d : len) {
            if (!IsDigit(d)) return false;
          }
          spec = spec.substr(0, mod);
        }
        if (spec.empty() || spec.front() == '.' || spec.back() == '.' ||
            spec.find("..") != std::string_view::npos) {
          return false;
        }
        if (!Chars(spec, "", false) || spec.find_first_of("-~!$&'()*+,;=") != std::string_view::npos) {
          return false;
        }
        start = comma + 1;
      }
      i = close;
    } else if (c == '}' || static_cast<unsigned char>(c) <= 0x20 || c == 0x7f ||
               std::string_view("\"<>\\^`|").find(c) != std::string_view::npos) {
      return false;
    }
  }
  return true;
}

bool JsonPointer(std::string_view s) {
  if (!s.empty() && s[0] != '/') return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '~' && (i + 1 >= s.size() || (s[i + 1] != '0' && s[i + 1] != '1'))) return false;
  }
  return true;
}

bool RelativeJsonPointer(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size() && IsDigit(s[pos])) ++pos;
  if (pos == 0 || (pos > 1 && s[0] == '0')) return false;
  std::string_view rest = s.substr(pos);
  return rest == "#" || JsonPointer(rest);
}

}  // namespace

Format FormatFromName(std::string_view name) {
  for (const NamedFormat& f : kFormats) {
    if (f.name == name) return f.format;
  }
  return Format::kNone;
}

std::string_view FormatName(Format format) {
  for (const NamedFormat& f : kFormats) {
    if (f.format == format) return f.name;
  }
  return "";
}

bool CheckFormat(Format format, std::string_view s) {
  size_t pos = 0;
  switch (format) {
    case Format::kNone: return true;
    case Format::kDateTime: return DateTime(s);
    case Format::kDate: return FullDate(s, &pos) && pos == s.size();
    case Format::kTime: return FullTime(s, &pos) && pos == s.size();
    case Format::kEmail: return Email(s, false);
    case Format::kIdnEmail: return Email(s, true);
    case Format::kHostname: return Hostname(s, false);
    case Format::kIdnHostname: return Hostname(s, true);
    case Format::kIpv4: return Ipv4(s);
    case Format::kIpv6: return Ipv6(s);
    case Format::kUri: return UriLike(s, true, false);
    case Format::kUriReference: return UriLike(s, false, false);
    case Format::kIri: return UriLike(s, true, true);
    case Format::kIriReference: return UriLike(s, false, true);
    case Format::kUriTemplate: return UriTemplate(s);
    case Format::kJsonPointer: return JsonPointer(s);
    case Format::kRelativeJsonPointer: return RelativeJsonPointer(s);
    case Format::kRegex: {
      std::string error;
      return CompileEcmaRegex(s, &error) != nullptr;
    }
  }
  return true;
}

}  // namespace mcpolicy::schema
