#include "classify/signals.h"

#include <re2/set.h>

#include <vector>

namespace mcpolicy::classify {
namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

template <typename List>
bool ContainsIgnoreCase(const List& list, std::string_view s) {
  for (const auto& item : list) {
    if (EqualsIgnoreCase(item, s)) return true;
  }
  return false;
}

}  // namespace

void ScanDescription(const Lexicon& lexicon, std::string_view description,
                     ClassMask context, DescriptionSignals* out) {
  out->present = false;
  out->raise_cue = -1;
  out->read_only_cue = -1;
  out->lead = Verdict{};
  out->words.buffer.count = 0;
  if (description.empty()) return;
  out->present = true;
  out->lead = AnalyzeProse(lexicon, description, context, &out->words);
  if (lexicon.cues().empty()) return;

  // Reused per thread so that classifying many tools does not allocate per
  // call.
  thread_local std::vector<int> matches;
  matches.clear();
  if (!lexicon.cue_set().Match(description, &matches)) return;
  const std::vector<Cue>& cues = lexicon.cues();
  for (int m : matches) {
    const Cue& cue = cues[m];
    if (cue.kind == CueKind::kReadOnly) {
      if (out->read_only_cue < 0 || m < out->read_only_cue)
        out->read_only_cue = m;
      continue;
    }
    // Most severe wins; between equals, the one listed first in the lexicon.
    if (out->raise_cue < 0 ||
        DangerRank(cue.category) > DangerRank(cues[out->raise_cue].category) ||
        (DangerRank(cue.category) ==
             DangerRank(cues[out->raise_cue].category) &&
         m < out->raise_cue)) {
      out->raise_cue = m;
    }
  }
}

void ScanSchema(const Lexicon& lexicon, const ToolInfo& tool,
                SchemaSignals* out) {
  *out = SchemaSignals{};
  for (const EnumProperty& e : tool.enums) {
    if (!ContainsIgnoreCase(lexicon.selector_properties(), e.name)) continue;
    for (std::string_view value : e.values) {
      const std::optional<Category> c = OperationCategory(lexicon, value);
      if (!c) {
        if (out->unknown_operation.empty()) out->unknown_operation = value;
        continue;
      }
      if (!out->has_operations ||
          DangerRank(*c) > DangerRank(out->operation_category)) {
        out->has_operations = true;
        out->selector = e.name;
        out->operation = value;
        out->operation_category = *c;
      }
    }
  }
  for (std::string_view property : tool.properties) {
    for (const ArgumentCue& cue : lexicon.argument_cues()) {
      if (!ContainsIgnoreCase(cue.names, property)) continue;
      if (!out->has_argument ||
          DangerRank(cue.category) > DangerRank(out->argument_category)) {
        out->has_argument = true;
        out->argument = property;
        out->argument_category = cue.category;
      }
    }
  }
}

}  // namespace mcpolicy::classify
