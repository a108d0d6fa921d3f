// Fuzz target: the one-pass JSON parser with positions (mcpolicy/json.h). Any input must parse or
// fail with an error inside the text; a parsed tape must be well formed, and every position,
// pointer and line lookup on it must stay in bounds and agree with each other.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "mcpolicy/json.h"

namespace {

void Check(bool condition) {
  if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using mcpolicy::json::Document;
  using mcpolicy::json::Type;
  using mcpolicy::json::Value;
  Document doc = Document::Parse(std::string(reinterpret_cast<const char*>(data), size));
  if (!doc.ok()) {
    Check(doc.error()->offset <= size);
    Check(!doc.error()->message.empty());
    mcpolicy::json::Location loc = doc.Locate(doc.error()->offset);
    Check(loc.line >= 1 && loc.column >= 1);
    (void)doc.LineText(loc.line);
    return 0;
  }
  const auto& nodes = doc.nodes();
  Check(!nodes.empty());
  Check(nodes[0].type() != Type::kKey);
  uint32_t previous_offset = 0;
  for (uint32_t i = 0; i < nodes.size(); ++i) {
    const auto& n = nodes[i];
    Check(n.offset() < size);
    Check(n.offset() >= previous_offset);
    previous_offset = n.offset();
    Check(doc.EndOffset(i) <= size && doc.EndOffset(i) > n.offset());
    Value v(&doc, i);
    if (n.type() == Type::kArray || n.type() == Type::kObject) {
      Check(n.payload > i && n.payload <= nodes.size());
      uint32_t count = 0;
      if (n.type() == Type::kArray) {
        for (Value e : v.elements()) {
          Check(e.type() != Type::kKey);
          ++count;
        }
      } else {
        for (mcpolicy::json::Member m : v.members()) {
          Check(m.key.type() == Type::kKey && m.value.type() != Type::kKey);
          (void)m.name();
          ++count;
        }
      }
      Check(count == v.size());
    } else if (n.type() == Type::kString || n.type() == Type::kKey) {
      (void)v.as_string();
    } else if (n.type() == Type::kNumber) {
      Check(!v.raw_number().empty());
      (void)v.is_integer();
    }
  }
  for (const auto& d : doc.duplicates()) {
    Check(d.first < d.second && d.second < nodes.size());
    Check(Value(&doc, d.first).as_string() == Value(&doc, d.second).as_string());
  }
  // Positions and pointers of a bounded sample (PointerOf costs the node's depth).
  uint32_t limit = nodes.size() < 512 ? static_cast<uint32_t>(nodes.size()) : 512;
  for (uint32_t i = 0; i < limit; ++i) {
    mcpolicy::json::Location loc = doc.Locate(nodes[i].offset());
    Check(loc.line >= 1 && loc.line <= doc.line_count() && loc.column >= 1);
    (void)doc.LineText(loc.line);
    if (nodes[i].type() == Type::kKey) continue;
    std::string pointer = doc.PointerOf(i);
    Value resolved = doc.Resolve(pointer);
    // With duplicate keys a pointer names the last member of that name, maybe another subtree.
    if (doc.duplicates().empty()) Check(resolved.valid() && resolved.index() == i);
  }
  return 0;
}
