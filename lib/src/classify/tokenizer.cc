#include "classify/tokenizer.h"

namespace mcpolicy::classify {
namespace {

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsWordChar(char c) { return IsUpper(c) || IsLower(c) || IsDigit(c); }
bool EndsClause(char c) {
  return c == '.' || c == ':' || c == ';' || c == '(' || c == '\n';
}

}  // namespace

void Tokenize(std::string_view input, const TokenizeOptions& options,
              TokenBuffer* out) {
  if (input.size() > kMaxNameBytes) input = input.substr(0, kMaxNameBytes);
  const size_t max_tokens =
      options.max_tokens < kMaxTokens ? options.max_tokens : kMaxTokens;
  out->count = 0;
  out->segment = 0;
  size_t write = 0;  // next free byte in out->text
  bool in_word =
      false;       // the previous input byte belonged to the current token
  size_t run = 0;  // length of the current run of separator bytes
  bool namespace_run = false;  // the run contains '.', ':' or '/'

  // A name's version marker ("v3", "V2010") says nothing about the operation: dropped, so
  // "instant-payout-v3" ends in its noun. Prose keeps it.
  bool segment_pending = false;  // the dropped token began the last namespace segment
  auto drop_version = [&]() {
    if (!options.find_segments || out->count == 0) return;
    const Token& t = out->tokens[out->count - 1];
    const char* p = out->text.data() + t.begin;
    if (t.size < 2 || p[0] != 'v') return;
    for (size_t k = 1; k < t.size; ++k) {
      if (!IsDigit(p[k])) return;
    }
    write = t.begin > 0 ? t.begin - 1u : 0u;  // also the '_' before it
    --out->count;
    if (out->segment == out->count && out->segment > 0) {
      out->segment = 0;
      segment_pending = true;
    }
  };
  auto start_token = [&]() -> bool {
    drop_version();
    if (out->count == max_tokens) return false;
    if (out->count > 0) out->text[write++] = '_';
    out->tokens[out->count].begin = static_cast<uint16_t>(write);
    out->tokens[out->count].size = 0;
    ++out->count;
    return true;
  };

  for (size_t i = 0; i < input.size(); ++i) {
    const char c = input[i];
    if (!IsWordChar(c)) {
      in_word = false;
      ++run;
      namespace_run |= c == '.' || c == ':' || c == '/';
      if (options.first_clause && out->count > 0 && EndsClause(c)) {
        // "e.g." and version numbers ("v1.2") do not end a clause: a full stop
        // ends one when a space follows and the word before it is longer than
        // one letter.
        if (c != '.') break;
        const bool space_follows = i + 1 == input.size() || input[i + 1] == ' ';
        if (space_follows && out->tokens[out->count - 1].size > 1) break;
      }
      continue;
    }
    bool boundary = !in_word;
    if (in_word && options.split_case && IsUpper(c)) {
      const char prev = input[i - 1];
      if (IsLower(prev) || IsDigit(prev)) {
        boundary = true;  // getHttp, v2Users
      } else if (IsUpper(prev) && i + 1 < input.size() &&
                 IsLower(input[i + 1])) {
        boundary = true;  // HTTPResponse -> HTTP | Response
      }
    }
    if (boundary) {
      bool new_segment = out->count > 0 && (run >= 2 || namespace_run);
      if (!start_token()) break;
      new_segment |= segment_pending && out->count > 1;
      segment_pending = false;
      if (new_segment && options.find_segments) out->segment = out->count - 1;
      in_word = true;
    }
    run = 0;
    namespace_run = false;
    out->text[write++] = IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c;
    ++out->tokens[out->count - 1].size;
  }
  drop_version();
}

}  // namespace mcpolicy::classify
