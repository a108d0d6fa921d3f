// ECMA-262 patterns ("pattern", "patternProperties", format "regex") compiled with RE2.
#ifndef MCPOLICY_SCHEMA_REGEX_H_
#define MCPOLICY_SCHEMA_REGEX_H_

#include <re2/re2.h>

#include <memory>
#include <string>
#include <string_view>

namespace mcpolicy::schema {

// Compiles an ECMA-262 pattern for unanchored search. ECMA spellings RE2 spells differently
// (\uXXXX, (?<name>...)) are translated; features RE2 lacks (lookaround, backreferences) fail.
// On failure returns null and sets `error` to a sentence naming the pattern, e.g.
// `pattern "a(?=b)" uses lookahead, which RE2 does not support`.
std::unique_ptr<RE2> CompileEcmaRegex(std::string_view pattern, std::string* error);

}  // namespace mcpolicy::schema

#endif  // MCPOLICY_SCHEMA_REGEX_H_
