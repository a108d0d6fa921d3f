// Turns the classifier's internal reasons (Notes, cues, schema and hint
// findings) into the short evidence phrases of a Classification, reusing the
// strings already in the output vector.
#ifndef MCPOLICY_CLASSIFY_EVIDENCE_H_
#define MCPOLICY_CLASSIFY_EVIDENCE_H_

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "classify/analyzer.h"
#include "classify/lexicon.h"

namespace mcpolicy::classify {

class EvidenceWriter {
 public:
  // Overwrites `out` from the start; Finish() drops entries left over from an
  // earlier use.
  explicit EvidenceWriter(std::vector<std::string>* out) : out_(out) {}

  // Appends one phrase made of `parts`.
  void Add(std::initializer_list<std::string_view> parts);
  void Finish() { out_->resize(used_); }
  // Moves the phrase added last before all others (the deciding reason comes first).
  void MoveLastToFront();

  // The phrase added last assumes `category` ("assuming the worst plausible (destructive)");
  // when a later signal decides another category, Settle replaces it with `settled`, the same
  // phrase without the assumption, so evidence never names a category the answer is not.
  void MarkAssumption(Category category, std::string settled);
  // Rewrites the assumptions that `final_category` overruled.
  void Settle(Category final_category);

 private:
  struct Assumption {
    size_t index;
    Category category;
    std::string settled;
  };
  std::vector<std::string>* out_;
  size_t used_ = 0;
  std::vector<Assumption> assumptions_;
};

// The text of token `i`, or of the phrase that starts there ("dry_run").
std::string_view TokenText(const Words& words, size_t i);

// "token 3" for index 2.
std::string_view TokenNumber(size_t i);

// One phrase per note of a name verdict. `superseded`: a later signal replaced
// the name's guess, so a no-verb note does not claim the final category.
void AddNameNotes(const Lexicon& lexicon, const Verdict& verdict,
                  const Words& words, bool superseded, EvidenceWriter* writer);

// One phrase for the deciding note of a description's opening clause.
void AddLeadNote(const Verdict& lead, const Words& words,
                 EvidenceWriter* writer);

}  // namespace mcpolicy::classify

#endif  // MCPOLICY_CLASSIFY_EVIDENCE_H_
