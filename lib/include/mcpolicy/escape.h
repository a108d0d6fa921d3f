// The one escaping routine for text output. Every string that comes from outside mcpolicy (a
// file's contents or name, a configuration, --stdin-filename, a --catalog file, another
// program's message) goes through it before it reaches a terminal, so it can neither forge
// lines nor move the cursor, retitle the window or reorder what is shown.
#ifndef MCPOLICY_ESCAPE_H_
#define MCPOLICY_ESCAPE_H_

#include <string>
#include <string_view>

namespace mcpolicy {

// Appends `s` as one line of printable text: C0 controls (line breaks and tabs included) and DEL
// as \xNN (\t, \n, \r, \e spelt so), C1 controls (U+0080-U+009F), bidirectional overrides,
// embeddings and isolates (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C) and the
// Unicode line and paragraph separators (U+2028, U+2029) as \uXXXX, and each byte that is not
// valid UTF-8 as \xNN. Everything else, other non-ASCII text and backslashes included, is kept.
void AppendEscaped(std::string& out, std::string_view s);
std::string Escaped(std::string_view s);

// Whether `s` holds anything AppendEscaped would escape.
bool NeedsEscaping(std::string_view s);

// `json` (a serialised JSON document) with the raw C1, bidirectional and separator characters
// in its strings written as \uXXXX escapes: the same value, safe to print.
std::string EscapeJsonText(std::string json);

}  // namespace mcpolicy

#endif  // MCPOLICY_ESCAPE_H_
