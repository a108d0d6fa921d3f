// Fuzz target: the heuristic tool classifier (mcpolicy/classify.h). The input is split into lines:
// the tool name, its description, annotation hints (letters R/r readOnly true/false, D/d
// destructive, I/i idempotent, O/o openWorld), then one input-schema property per line, written
// "name=v1,v2" when it has enum values. Both Classify overloads must agree, with a reused result.
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string_view>
#include <vector>

#include "mcpolicy/classify.h"

namespace {

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    size_t end = s.find(sep, start);
    parts.push_back(s.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

void SetHint(std::optional<bool>& hint, char c, char yes) { hint = c == yes; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const mcpolicy::Classifier classifier;
  static mcpolicy::Classification reused;
  if (!classifier.ok()) std::abort();
  std::vector<std::string_view> lines =
      Split(std::string_view(reinterpret_cast<const char*>(data), size), '\n');
  mcpolicy::ToolInfo tool;
  tool.name = lines[0];
  if (lines.size() > 1) tool.description = lines[1];
  if (lines.size() > 2) {
    for (char c : lines[2]) {
      if (c == 'R' || c == 'r') SetHint(tool.hints.read_only, c, 'R');
      if (c == 'D' || c == 'd') SetHint(tool.hints.destructive, c, 'D');
      if (c == 'I' || c == 'i') SetHint(tool.hints.idempotent, c, 'I');
      if (c == 'O' || c == 'o') SetHint(tool.hints.open_world, c, 'O');
    }
  }
  for (size_t i = 3; i < lines.size(); ++i) {
    size_t eq = lines[i].find('=');
    std::string_view name = lines[i].substr(0, eq);
    tool.properties.push_back(name);
    if (eq != std::string_view::npos) {
      tool.enums.push_back({name, Split(lines[i].substr(eq + 1), ',')});
    }
  }
  mcpolicy::Classification fresh = classifier.Classify(tool);
  classifier.Classify(tool, &reused);
  if (!(fresh.confidence >= 0 && fresh.confidence <= 1)) std::abort();
  if (fresh.category != reused.category || fresh.risk != reused.risk ||
      fresh.confidence != reused.confidence || fresh.evidence != reused.evidence) {
    std::abort();
  }
  if (fresh.risk != mcpolicy::RiskOf(fresh.category)) std::abort();
  return 0;
}
