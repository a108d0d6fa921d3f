// Writing YAML scalars that read back as exactly the string written, in go-yaml v3 (Intercept's
// reader) and in YAML 1.1 readers alike, and that cannot garble a terminal the file is shown on.
// The one place mcpolicy decides how a string is spelt in YAML (recommend and convert use it).
#ifndef MCPOLICY_YAML_EMIT_H_
#define MCPOLICY_YAML_EMIT_H_

#include <string>
#include <string_view>

namespace mcpolicy::yaml {

// Whether `text` can be written plain (unquoted) as a mapping value, a mapping key or a flow
// sequence item and still be read as this string: non-empty, only A-Z a-z 0-9 _ - . / and single
// spaces between them (not starting with - or .), and not a word any YAML schema reads as null, a boolean or a number
// (null, true, 0755, 1e3, yes, off, ...).
bool PlainSafe(std::string_view text);

// `text` in double quotes, escaped: \" and \\; tab, line feed and carriage return as \t \n \r;
// every other C0 control and DEL as \xNN; C1 controls, bidirectional marks, overrides and isolates,
// the line and paragraph separators and the BOM as \uXXXX (so no raw character that moves the
// cursor or reorders text is written); each byte that is not valid UTF-8 as \uFFFD, the
// replacement character (YAML text is Unicode; no reader gives mcpolicy such a string).
std::string DoubleQuoted(std::string_view text);

// PlainSafe(text) ? text : DoubleQuoted(text).
std::string Scalar(std::string_view text);

}  // namespace mcpolicy::yaml

#endif  // MCPOLICY_YAML_EMIT_H_
