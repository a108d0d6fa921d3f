// Small text helpers every layer words messages with: JSON string literals, names cut to a
// readable length, plurals and numbers.
#ifndef MCPOLICY_UTIL_TEXT_H_
#define MCPOLICY_UTIL_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace mcpolicy {

// Appends `s` as a JSON string literal (quotes included), escaping as RFC 8259 requires, and the
// C1 controls, bidirectional formatting characters and line and paragraph separators as \uXXXX
// (the same value, which a terminal showing it does not act on).
void AppendJsonQuoted(std::string& out, std::string_view s);
std::string JsonQuoted(std::string_view s);

// JsonQuoted for a name in a message: one over 128 bytes (no MCP tool name is) is cut to its
// first 64 code points and "...", so one finding cannot flood a report.
std::string QuotedName(std::string_view name);

// "1 file", "3 files".
std::string Plural(uint64_t count, std::string_view noun);

// A number as a message writes it: "10", "0.5", "16.7".
std::string FormatNumber(double value);

}  // namespace mcpolicy

#endif  // MCPOLICY_UTIL_TEXT_H_
