// Where a part of a policy came from, for any dialect: the parser of each dialect gives every
// element it maps into the model an opaque LocId, and its SourceMap turns one back into a byte
// span, a line and column, and a path of keys and indices. Findings are located through this
// interface only, so the rules and the sink never see a parser's nodes.
#ifndef MCPOLICY_SOURCE_MAP_H_
#define MCPOLICY_SOURCE_MAP_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace mcpolicy {

// An element of a parsed file, as its dialect's parser numbered it.
using LocId = uint32_t;
// Names nothing (the part was absent or malformed).
inline constexpr LocId kNoLoc = UINT32_MAX;

// A place in a text: 1-based line, 1-based column counted in code points.
struct TextPoint {
  uint32_t line = 0;
  uint32_t column = 0;
};

class SourceMap {
 public:
  virtual ~SourceMap() = default;

  // The whole text the ids point into.
  virtual std::string_view SourceText() const = 0;
  // The line and column of a byte offset of SourceText().
  virtual TextPoint Locate(uint32_t offset) const = 0;
  // The text of a 1-based line, without its terminator.
  virtual std::string_view LineText(uint32_t line) const = 0;
  // The byte span [BeginOffset, EndOffset) of an element.
  virtual uint32_t BeginOffset(LocId id) const = 0;
  virtual uint32_t EndOffset(LocId id) const = 0;
  // The element's path as an RFC 6901 pointer of keys and indices ("/tools/x/limits/0").
  virtual std::string PointerOf(LocId id) const = 0;

  // The line an element starts on.
  uint32_t LineOf(LocId id) const { return Locate(BeginOffset(id)).line; }

 protected:
  SourceMap() = default;
  SourceMap(const SourceMap&) = default;
  SourceMap& operator=(const SourceMap&) = default;
  SourceMap(SourceMap&&) = default;
  SourceMap& operator=(SourceMap&&) = default;
};

}  // namespace mcpolicy

#endif  // MCPOLICY_SOURCE_MAP_H_
