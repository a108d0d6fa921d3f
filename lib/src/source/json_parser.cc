// The one-pass JSON parser behind Document::Parse: an explicit stack instead of recursion, positions
// as byte offsets, line starts recorded while skipping whitespace (the only place a newline may be),
// and duplicate keys detected as each key is added to its object.
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "mcpolicy/json.h"
#include "source/utf8.h"

namespace mcpolicy::json {

class Parser {
 public:
  Parser(Document& doc, const ParseOptions& options) : doc_(doc), options_(options) {}
  void Run();

 private:
  // One open container. Small objects check duplicates by scanning their keys; large ones switch
  // to a hash table, so a 100,000-tool object stays linear.
  struct Frame {
    uint32_t node;
    uint32_t count = 0;
    size_t keys_begin = 0;  // this object's kKey nodes are key_stack_[keys_begin..], while small
    // Open addressing over key node indices (0, the root, never a key, marks a free slot): one
    // allocation, not one per key, so freeing it after the parse returns the memory.
    std::vector<std::pair<uint32_t, uint32_t>> key_table;  // (key node, hash of its text)
    uint32_t table_keys = 0;
  };
  static constexpr size_t kLinearKeys = 12;

  bool Fail(ParseError::Kind kind, size_t offset, std::string message);
  bool FailUnexpected(size_t offset, std::string_view expected);
  void SkipWhitespace();
  bool ParseValue();  // a scalar, or opens a container (pushes a frame)
  bool ParseString(Type type);
  bool ParseNumber();
  bool ParseLiteral();
  bool ParseEscape(size_t& i, std::string& out);
  bool AddKeyToFrame(Frame& frame, uint32_t key_loc);
  // The key node in `frame.key_table` equal to `key_loc`'s text, or 0 after inserting it.
  uint32_t FindOrInsertKey(Frame& frame, uint32_t key_loc, uint32_t hash);
  uint32_t FindOrInsertKey(Frame& frame, uint32_t key_loc) {
    auto hash = std::hash<std::string_view>()(StringOf(key_loc));
    return FindOrInsertKey(frame, key_loc, static_cast<uint32_t>(hash));
  }
  std::string_view StringOf(uint32_t node) const;
  uint32_t Push(Type type, size_t offset);
  std::string DescribeOpen(const Frame& frame) const;

  Document& doc_;
  const ParseOptions& options_;
  const char* p_ = nullptr;
  size_t size_ = 0;
  size_t pos_ = 0;
  std::vector<Frame> stack_;
  std::vector<uint32_t> key_stack_;  // keys of the open small objects, innermost last
};

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Bytes that end the fast scan inside a string: the closing quote, a backslash, control
// characters (errors) and non-ASCII bytes (validated as UTF-8).
constexpr auto kStringSpecial = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 256; ++c) table[c] = c < 0x20 || c == '"' || c == '\\' || c >= 0x80;
  return table;
}();

std::string HexByte(unsigned char c) {
  static const char kHex[] = "0123456789ABCDEF";
  return std::string("0x") + kHex[c >> 4] + kHex[c & 15];
}

}  // namespace

bool Parser::Fail(ParseError::Kind kind, size_t offset, std::string message) {
  if (!doc_.error_) doc_.error_ = ParseError{kind, static_cast<uint32_t>(offset), std::move(message)};
  return false;
}

// Explains an unexpected byte at `offset`, naming what was expected instead.
bool Parser::FailUnexpected(size_t offset, std::string_view expected) {
  if (offset >= size_) {
    if (!stack_.empty()) {
      return Fail(ParseError::Kind::kSyntax, offset,
                  "unexpected end of file: " + DescribeOpen(stack_.back()) + " is not closed");
    }
    return Fail(ParseError::Kind::kSyntax, offset,
                "unexpected end of file; expected " + std::string(expected));
  }
  unsigned char c = static_cast<unsigned char>(p_[offset]);
  std::string exp(expected);
  if (c == 0) return Fail(ParseError::Kind::kNul, offset, "NUL byte in the file (binary data?)");
  if (c >= 0x80) {
    size_t len = utf8::SequenceLength(p_ + offset, size_ - offset);
    if (len == 0) {
      return Fail(ParseError::Kind::kEncoding, offset,
                  "invalid UTF-8: byte " + HexByte(c) + " does not start a valid sequence");
    }
    return Fail(ParseError::Kind::kSyntax, offset,
                "unexpected character '" + std::string(p_ + offset, len) + "'; expected " + exp);
  }
  switch (c) {
    case '/':
      return Fail(ParseError::Kind::kSyntax, offset, "comments are not allowed in JSON");
    case '\'':
      return Fail(ParseError::Kind::kSyntax, offset,
                  "strings and keys must use double quotes, not single quotes");
    default:
      break;
  }
  if (c < 0x20 || c == 0x7f) {
    return Fail(ParseError::Kind::kSyntax, offset,
                "unexpected control character " + HexByte(c) + "; expected " + exp);
  }
  return Fail(ParseError::Kind::kSyntax, offset,
              "unexpected character '" + std::string(1, static_cast<char>(c)) + "'; expected " + exp);
}

std::string Parser::DescribeOpen(const Frame& frame) const {
  const Node& n = doc_.nodes_[frame.node];
  Location loc = doc_.Locate(n.offset());
  return std::string(n.type() == Type::kObject ? "the object" : "the array") + " opened at line " +
         std::to_string(loc.line) + ", column " + std::to_string(loc.column);
}

void Parser::SkipWhitespace() {
  while (pos_ < size_) {
    char c = p_[pos_];
    if (c == '\n') {
      doc_.line_starts_.push_back(static_cast<uint32_t>(pos_ + 1));
    } else if (c != ' ' && c != '\t' && c != '\r') {
      return;
    }
    ++pos_;
  }
}

uint32_t Parser::Push(Type type, size_t offset) {
  Node n{};
  n.bits = static_cast<uint32_t>(offset) | static_cast<uint32_t>(type) << Node::kTypeShift;
  doc_.nodes_.push_back(n);
  return static_cast<uint32_t>(doc_.nodes_.size() - 1);
}

std::string_view Parser::StringOf(uint32_t node) const {
  return doc_.StringAt(doc_.nodes_[node]);
}

// Decodes one escape sequence starting at p_[i] == '\\', appending UTF-8 to `out`.
bool Parser::ParseEscape(size_t& i, std::string& out) {
  size_t start = i;
  if (i + 1 >= size_) return FailUnexpected(size_, "an escape sequence");
  char e = p_[i + 1];
  i += 2;
  switch (e) {
    case '"': out.push_back('"'); return true;
    case '\\': out.push_back('\\'); return true;
    case '/': out.push_back('/'); return true;
    case 'b': out.push_back('\b'); return true;
    case 'f': out.push_back('\f'); return true;
    case 'n': out.push_back('\n'); return true;
    case 'r': out.push_back('\r'); return true;
    case 't': out.push_back('\t'); return true;
    case 'u': break;
    default:
      return Fail(ParseError::Kind::kSyntax, start,
                  "invalid escape sequence '\\" + std::string(1, e) +
                      "'; valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
  }
  auto hex4 = [&](size_t at, uint32_t& v) {
    if (at + 4 > size_) return false;
    v = 0;
    for (size_t k = 0; k < 4; ++k) {
      char h = p_[at + k];
      v <<= 4;
      if (h >= '0' && h <= '9') v |= h - '0';
      else if (h >= 'a' && h <= 'f') v |= h - 'a' + 10;
      else if (h >= 'A' && h <= 'F') v |= h - 'A' + 10;
      else return false;
    }
    return true;
  };
  uint32_t cp;
  if (!hex4(i, cp)) {
    return Fail(ParseError::Kind::kSyntax, start, "\\u must be followed by four hex digits");
  }
  i += 4;
  if (cp >= 0xDC00 && cp <= 0xDFFF) {
    return Fail(ParseError::Kind::kEncoding, start,
                "lone low surrogate \\u" + std::string(p_ + start + 2, 4) + " is not a character");
  }
  if (cp >= 0xD800 && cp <= 0xDBFF) {
    uint32_t low;
    if (i + 6 > size_ || p_[i] != '\\' || p_[i + 1] != 'u' || !hex4(i + 2, low) || low < 0xDC00 ||
        low > 0xDFFF) {
      return Fail(ParseError::Kind::kEncoding, start,
                  "lone high surrogate \\u" + std::string(p_ + start + 2, 4) +
                      " is not followed by a low surrogate");
    }
    i += 6;
    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
  }
  utf8::Append(cp, out);
  return true;
}

bool Parser::ParseString(Type type) {
  size_t open = pos_;
  uint32_t node = Push(type, open);
  size_t i = pos_ + 1;
  size_t run_start = i;
  bool escaped = false;
  std::string& arena = doc_.arena_;
  size_t arena_begin = arena.size();
  const auto* bytes = reinterpret_cast<const unsigned char*>(p_);
  while (true) {
    // Fast path: plain printable ASCII needs no decision but "is it special".
    while (i < size_ && !kStringSpecial[bytes[i]]) ++i;
    if (i >= size_) {
      return Fail(ParseError::Kind::kSyntax, open, "unterminated string (no closing '\"')");
    }
    unsigned char c = bytes[i];
    if (c == '"') break;
    if (c == '\\') {
      if (!escaped) {
        escaped = true;
      }
      arena.append(p_ + run_start, i - run_start);
      if (!ParseEscape(i, arena)) return false;
      run_start = i;
      continue;
    }
    if (c < 0x20) {
      if (c == 0) return Fail(ParseError::Kind::kNul, i, "NUL byte inside a string");
      if (c == '\n') {
        return Fail(ParseError::Kind::kSyntax, open,
                    "unterminated string: a raw line break inside a string must be written \\n");
      }
      return Fail(ParseError::Kind::kSyntax, i,
                  "control character " + HexByte(c) + " inside a string must be escaped");
    }
    if (c >= 0x80) {
      size_t len = utf8::SequenceLength(p_ + i, size_ - i);
      if (len == 0) {
        return Fail(ParseError::Kind::kEncoding, i,
                    "invalid UTF-8 in a string: byte " + HexByte(c) + " does not start a valid sequence");
      }
      i += len;
      continue;
    }
    ++i;
  }
  Node& n = doc_.nodes_[node];
  if (escaped) {
    arena.append(p_ + run_start, i - run_start);
    n.bits |= uint32_t{kFlagArena} << Node::kFlagShift;
    n.payload = static_cast<uint32_t>(doc_.arena_strings_.size());
    doc_.arena_strings_.push_back(
        {static_cast<uint32_t>(arena_begin), static_cast<uint32_t>(arena.size() - arena_begin)});
  } else {
    n.payload = static_cast<uint32_t>(i - open - 1);
  }
  pos_ = i + 1;
  return true;
}

bool Parser::ParseNumber() {
  size_t start = pos_;
  size_t i = pos_;
  if (p_[i] == '-') ++i;
  if (i >= size_ || !IsDigit(p_[i])) {
    if (i < size_ && (p_[i] == 'I' || p_[i] == 'i')) {
      return Fail(ParseError::Kind::kSyntax, start, "-Infinity is not a JSON number");
    }
    return Fail(ParseError::Kind::kSyntax, i < size_ ? i : start, "expected a digit after '-'");
  }
  if (p_[i] == '0' && i + 1 < size_ && IsDigit(p_[i + 1])) {
    return Fail(ParseError::Kind::kSyntax, start, "numbers must not have leading zeros");
  }
  while (i < size_ && IsDigit(p_[i])) ++i;
  bool integer = true;
  if (i < size_ && p_[i] == '.') {
    integer = false;
    ++i;
    if (i >= size_ || !IsDigit(p_[i])) {
      return Fail(ParseError::Kind::kSyntax, i, "expected a digit after the decimal point");
    }
    while (i < size_ && IsDigit(p_[i])) ++i;
  }
  bool negative_exponent = false;
  if (i < size_ && (p_[i] == 'e' || p_[i] == 'E')) {
    integer = false;
    ++i;
    if (i < size_ && (p_[i] == '+' || p_[i] == '-')) {
      negative_exponent = p_[i] == '-';
      ++i;
    }
    if (i >= size_ || !IsDigit(p_[i])) {
      return Fail(ParseError::Kind::kSyntax, i, "expected a digit in the exponent");
    }
    while (i < size_ && IsDigit(p_[i])) ++i;
  }
  uint32_t node = Push(Type::kNumber, start);
  Node& n = doc_.nodes_[node];
  if (integer) n.bits |= uint32_t{kFlagInteger} << Node::kFlagShift;
  double value = 0;
  auto result = std::from_chars(p_ + start, p_ + i, value);
  if (result.ec == std::errc::result_out_of_range) {
    if (negative_exponent) {
      value = 0;  // underflow: the nearest double is zero
    } else {
      n.bits |= uint32_t{kFlagOverflow} << Node::kFlagShift;
      value = p_[start] == '-' ? -HUGE_VAL : HUGE_VAL;
    }
  }
  n.payload = static_cast<uint32_t>(doc_.numbers_.size());
  doc_.numbers_.push_back(value);
  pos_ = i;
  return true;
}

bool Parser::ParseLiteral() {
  struct Literal {
    std::string_view text;
    Type type;
    bool value;
  };
  static constexpr Literal kLiterals[] = {
      {"true", Type::kBool, true}, {"false", Type::kBool, false}, {"null", Type::kNull, false}};
  std::string_view rest(p_ + pos_, size_ - pos_);
  for (const Literal& lit : kLiterals) {
    if (rest.substr(0, lit.text.size()) == lit.text) {
      size_t after = pos_ + lit.text.size();
      if (after < size_ && (std::isalnum(static_cast<unsigned char>(p_[after])) || p_[after] == '_')) {
        break;
      }
      uint32_t node = Push(lit.type, pos_);
      doc_.nodes_[node].payload = lit.value;
      pos_ = after;
      return true;
    }
  }
  // Name the common non-JSON words precisely.
  size_t end = pos_;
  while (end < size_ && (std::isalnum(static_cast<unsigned char>(p_[end])) || p_[end] == '_')) ++end;
  std::string word(p_ + pos_, end - pos_);
  if (word == "NaN" || word == "Infinity") {
    return Fail(ParseError::Kind::kSyntax, pos_, word + " is not a JSON number");
  }
  if (word == "True" || word == "False" || word == "None" || word == "TRUE" || word == "FALSE" ||
      word == "NULL" || word == "undefined" || word == "nil") {
    return Fail(ParseError::Kind::kSyntax, pos_,
                "'" + word + "' is not a JSON literal; use true, false or null");
  }
  if (!word.empty()) {
    return Fail(ParseError::Kind::kSyntax, pos_,
                "unexpected word '" + word.substr(0, 40) + "'; strings must be in double quotes");
  }
  return FailUnexpected(pos_, "a value");
}

bool Parser::ParseValue() {
  if (pos_ >= size_) return FailUnexpected(pos_, "a value");
  char c = p_[pos_];
  switch (c) {
    case '{':
    case '[': {
      uint32_t node = Push(c == '{' ? Type::kObject : Type::kArray, pos_);
      ++pos_;
      stack_.push_back(Frame{node, 0, key_stack_.size(), {}, 0});
      return true;
    }
    case '"':
      return ParseString(Type::kString);
    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return ParseNumber();
    default:
      return ParseLiteral();
  }
}

uint32_t Parser::FindOrInsertKey(Frame& frame, uint32_t key_loc, uint32_t hash) {
  if ((frame.table_keys + 1) * 2 > frame.key_table.size()) {  // keep the load at most one half
    std::vector<std::pair<uint32_t, uint32_t>> old = std::move(frame.key_table);
    frame.key_table.assign(old.size() * 2, {0, 0});
    frame.table_keys = 0;
    for (auto [k, h] : old) {
      if (k != 0) FindOrInsertKey(frame, k, h);
    }
  }
  const size_t mask = frame.key_table.size() - 1;
  for (size_t slot = hash & mask;; slot = (slot + 1) & mask) {
    auto [k, h] = frame.key_table[slot];
    if (k == 0) {
      frame.key_table[slot] = {key_loc, hash};
      ++frame.table_keys;
      return 0;
    }
    if (h == hash && StringOf(k) == StringOf(key_loc)) return k;
  }
}

bool Parser::AddKeyToFrame(Frame& frame, uint32_t key_loc) {
  std::string_view key = StringOf(key_loc);
  uint32_t first = 0;
  bool duplicate = false;
  if (!frame.key_table.empty()) {
    first = FindOrInsertKey(frame, key_loc);
    duplicate = first != 0;
  } else {
    for (size_t k = frame.keys_begin; k < key_stack_.size(); ++k) {
      if (StringOf(key_stack_[k]) == key) {
        first = key_stack_[k];
        duplicate = true;
        break;
      }
    }
    key_stack_.push_back(key_loc);
    if (key_stack_.size() - frame.keys_begin > kLinearKeys) {
      frame.key_table.assign(64, {0, 0});
      for (size_t k = frame.keys_begin; k < key_stack_.size(); ++k) {
        FindOrInsertKey(frame, key_stack_[k]);
      }
      key_stack_.resize(frame.keys_begin);
    }
  }
  if (duplicate) doc_.duplicates_.push_back({first, key_loc});
  return true;
}

void Parser::Run() {
  p_ = doc_.text_.data();
  size_ = doc_.text_.size();
  if (size_ > options_.max_bytes) {
    Fail(ParseError::Kind::kTooLarge, 0, "file is larger than the size cap");
    return;
  }
  // Tokens start below size_, so every stored offset fits the 26 bits of a tape node.
  if (size_ > kMaxDocumentBytes) {
    Fail(ParseError::Kind::kTooLarge, 0, "file is larger than 64 MiB, the most mcpolicy reads");
    return;
  }
  const auto* u = reinterpret_cast<const unsigned char*>(p_);
  if (size_ >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
    doc_.bom_ = true;
    pos_ = 3;
  } else if (size_ >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
    Fail(ParseError::Kind::kEncoding, 0,
         "file is UTF-16 or UTF-32 (it starts with a byte-order mark); save it as UTF-8");
    return;
  } else if (size_ >= 2 && (u[0] == 0 || u[1] == 0) && u[0] < 0x80 && u[1] < 0x80) {
    Fail(ParseError::Kind::kEncoding, 0,
         "file looks like UTF-16 or UTF-32 (NUL bytes between characters); save it as UTF-8");
    return;
  }
  doc_.line_starts_.push_back(static_cast<uint32_t>(pos_));
  // Decoded strings are never longer than their source, so one reservation keeps every view
  // into the arena stable during the parse; untouched pages cost no memory.
  doc_.arena_.reserve(size_);
  // Every node but the root follows one of { [ , : so their count bounds the tape exactly: no
  // reallocation, whose old and new blocks together would double the peak for a large file.
  size_t bound = 1;
  for (size_t i = pos_; i < size_; ++i) {
    char c = p_[i];
    bound += c == ',' || c == ':' || c == '{' || c == '[';
  }
  doc_.nodes_.reserve(bound);

  SkipWhitespace();
  if (pos_ >= size_) {
    Fail(ParseError::Kind::kEmpty, pos_, size_ == (doc_.bom_ ? 3u : 0u)
                                             ? "file is empty; expected a JSON object"
                                             : "file holds only whitespace; expected a JSON object");
    return;
  }
  if (!ParseValue()) return;
  while (!stack_.empty()) {
    Frame& frame = stack_.back();
    Node& container = doc_.nodes_[frame.node];
    bool is_object = container.type() == Type::kObject;
    SkipWhitespace();
    if (pos_ >= size_) {
      FailUnexpected(pos_, "");
      return;
    }
    char c = p_[pos_];
    char close = is_object ? '}' : ']';
    if (c == close) {
      doc_.nodes_[frame.node].payload = static_cast<uint32_t>(doc_.nodes_.size());
      ++pos_;
      key_stack_.resize(frame.keys_begin);
      stack_.pop_back();
      continue;
    }
    if (frame.count > 0) {
      if (c != ',') {
        FailUnexpected(pos_, is_object ? "',' or '}'" : "',' or ']'");
        return;
      }
      size_t comma = pos_;
      ++pos_;
      SkipWhitespace();
      if (pos_ < size_ && p_[pos_] == close) {
        Fail(ParseError::Kind::kSyntax, comma,
             std::string("trailing comma before '") + close + "' is not allowed in JSON");
        return;
      }
    }
    if (is_object) {
      if (pos_ >= size_ || p_[pos_] != '"') {
        FailUnexpected(pos_, frame.count == 0 ? "a key in double quotes or '}'" : "a key in double quotes");
        return;
      }
      uint32_t key_loc = static_cast<uint32_t>(doc_.nodes_.size());
      if (!ParseString(Type::kKey)) return;
      AddKeyToFrame(stack_.back(), key_loc);
      SkipWhitespace();
      if (pos_ >= size_ || p_[pos_] != ':') {
        FailUnexpected(pos_, "':' after the key");
        return;
      }
      ++pos_;
      SkipWhitespace();
    }
    ++stack_.back().count;  // counted before ParseValue may push a child frame
    if (!ParseValue()) return;
  }
  SkipWhitespace();
  if (pos_ < size_) {
    if (p_[pos_] == '{' || p_[pos_] == '[') {
      Fail(ParseError::Kind::kTrailing, pos_,
           "a second JSON value after the first; a policy file holds one document");
    } else {
      FailUnexpected(pos_, "end of file after the top-level value");
      if (doc_.error_->kind == ParseError::Kind::kSyntax) doc_.error_->kind = ParseError::Kind::kTrailing;
    }
  }
}

Document Document::Parse(std::string text, const ParseOptions& options) {
  Document doc;
  doc.text_ = std::move(text);
  Parser parser(doc, options);
  parser.Run();
  doc.BuildCodePointMarks();
  if (doc.error_) {
    doc.nodes_.clear();
    doc.nodes_.shrink_to_fit();
    doc.numbers_.clear();
    doc.arena_strings_.clear();
    doc.duplicates_.clear();
  }
  return doc;
}

}  // namespace mcpolicy::json
