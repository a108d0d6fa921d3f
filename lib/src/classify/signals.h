// Evidence from the parts of a tool definition other than its name: description
// cues (one RE2::Set pass), the description's opening clause, and input-schema
// features.
#ifndef MCPOLICY_CLASSIFY_SIGNALS_H_
#define MCPOLICY_CLASSIFY_SIGNALS_H_

#include <string_view>

#include "classify/analyzer.h"
#include "classify/lexicon.h"
#include "mcpolicy/classify.h"

namespace mcpolicy::classify {

struct DescriptionSignals {
  bool present = false;
  Verdict lead;  // the opening clause read like a name ("Retrieves AWS budget
                 // information")
  Words words;   // its tokens, for evidence
  int raise_cue =
      -1;  // the most severe kRaise/kOperations cue, index into Lexicon::cues()
  int read_only_cue = -1;  // a kReadOnly cue
};

// Fills `out` from `description` (which may be empty: then out->present is
// false); `context` holds the classes of the tool's name.
void ScanDescription(const Lexicon& lexicon, std::string_view description,
                     ClassMask context, DescriptionSignals* out);

struct SchemaSignals {
  // The worst operation offered by an action/operation/method enum.
  bool has_operations = false;
  std::string_view selector;   // the property name
  std::string_view operation;  // its worst value
  Category operation_category = Category::kRead;
  // A value of the same enum that names no known operation ("frobnicate"): the worst known one
  // is then a floor, never proof of a read.
  std::string_view unknown_operation;
  // The most severe argument cue ("sql" -> execute, "amount" -> financial).
  bool has_argument = false;
  std::string_view argument;
  Category argument_category = Category::kRead;
};

void ScanSchema(const Lexicon& lexicon, const ToolInfo& tool,
                SchemaSignals* out);

}  // namespace mcpolicy::classify

#endif  // MCPOLICY_CLASSIFY_SIGNALS_H_
