// The "format" values the validator asserts, and the checks behind them.
#ifndef MCPOLICY_SCHEMA_FORMATS_H_
#define MCPOLICY_SCHEMA_FORMATS_H_

#include <cstdint>
#include <string_view>

namespace mcpolicy::schema {

enum class Format : uint8_t {
  kNone,
  kDateTime,
  kDate,
  kTime,
  kEmail,
  kIdnEmail,
  kHostname,
  kIdnHostname,
  kIpv4,
  kIpv6,
  kUri,
  kUriReference,
  kIri,
  kIriReference,
  kUriTemplate,
  kJsonPointer,
  kRelativeJsonPointer,
  kRegex,
};

// The format named `name`, or kNone for a name draft-07 leaves unchecked or does not define.
Format FormatFromName(std::string_view name);
std::string_view FormatName(Format format);

// Whether `s` is a valid instance of `format` (kNone accepts everything).
bool CheckFormat(Format format, std::string_view s);

}  // namespace mcpolicy::schema

#endif  // MCPOLICY_SCHEMA_FORMATS_H_
