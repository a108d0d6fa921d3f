// UTF-8 helpers shared by the parser, position arithmetic and schema string lengths.
#ifndef MCPOLICY_SOURCE_UTF8_H_
#define MCPOLICY_SOURCE_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace mcpolicy::utf8 {

// Length (2-4) of the well-formed multi-byte sequence at `p` (RFC 3629: no overlongs, no
// surrogates, nothing above U+10FFFF), 1 for ASCII, or 0 when the bytes are not valid UTF-8.
size_t SequenceLength(const char* p, size_t available);

// Appends the UTF-8 encoding of code point `cp` (at most U+10FFFF, not a surrogate).
void Append(uint32_t cp, std::string& out);

// Number of code points in valid UTF-8 text (counts bytes that do not continue a sequence).
size_t CodePoints(std::string_view s);

// Appends `s` with each invalid UTF-8 byte, each control character (C0 and DEL, tab too unless
// `keep_tabs`; C1), each bidirectional formatting character and the line and paragraph
// separators replaced by U+FFFD, one code point for one, so a terminal gets printable text and
// columns still line up.
void AppendPrintable(std::string& out, std::string_view s, bool keep_tabs);

}  // namespace mcpolicy::utf8

#endif  // MCPOLICY_SOURCE_UTF8_H_
