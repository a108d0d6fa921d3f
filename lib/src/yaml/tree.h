// A YAML document as a neutral tree: mappings, sequences, scalars and aliases, each with its byte
// span in the input and the line and column where it starts; mapping entries in file order.
//
// Parse reads one document with libyaml's event API (the grammar go-yaml v3, and so Intercept,
// was ported from) and builds the tree without recursion. It refuses, with one positioned message,
// what a policy file must not be: invalid YAML, text that is not UTF-8 (UTF-16/32, a NUL byte,
// a control character), more than one document, tags outside YAML's core schema, aliases with no
// anchor or inside their own anchor, alias expansion past a bound (a "billion laughs" document),
// collection keys, and nesting deeper than kMaxDepth. Duplicate keys are not an error of the parse:
// they are listed (Tree::duplicates) so the caller reports them as findings.
//
// Anchors and aliases are kept, not copied: an alias is a node of kind kAlias naming its target;
// Tree::Resolve follows it. Merge keys (`<<: *base`) are applied the way go-yaml v3 applies them:
// Tree::Entries(map) gives a mapping's effective entries, its own first (in file order), then those
// of the merged mappings that it does not override; Tree::WrittenEntries gives them as written.
#ifndef MCPOLICY_YAML_TREE_H_
#define MCPOLICY_YAML_TREE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mcpolicy::yaml {

enum class Kind : uint8_t { kScalar, kMap, kSeq, kAlias };

// How a node is written. Scalars: plain, 'single', "double", | literal, > folded. Collections:
// block (indented) or flow ({...} / [...]). Aliases: kPlain.
enum class Style : uint8_t { kPlain, kSingle, kDouble, kLiteral, kFolded, kBlock, kFlow };

inline constexpr uint32_t kNoNode = UINT32_MAX;
inline constexpr uint32_t kMaxDepth = 256;  // nested collections; see README "Dependencies"

struct Position {
  uint32_t offset = 0;  // byte offset into Tree::text()
  uint32_t line = 0;    // 1-based
  uint32_t column = 0;  // 1-based, in code points; a UTF-8 BOM is not counted
};

struct Node {
  Kind kind = Kind::kScalar;
  Style style = Style::kPlain;
  Position begin;    // first byte of the node (of its anchor or tag, when it has one)
  uint32_t end = 0;  // byte offset one past the node's last byte
  // kScalar: index into Tree::scalars; kMap/kSeq: first index into the children array and the
  // count (a mapping's children are key, value pairs); kAlias: the target node.
  uint32_t first = 0;
  uint32_t count = 0;
  uint32_t target = kNoNode;
  // kMap with a merge key: its effective entries are Tree's merged pairs [merged_first, +count).
  uint32_t merged_first = 0;
  uint32_t merged_count = 0;
  bool has_merge = false;
  std::string tag;     // explicit tag as resolved ("tag:yaml.org,2002:str"), or ""
  std::string anchor;  // "&name" without the '&', or ""
};

// A key written twice in one mapping: `first` and `second` are the two key nodes.
struct Duplicate {
  uint32_t first;
  uint32_t second;
};

struct ParseError {
  enum class Kind : uint8_t {
    kSyntax, kEncoding, kNul, kEmpty, kTooLarge, kSecondDocument, kTag, kAlias, kDepth, kKey
  };
  Kind kind;
  Position at;
  std::string message;  // one sentence, no position in it
};

struct ParseOptions {
  uint64_t max_bytes = uint64_t{1} << 26;  // 64 MiB, as for JSON
  // Aliases and merge keys may expand the document to at most this many nodes plus ten times the
  // nodes written; past that the parse fails (kAlias).
  uint64_t max_expanded_nodes = 100000;
};

class Tree {
 public:
  // Parses `text` (UTF-8, an optional BOM). On failure error() is set and the tree is empty.
  static Tree Parse(std::string text, const ParseOptions& options = {});

  const std::string& text() const { return text_; }
  bool ok() const { return !error_.has_value(); }
  const std::optional<ParseError>& error() const { return error_; }
  bool bom() const { return bom_; }

  const std::vector<Node>& nodes() const { return nodes_; }
  const Node& node(uint32_t index) const { return nodes_[index]; }
  uint32_t root() const { return nodes_.empty() ? kNoNode : 0; }
  const std::vector<Duplicate>& duplicates() const { return duplicates_; }

  // The node an alias stands for (any other node: itself).
  uint32_t Resolve(uint32_t index) const;
  // Decoded scalar text (escapes, folding and block indentation applied); "" for other kinds.
  std::string_view ScalarText(uint32_t index) const;
  bool IsScalar(uint32_t index) const { return nodes_[Resolve(index)].kind == Kind::kScalar; }
  bool IsMap(uint32_t index) const { return nodes_[Resolve(index)].kind == Kind::kMap; }
  bool IsSeq(uint32_t index) const { return nodes_[Resolve(index)].kind == Kind::kSeq; }
  // True for 'single' and "double" quoted scalars.
  bool Quoted(uint32_t index) const;

  // Effective (key, value) entries of a mapping (aliases resolved, merge keys applied).
  std::vector<std::pair<uint32_t, uint32_t>> Entries(uint32_t map) const;
  // Entries exactly as written, `<<` included.
  std::vector<std::pair<uint32_t, uint32_t>> WrittenEntries(uint32_t map) const;
  // Elements of a sequence (aliases resolved to their targets only through Resolve).
  std::vector<uint32_t> Items(uint32_t seq) const;
  // The key node of the effective entry named `key`, or kNoNode; its value is `*value`.
  uint32_t FindKey(uint32_t map, std::string_view key, uint32_t* value = nullptr) const;

  Position Locate(uint32_t offset) const;
  // The text of a 1-based line without its line break.
  std::string_view LineText(uint32_t line) const;

 private:
  friend class Builder;

  std::string text_;
  bool bom_ = false;
  std::optional<ParseError> error_;
  std::vector<Node> nodes_;
  std::vector<uint32_t> children_;
  std::vector<std::string> scalars_;
  std::vector<std::pair<uint32_t, uint32_t>> merged_;  // effective entries of maps with `<<`
  std::vector<Duplicate> duplicates_;
  std::vector<uint32_t> line_starts_;  // byte offsets; line 1 starts after the BOM
  // Code points before each block of kStride bytes, so Locate scans at most one block.
  static constexpr uint32_t kStride = 256;
  std::vector<uint32_t> stride_code_points_;
};

}  // namespace mcpolicy::yaml

#endif  // MCPOLICY_YAML_TREE_H_
