// "Did you mean" over a set of candidates, by optimal-string-alignment edit distance.
#ifndef MCPOLICY_UTIL_SUGGEST_H_
#define MCPOLICY_UTIL_SUGGEST_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace mcpolicy {

// Edit distance counting insertions, deletions, substitutions and adjacent transpositions.
size_t EditDistance(std::string_view a, std::string_view b);

// The candidate closest to `word` within max(1, |word| / 3) edits (case-insensitive ties go to
// the earlier candidate), or "" when none is close enough.
std::string Suggest(std::string_view word, const std::vector<std::string_view>& candidates);

// Every candidate within Suggest's distance of `word`, in the candidates' order: a fix renames
// a name only when this is exactly one.
std::vector<std::string_view> CloseCandidates(std::string_view word,
                                              const std::vector<std::string_view>& candidates);

// `unknown <what> "word"`, then `; did you mean "guess"?` when Suggest finds one.
std::string UnknownNameMessage(std::string_view what, std::string_view word,
                               const std::vector<std::string_view>& candidates);

}  // namespace mcpolicy

#endif  // MCPOLICY_UTIL_SUGGEST_H_
