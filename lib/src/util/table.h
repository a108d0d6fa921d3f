// Aligned text tables: the columns `classify` and `recommend --explain` share, so both read alike.
#ifndef MCPOLICY_UTIL_TABLE_H_
#define MCPOLICY_UTIL_TABLE_H_

#include <cstddef>
#include <string>

namespace mcpolicy::table {

inline constexpr size_t kCategoryWidth = 11;  // "destructive"
inline constexpr size_t kConfidenceWidth = 4;  // "0.85"
inline constexpr size_t kSourceWidth = 9;      // "heuristic"

// Fills a cell whose text took `used` columns up to `width`, then adds the two-space gutter.
inline void Pad(std::string& out, size_t used, size_t width) {
  out.append(width > used ? width - used : 0, ' ');
  out += "  ";
}

}  // namespace mcpolicy::table

#endif  // MCPOLICY_UTIL_TABLE_H_
