#include "util/suggest.h"

#include <algorithm>
#include <cctype>

namespace mcpolicy {

size_t EditDistance(std::string_view a, std::string_view b) {
  // Three rolling rows: the transposition step looks two rows back.
  std::vector<size_t> prev2(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      }
    }
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

size_t Limit(std::string_view word) { return std::max<size_t>(1, word.size() / 3); }

}  // namespace

std::vector<std::string_view> CloseCandidates(std::string_view word,
                                              const std::vector<std::string_view>& candidates) {
  std::string w = Lower(word);
  size_t limit = Limit(word);
  std::vector<std::string_view> out;
  for (std::string_view c : candidates) {
    if (c == word) continue;
    size_t gap = c.size() > word.size() ? c.size() - word.size() : word.size() - c.size();
    if (gap <= limit && EditDistance(w, Lower(c)) <= limit) out.push_back(c);
  }
  return out;
}

std::string Suggest(std::string_view word, const std::vector<std::string_view>& candidates) {
  auto lower = Lower;
  std::string w = lower(word);
  size_t limit = Limit(word);
  size_t best = limit + 1;
  std::string_view choice;
  for (std::string_view c : candidates) {
    if (c == word) continue;
    // Length alone can rule a candidate out before the quadratic distance.
    size_t gap = c.size() > word.size() ? c.size() - word.size() : word.size() - c.size();
    if (gap > limit) continue;
    size_t d = EditDistance(w, lower(c));
    if (d < best) {
      best = d;
      choice = c;
    }
  }
  return std::string(choice);
}

std::string UnknownNameMessage(std::string_view what, std::string_view word,
                               const std::vector<std::string_view>& candidates) {
  std::string message = "unknown " + std::string(what) + " \"" + std::string(word) + "\"";
  std::string guess = Suggest(word, candidates);
  if (!guess.empty()) message += "; did you mean \"" + guess + "\"?";
  return message;
}

}  // namespace mcpolicy
