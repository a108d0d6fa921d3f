#include "schema/compiled.h"

#include <algorithm>

#include "schema/equality.h"
#include "schema/tape.h"

namespace mcpolicy::schema {

KeyEntry& KeyTable::Add(std::string_view name) {
  uint64_t hash = HashName(name);
  if (!slots_.empty()) {
    size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask; slots_[i] != 0; i = (i + 1) & mask) {
      KeyEntry& e = entries_[slots_[i] - 1];
      if (e.hash == hash && e.name == name) return e;
    }
  }
  entries_.push_back(KeyEntry{name, hash, kNone, -1});
  if (entries_.size() * 2 > slots_.size()) {
    Rehash();
  } else {
    size_t mask = slots_.size() - 1;
    size_t i = hash & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = static_cast<uint32_t>(entries_.size());
  }
  return entries_.back();
}

void KeyTable::Rehash() {
  size_t size = 8;
  while (size < entries_.size() * 4) size *= 2;  // load stays at most 1/2 until the next rehash
  slots_.assign(size, 0);
  size_t mask = size - 1;
  for (uint32_t k = 0; k < entries_.size(); ++k) {
    size_t i = entries_[k].hash & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = k + 1;
  }
}

bool EnumSet::Contains(json::Value v) const {
  const json::Node& node = v.document().nodes()[v.index()];
  if (all_strings && by_hash.empty()) {
    if (node.type() != json::Type::kString && node.type() != json::Type::kKey) return false;
    std::string_view s = StringOf(v.document(), node);
    for (std::string_view candidate : strings) {
      if (candidate == s) return true;
    }
    return false;
  }
  if (by_hash.empty()) {
    for (const json::Value& candidate : values) {
      if (JsonEqual(v, candidate)) return true;
    }
    return false;
  }
  uint64_t h = JsonHash(v);
  auto it = std::lower_bound(by_hash.begin(), by_hash.end(), std::make_pair(h, uint32_t{0}));
  for (; it != by_hash.end() && it->first == h; ++it) {
    if (JsonEqual(v, values[it->second])) return true;
  }
  return false;
}

}  // namespace mcpolicy::schema
