// JSON documents parsed in one pass with the source position of every key and value.
//
// A Document owns the input bytes and a flat array of nodes in document order (a "tape"): each
// container node is followed by its children, and records the index one past its subtree, so a
// subtree is skipped in O(1). Object members are stored as a kKey node followed by the value's
// subtree. Positions are byte offsets into the input; Document::Locate turns one into a 1-based line
// and a 1-based column counted in Unicode code points (a UTF-8 BOM is not counted).
//
// Parsing is iterative (no recursion), so nesting depth is bounded by memory, not by the stack.
#ifndef MCPOLICY_JSON_H_
#define MCPOLICY_JSON_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mcpolicy/source_map.h"

namespace mcpolicy::json {

enum class Type : uint8_t { kNull, kBool, kNumber, kString, kArray, kObject, kKey };

// Name of a type as JSON Schema spells it ("null", "boolean", "number", "string", "array", "object").
std::string_view TypeName(Type type);

// 1-based line and code-point column.
using Location = TextPoint;

// One tape entry, 8 bytes: the tape of an 11 MB policy (13 nodes per 110-byte tool) stays about
// the input's size. Numbers and strings with escapes keep their contents beside the tape.
struct Node {
  uint32_t bits;  // byte offset of the token's first byte in Document::text() (low 26 bits), the
                  // type (3 bits above it) and the kFlag* bits (top 3 bits)
  // containers: the index one past the last node of the subtree;
  // strings and keys: the decoded length in bytes, which start one past offset() in text(), or
  //   with kFlagArena an index into Document::arena_strings();
  // numbers: an index into Document::numbers(); booleans: 0 or 1; null: 0.
  uint32_t payload;

  uint32_t offset() const { return bits & kOffsetMask; }
  Type type() const { return static_cast<Type>((bits >> kTypeShift) & 7u); }
  uint8_t flags() const { return static_cast<uint8_t>(bits >> kFlagShift); }
  bool is_container() const { return type() == Type::kArray || type() == Type::kObject; }

  static constexpr uint32_t kOffsetBits = 26;  // inputs up to 64 MiB
  static constexpr uint32_t kOffsetMask = (1u << kOffsetBits) - 1;
  static constexpr uint32_t kTypeShift = kOffsetBits;
  static constexpr uint32_t kFlagShift = kOffsetBits + 3;
};
static_assert(sizeof(Node) == 8, "Node must stay 8 bytes");

// The largest document Parse accepts (offsets are 26 bits); a larger one fails with kTooLarge.
inline constexpr uint64_t kMaxDocumentBytes = uint64_t{1} << Node::kOffsetBits;

// Where a decoded string with escapes lives in Document::arena().
struct ArenaString {
  uint32_t begin;
  uint32_t size;
};

inline constexpr uint8_t kFlagArena = 1;     // string bytes live in the arena (had escapes)
inline constexpr uint8_t kFlagInteger = 2;   // number written without fraction or exponent
inline constexpr uint8_t kFlagOverflow = 4;  // number outside the range of a double (e.g. 1e400)

class Document;

// A cheap handle to one node of a Document. Valid while the Document lives.
class Value {
 public:
  Value() = default;
  Value(const Document* doc, uint32_t index) : doc_(doc), index_(index) {}

  bool valid() const { return doc_ != nullptr; }
  uint32_t index() const { return index_; }
  const Document& document() const { return *doc_; }
  const Node& node() const;
  Type type() const { return node().type(); }
  // The is_* tests are false for an invalid Value, so `v.Find("x").is_string()` needs no valid().
  bool is_null() const { return Is(Type::kNull); }
  bool is_bool() const { return Is(Type::kBool); }
  bool is_number() const { return Is(Type::kNumber); }
  bool is_string() const { return Is(Type::kString); }
  bool is_array() const { return Is(Type::kArray); }
  bool is_object() const { return Is(Type::kObject); }

  bool as_bool() const { return node().payload != 0; }
  double as_number() const;
  // True when the number has no fractional part (JSON Schema's "integer": 1.0 counts).
  bool is_integer() const;
  // The number exactly as written in the source ("1e400", "30000000000000000000000000000").
  std::string_view raw_number() const;
  // Decoded string (or key) contents, UTF-8.
  std::string_view as_string() const;
  // The string's contents, or "" when this is not a string (or not valid): for reading optional
  // string fields of schema-checked documents.
  std::string_view string_or_empty() const { return is_string() ? as_string() : std::string_view(); }

  // Elements of an array, members of an object, else 0. Counted by jumping over each child.
  uint32_t size() const;
  uint32_t offset() const { return node().offset(); }
  Location location() const;

  // Array elements, in order.
  class ElementIterator;
  struct ElementRange;
  ElementRange elements() const;

  // Object members (json::Member, below), in order.
  class MemberIterator;
  struct MemberRange;
  MemberRange members() const;

  // The member with this name (linear scan), or an invalid Value. With duplicate keys the last one
  // wins, as in most JSON parsers; the duplicate itself is reported by Document::duplicates().
  Value Find(std::string_view name) const;

 private:
  bool Is(Type t) const { return doc_ != nullptr && type() == t; }

  const Document* doc_ = nullptr;
  uint32_t index_ = 0;
};

// Iterates siblings by jumping over each subtree.
class Value::ElementIterator {
 public:
  ElementIterator(const Document* doc, uint32_t index) : doc_(doc), index_(index) {}
  Value operator*() const { return Value(doc_, index_); }
  ElementIterator& operator++();
  bool operator!=(const ElementIterator& other) const { return index_ != other.index_; }

 private:
  const Document* doc_;
  uint32_t index_;
};

struct Value::ElementRange {
  ElementIterator begin_it, end_it;
  ElementIterator begin() const { return begin_it; }
  ElementIterator end() const { return end_it; }
};

// One object member: `key` is the kKey node (its position is the key's), `value` its value.
struct Member {
  Value key;
  Value value;
  std::string_view name() const { return key.as_string(); }
};

class Value::MemberIterator {
 public:
  MemberIterator(const Document* doc, uint32_t index) : doc_(doc), index_(index) {}
  Member operator*() const { return {Value(doc_, index_), Value(doc_, index_ + 1)}; }
  MemberIterator& operator++();
  bool operator!=(const MemberIterator& other) const { return index_ != other.index_; }

 private:
  const Document* doc_;
  uint32_t index_;
};

struct Value::MemberRange {
  MemberIterator begin_it, end_it;
  MemberIterator begin() const { return begin_it; }
  MemberIterator end() const { return end_it; }
};

// A key that appeared twice in one object (compared after unescaping).
struct DuplicateKey {
  uint32_t first;   // node index of the first kKey
  uint32_t second;  // node index of the later kKey
};

// Why a parse failed, at the byte offset where the problem was detected.
struct ParseError {
  enum class Kind : uint8_t {
    kSyntax,          // not JSON at this point
    kEmpty,           // empty or whitespace-only input
    kTrailing,        // more content after the first value
    kEncoding,        // invalid UTF-8, or UTF-16/UTF-32 input
    kNul,             // a NUL byte
    kTooLarge,        // input larger than ParseOptions::max_bytes
  };
  Kind kind = Kind::kSyntax;
  uint32_t offset = 0;
  std::string message;  // one sentence, lower-case start, no position, e.g. "expected ',' or '}'"
};

struct ParseOptions {
  uint64_t max_bytes = 64ull << 20;
};

// A parsed JSON text. As a SourceMap, a LocId is a node index.
class Document final : public SourceMap {
 public:
  // Parses `text`, taking ownership of it. Never throws on bad input; check ok().
  static Document Parse(std::string text, const ParseOptions& options = {});

  bool ok() const { return !error_.has_value(); }
  const std::optional<ParseError>& error() const { return error_; }
  Value root() const { return Value(this, 0); }
  bool has_bom() const { return bom_; }

  const std::string& text() const { return text_; }
  std::string_view SourceText() const override { return text_; }
  uint32_t BeginOffset(uint32_t index) const override { return nodes_[index].offset(); }
  const std::string& arena() const { return arena_; }
  const std::vector<Node>& nodes() const { return nodes_; }
  const std::vector<double>& numbers() const { return numbers_; }
  const std::vector<ArenaString>& arena_strings() const { return arena_strings_; }

  // Readers of a node's payload (the node must have the type named).
  std::string_view StringAt(const Node& n) const {  // kString, kKey
    if (n.flags() & kFlagArena) {
      const ArenaString& a = arena_strings_[n.payload];
      return std::string_view(arena_.data() + a.begin, a.size);
    }
    return std::string_view(text_.data() + n.offset() + 1, n.payload);
  }
  double NumberAt(const Node& n) const { return numbers_[n.payload]; }  // kNumber
  // Index one past the subtree of node `index`.
  uint32_t SubtreeEnd(uint32_t index) const {
    const Node& n = nodes_[index];
    return n.is_container() ? n.payload : index + 1;
  }
  const std::vector<DuplicateKey>& duplicates() const { return duplicates_; }

  // 1-based line and code-point column of a byte offset (also valid for error offsets).
  Location Locate(uint32_t offset) const override;
  // The text of the 1-based line, without its line terminator.
  std::string_view LineText(uint32_t line) const override;
  uint32_t line_count() const { return static_cast<uint32_t>(line_starts_.size()); }

  // Byte offset one past the token or subtree that starts at node `index` (for end positions).
  uint32_t EndOffset(uint32_t index) const override;

  // RFC 6901 JSON pointer of a node ("" for the root, "/tools/execute_flow/limits/0").
  std::string PointerOf(uint32_t index) const override;
  // The node a pointer names, or an invalid Value.
  Value Resolve(std::string_view pointer) const;

  Document(Document&&) noexcept = default;
  Document& operator=(Document&&) noexcept = default;

 private:
  Document() = default;
  friend class Parser;

  // Columns on long lines (a minified document is one line) would cost a scan from the line's
  // start per Locate, quadratic over a document's findings; code-point counts at every
  // kMarkStride bytes make each Locate scan at most two strides.
  static constexpr uint32_t kMarkStride = 512;
  void BuildCodePointMarks();
  uint32_t CodePointsBefore(uint32_t offset) const;  // needs code_point_marks_

  std::string text_;
  std::string arena_;                   // decoded strings that contained escapes
  std::vector<Node> nodes_;
  std::vector<double> numbers_;
  std::vector<ArenaString> arena_strings_;
  std::vector<uint32_t> line_starts_;  // byte offset of each line's first byte
  std::vector<uint32_t> code_point_marks_;  // code points before each kMarkStride-byte block
  std::vector<DuplicateKey> duplicates_;
  std::optional<ParseError> error_;
  // PointerOf's parent table (8 bytes a node) is built only after kPointerDescents calls: a few
  // findings in a large document each walk down from the root instead.
  static constexpr uint32_t kPointerDescents = 32;
  std::string PointerByDescent(uint32_t index) const;
  mutable std::vector<uint32_t> parents_;
  mutable uint32_t pointer_calls_ = 0;
  bool bom_ = false;
};

// Escapes one reference token of a JSON pointer ("~" -> "~0", "/" -> "~1").
std::string EscapePointerToken(std::string_view token);

}  // namespace mcpolicy::json

#endif  // MCPOLICY_JSON_H_
