// Splits a tool name (or the first clause of a description) into lower-case
// word tokens without allocating: the tokens are views into a fixed buffer
// owned by the caller.
#ifndef MCPOLICY_CLASSIFY_TOKENIZER_H_
#define MCPOLICY_CLASSIFY_TOKENIZER_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace mcpolicy::classify {

// Bytes of a name that are looked at; MCP names are at most 128 characters,
// longer input is cut.
inline constexpr size_t kMaxNameBytes = 256;
// Tokens kept per name; later tokens are dropped (a 128-character name has far
// fewer words).
inline constexpr size_t kMaxTokens = 32;

struct Token {
  uint16_t begin = 0;  // offset in TokenBuffer::text
  uint16_t size = 0;
};

// The lower-cased tokens of one input, written back to back into `text` with
// exactly one '_' between neighbours, so two adjacent tokens also form a
// contiguous "a_b" view (used for phrases).
struct TokenBuffer {
  std::array<char, kMaxNameBytes + kMaxTokens> text;
  std::array<Token, kMaxTokens> tokens;
  size_t count = 0;
  // First token of the last namespace segment: names like
  // "mcp__github__create_issue", "Twilio--CreateCall" or "github.create_issue"
  // put the tool's own words after the last double separator, '.', ':' or '/'.
  // 0 when there is no such separator.
  size_t segment = 0;

  std::string_view at(size_t i) const {
    return {text.data() + tokens[i].begin, tokens[i].size};
  }
  // Tokens i and i+1 joined by '_'.
  std::string_view pair(size_t i) const {
    return {text.data() + tokens[i].begin,
            static_cast<size_t>(tokens[i + 1].begin + tokens[i + 1].size -
                                tokens[i].begin)};
  }
};

struct TokenizeOptions {
  // Split camelCase / PascalCase / acronym boundaries ("getHTTPResponse" -> get
  // http response). Off for prose, where "GitHub" and "PipelineRun" are single
  // words.
  bool split_case = true;
  // Stop at the first '.', ':', ';', '(' or newline that follows a word (prose:
  // first clause).
  bool first_clause = false;
  // Record TokenBuffer::segment (names; prose has no namespaces).
  bool find_segments = true;
  // Stop after this many tokens.
  size_t max_tokens = kMaxTokens;
};

// Tokenises `input`. Any byte that is not an ASCII letter or digit separates
// words (snake, kebab, dotted, "mcp__server__tool", spaces); digits stay
// attached to their word ("d1", "s3", "n8n").
void Tokenize(std::string_view input, const TokenizeOptions& options,
              TokenBuffer* out);

}  // namespace mcpolicy::classify

#endif  // MCPOLICY_CLASSIFY_TOKENIZER_H_
