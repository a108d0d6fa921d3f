// The compiled form of a schema: a flat array of nodes addressed by index, each holding only the
// keywords it uses, with $refs already resolved to node indices.
#ifndef MCPOLICY_SCHEMA_COMPILED_H_
#define MCPOLICY_SCHEMA_COMPILED_H_

#include <re2/re2.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mcpolicy/json.h"
#include "mcpolicy/schema.h"
#include "schema/formats.h"

namespace mcpolicy::schema {

inline constexpr uint32_t kNone = UINT32_MAX;

// Instance type bits. A number with no fractional part carries both kInteger and kNumber.
enum TypeBits : uint8_t {
  kNullBit = 1,
  kBooleanBit = 2,
  kIntegerBit = 4,
  kNumberBit = 8,
  kStringBit = 16,
  kArrayBit = 32,
  kObjectBit = 64,
};

// Which keywords a node uses.
enum Flags : uint64_t {
  kHasMinimum = 1ull << 0,
  kHasMaximum = 1ull << 1,
  kHasExclusiveMinimum = 1ull << 2,
  kHasExclusiveMaximum = 1ull << 3,
  kHasMultipleOf = 1ull << 4,
  kHasMinLength = 1ull << 5,
  kHasMaxLength = 1ull << 6,
  kHasPattern = 1ull << 7,
  kHasFormat = 1ull << 8,
  kHasItems = 1ull << 9,       // single schema for every item
  kHasItemList = 1ull << 10,   // array form, with additional_items for the rest
  kHasContains = 1ull << 11,
  kHasMinItems = 1ull << 12,
  kHasMaxItems = 1ull << 13,
  kHasUniqueItems = 1ull << 14,
  kHasMinProperties = 1ull << 15,
  kHasMaxProperties = 1ull << 16,
  kHasRequired = 1ull << 17,
  kHasProperties = 1ull << 18,
  kHasPatternProperties = 1ull << 19,
  kHasAdditionalProperties = 1ull << 20,
  kHasDependencies = 1ull << 21,
  kHasPropertyNames = 1ull << 22,
  kHasEnum = 1ull << 23,
  kHasConst = 1ull << 24,
  kHasAllOf = 1ull << 25,
  kHasAnyOf = 1ull << 26,
  kHasOneOf = 1ull << 27,
  kHasNot = 1ull << 28,
  kHasIf = 1ull << 29,
};

inline constexpr uint64_t kNumberKeywords =
    kHasMinimum | kHasMaximum | kHasExclusiveMinimum | kHasExclusiveMaximum | kHasMultipleOf;
inline constexpr uint64_t kStringKeywords = kHasMinLength | kHasMaxLength | kHasPattern | kHasFormat;
inline constexpr uint64_t kArrayKeywords =
    kHasItems | kHasItemList | kHasContains | kHasMinItems | kHasMaxItems | kHasUniqueItems;
inline constexpr uint64_t kObjectKeywords = kHasMinProperties | kHasMaxProperties | kHasRequired |
                                            kHasProperties | kHasPatternProperties |
                                            kHasAdditionalProperties | kHasDependencies |
                                            kHasPropertyNames;
inline constexpr uint64_t kApplicatorKeywords =
    kHasAllOf | kHasAnyOf | kHasOneOf | kHasNot | kHasIf;

// What an object schema knows about one property name: its "properties" schema, and the bit that
// records its presence when it is required or has a dependency (-1: look it up instead).
struct KeyEntry {
  std::string_view name;
  uint64_t hash = 0;
  uint32_t schema = kNone;
  int32_t bit = -1;
};

// FNV-1a: property names are short, and this runs once per instance member.
inline uint64_t HashName(std::string_view name) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : name) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return h;
}

// Open-addressing map from property name to KeyEntry, built once per schema node.
class KeyTable {
 public:
  // Returns the entry for `name`, adding an empty one if needed. Invalidates pointers.
  KeyEntry& Add(std::string_view name);
  const KeyEntry* Find(std::string_view name) const {
    if (slots_.empty()) return nullptr;
    const uint64_t hash = HashName(name);
    const size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask; slots_[i] != 0; i = (i + 1) & mask) {
      const KeyEntry& e = entries_[slots_[i] - 1];
      if (e.hash == hash && e.name == name) return &e;
    }
    return nullptr;
  }
  const std::vector<KeyEntry>& entries() const { return entries_; }  // in insertion order
  bool empty() const { return entries_.empty(); }

 private:
  void Rehash();
  std::vector<KeyEntry> entries_;
  std::vector<uint32_t> slots_;  // entry index + 1; 0 = empty
};

// A property whose presence brings further constraints.
struct Dependency {
  std::string_view key;
  int32_t bit = -1;
  uint32_t schema = kNone;                 // schema form
  std::vector<std::string_view> required;  // array form
  std::string path;                        // "#/dependencies/<key>" for error reports
};

struct RequiredKey {
  std::string_view name;
  int32_t bit = -1;
};

struct PatternProperty {
  uint32_t regex;
  uint32_t schema;
};

// The values of an "enum", with a hash index once it is large enough to be worth it.
struct EnumSet {
  std::vector<json::Value> values;
  std::vector<std::string_view> strings;  // the values, when every one is a string
  bool all_strings = false;
  std::vector<std::pair<uint64_t, uint32_t>> by_hash;  // sorted; empty for small sets
  bool Contains(json::Value v) const;
};

struct Node {
  enum class Kind : uint8_t { kObject, kTrue, kFalse };
  Kind kind = Kind::kTrue;
  uint8_t types = 0;  // 0: no "type" keyword
  Format format = Format::kNone;
  bool unique_items = false;
  uint32_t doc = 0;         // document and node the schema is written at
  uint32_t source = 0;
  uint32_t ref = kNone;     // resolved "$ref": every other keyword is ignored
  uint64_t flags = 0;
  std::string path;         // "#/definitions/tool" or "<uri>#/..." for error reports

  double minimum = 0, maximum = 0, exclusive_minimum = 0, exclusive_maximum = 0, multiple_of = 0;
  uint64_t min_length = 0, max_length = 0, min_items = 0, max_items = 0;
  uint64_t min_properties = 0, max_properties = 0;
  uint32_t pattern = kNone;  // index into Compiled::regexes
  uint32_t items = kNone;    // kHasItems
  std::vector<uint32_t> item_list;
  uint32_t additional_items = kNone;
  uint32_t contains = kNone;
  KeyTable keys;             // properties, required and dependency names
  std::vector<RequiredKey> required;
  std::vector<PatternProperty> pattern_properties;
  uint32_t additional_properties = kNone;
  std::vector<Dependency> dependencies;
  uint32_t property_names = kNone;
  uint32_t enum_set = kNone;  // index into Compiled::enums
  json::Value const_value;
  std::vector<uint32_t> all_of, any_of, one_of;
  uint32_t not_schema = kNone, if_schema = kNone, then_schema = kNone, else_schema = kNone;
};

struct Compiled {
  std::vector<std::unique_ptr<json::Document>> docs;  // [0] is the root document
  std::vector<std::string> doc_uris;                  // "" for the root
  std::vector<Node> nodes;
  std::vector<std::unique_ptr<RE2>> regexes;
  std::vector<std::string> regex_sources;             // pattern text, for messages
  std::vector<EnumSet> enums;
  uint32_t root = 0;
  uint32_t max_depth = 512;
};

}  // namespace mcpolicy::schema

namespace mcpolicy {
struct Schema::Impl : schema::Compiled {};
}  // namespace mcpolicy

#endif  // MCPOLICY_SCHEMA_COMPILED_H_
