// The learned model's view of a tool: named binary features ("name word delete", "heuristic says
// write from no verb", "readOnlyHint absent", "argument amount"), written into a fixed buffer
// without allocating. The trainer (bench/train.cc) and the classifier extract them with this one
// function, so a model always meets the features it was trained on.
#ifndef MCPOLICY_CLASSIFY_FEATURES_H_
#define MCPOLICY_CLASSIFY_FEATURES_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "classify/analyzer.h"
#include "classify/lexicon.h"
#include "mcpolicy/classify.h"

namespace mcpolicy::classify {

inline constexpr size_t kMaxFeatures = 128;
inline constexpr size_t kFeatureBytes = 4096;

// Feature keys back to back; a key is "<kind>:<value>", e.g. "w:delete", "h:write/noverb".
// Keys that do not fit are dropped (a long description loses its last words first).
struct FeatureBuffer {
  std::array<char, kFeatureBytes> text;
  std::array<uint16_t, kMaxFeatures> begin;
  std::array<uint16_t, kMaxFeatures> size;
  size_t count = 0;
  size_t used = 0;

  std::string_view at(size_t i) const { return {text.data() + begin[i], size[i]}; }
  void Clear() { count = used = 0; }
  // Appends "<kind>:<a><b>"; false when full.
  bool Add(std::string_view kind, std::string_view a, std::string_view b = {});
};

// What the rules concluded, offered to the model as features.
struct HeuristicView {
  const Words* name_words = nullptr;  // the name's resolved tokens
  Verdict name;                        // the name's own verdict
  Category category = Category::kOther;  // the whole rule-based answer
  Basis basis = Basis::kEmpty;
  float confidence = 0;
  int description_cue = -1;  // Lexicon::cues() index of the strongest raise cue, or -1
  int read_only_cue = -1;
  bool schema_operations = false;
  Category schema_operation = Category::kRead;
  bool schema_unknown_operation = false;
};

// Writes the features of `tool` (the name always; description words, hints and schema argument
// names when present) into `out`.
void ExtractFeatures(const Lexicon& lexicon, const ToolInfo& tool, const HeuristicView& view,
                     FeatureBuffer* out);

// A readable phrase for a feature key: "name word \"delete\"", "readOnlyHint absent".
std::string DescribeFeature(std::string_view key);

}  // namespace mcpolicy::classify

#endif  // MCPOLICY_CLASSIFY_FEATURES_H_
