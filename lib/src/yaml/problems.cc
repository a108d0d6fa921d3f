#include "yaml/problems.h"

#include "source/utf8.h"

namespace mcpolicy::yaml {

namespace {

std::string Where(const Position& p) {
  return "line " + std::to_string(p.line) + ", column " + std::to_string(p.column);
}

std::string Character(uint32_t cp) {
  std::string s;
  if (cp >= 0x20) utf8::Append(cp, s);
  return s;
}

}  // namespace

std::string ShortTag(std::string_view tag) {
  constexpr std::string_view kCore = "tag:yaml.org,2002:";
  if (tag.substr(0, kCore.size()) == kCore) return "!!" + std::string(tag.substr(kCore.size()));
  return std::string(tag);
}

std::string RewordProblem(std::string_view problem, std::string_view context, uint32_t at,
                          const Position& context_at) {
  const std::string since = Where(context_at);
  if (problem == "found character that cannot start any token" ||
      problem == "found a tab character that violates indentation" ||
      problem == "found a tab character where an indentation space is expected") {
    if (at == '\t') return "a tab cannot indent YAML; indent with spaces";
    if (at == 0) return "unexpected end of file";
    std::string out = at == '@' || at == '`' ? "'" : "unexpected character '";
    out += Character(at);
    out += at == '@' || at == '`'
               ? "' is reserved in YAML and cannot start a plain value; put the value in quotes"
               : "'; put the value in quotes if it is text";
    return out;
  }
  if (problem == "mapping values are not allowed in this context") {
    return "unexpected ':' here: a value that contains \": \" must be in quotes, or this line is "
           "indented wrongly";
  }
  if (problem == "did not find expected key") {
    return "expected a key of the mapping that starts at " + since + "; check the indentation";
  }
  if (problem == "did not find expected '-' indicator") {
    return "expected a '- ' item of the list that starts at " + since + "; check the indentation";
  }
  if (problem == "did not find expected ',' or ']'") {
    return "expected ',' or ']': the list opened at " + since + " is not closed";
  }
  if (problem == "did not find expected ',' or '}'") {
    return "expected ',' or '}': the mapping opened at " + since + " is not closed";
  }
  if (problem == "found unexpected end of stream" && context.find("quoted scalar") != std::string_view::npos) {
    return "unterminated quoted string (opened at " + since + ")";
  }
  if (problem == "could not find expected ':'") {
    return "expected ':' after the key that starts at " + since +
           " (a key is at most 1024 characters on one line)";
  }
  if (problem == "found unknown escape character") {
    return "invalid escape sequence in a double-quoted string (opened at " + since +
           "); write a backslash as \\\\ or use single quotes";
  }
  if (problem == "block sequence entries are not allowed in this context") {
    return "a '- ' list item is not allowed here; check the indentation";
  }
  if (problem == "found undefined tag handle") {
    return "undefined tag handle (no %TAG directive defines it)";
  }
  std::string out(problem);
  if (!context.empty()) {
    std::string ctx(context);
    if (ctx.rfind("while ", 0) == 0) ctx = ctx.substr(6);
    out += " (" + ctx + " that starts at " + since + ")";
  }
  return out;
}

}  // namespace mcpolicy::yaml
