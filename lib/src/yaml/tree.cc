// Navigation and positions over a parsed Tree.
#include <algorithm>

#include "yaml/tree.h"

namespace mcpolicy::yaml {

uint32_t Tree::Resolve(uint32_t index) const {
  // Aliases point at nodes that were complete when the alias was read, never at aliases of
  // aliases being built, so this ends; the bound guards a corrupt tree all the same.
  for (size_t guard = 0; guard < nodes_.size() && nodes_[index].kind == Kind::kAlias; ++guard) {
    index = nodes_[index].target;
  }
  return index;
}

std::string_view Tree::ScalarText(uint32_t index) const {
  const Node& n = nodes_[Resolve(index)];
  return n.kind == Kind::kScalar ? std::string_view(scalars_[n.first]) : std::string_view();
}

bool Tree::Quoted(uint32_t index) const {
  const Node& n = nodes_[Resolve(index)];
  return n.kind == Kind::kScalar && (n.style == Style::kSingle || n.style == Style::kDouble);
}

std::vector<std::pair<uint32_t, uint32_t>> Tree::WrittenEntries(uint32_t map) const {
  std::vector<std::pair<uint32_t, uint32_t>> out;
  const Node& n = nodes_[Resolve(map)];
  if (n.kind != Kind::kMap) return out;
  out.reserve(n.count / 2);
  for (uint32_t i = 0; i + 1 < n.count; i += 2) {
    out.emplace_back(children_[n.first + i], children_[n.first + i + 1]);
  }
  return out;
}

std::vector<std::pair<uint32_t, uint32_t>> Tree::Entries(uint32_t map) const {
  const Node& n = nodes_[Resolve(map)];
  if (n.kind != Kind::kMap || !n.has_merge) return WrittenEntries(map);
  return {merged_.begin() + n.merged_first, merged_.begin() + n.merged_first + n.merged_count};
}

std::vector<uint32_t> Tree::Items(uint32_t seq) const {
  const Node& n = nodes_[Resolve(seq)];
  if (n.kind != Kind::kSeq) return {};
  return {children_.begin() + n.first, children_.begin() + n.first + n.count};
}

uint32_t Tree::FindKey(uint32_t map, std::string_view key, uint32_t* value) const {
  for (auto [k, v] : Entries(map)) {
    if (IsScalar(k) && ScalarText(k) == key) {
      if (value) *value = v;
      return k;
    }
  }
  if (value) *value = kNoNode;
  return kNoNode;
}

Position Tree::Locate(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  if (!line_starts_.empty()) offset = std::max(offset, line_starts_[0]);  // not inside the BOM
  Position p;
  p.offset = offset;
  if (line_starts_.empty()) {
    p.line = 1;
    p.column = 1;
    return p;
  }
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  size_t line = static_cast<size_t>(it - line_starts_.begin());  // 1-based: the line it starts
  if (line == 0) line = 1;
  uint32_t line_start = line_starts_[line - 1];
  auto code_points_before = [&](uint32_t at) {
    size_t block = at / kStride;
    uint32_t count = stride_code_points_[block];
    for (size_t i = block * kStride; i < at; ++i) {
      count += (static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80;
    }
    return count;
  };
  p.line = static_cast<uint32_t>(line);
  p.column = code_points_before(offset) - code_points_before(line_start) + 1;
  return p;
}

std::string_view Tree::LineText(uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  size_t begin = line_starts_[line - 1];
  size_t end = line < line_starts_.size() ? line_starts_[line] : text_.size();
  std::string_view s(text_.data() + begin, end - begin);
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace mcpolicy::yaml
