// Applying byte edits back to front.
#include <algorithm>

#include "mcpolicy/fix.h"

namespace mcpolicy {

bool ApplyEdits(std::string& text, std::vector<TextEdit> edits) {
  std::stable_sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  });
  for (size_t i = 0; i < edits.size(); ++i) {
    if (edits[i].begin > edits[i].end || edits[i].end > text.size()) return false;
    if (i > 0 && edits[i].begin < edits[i - 1].end) return false;
  }
  for (auto it = edits.rbegin(); it != edits.rend(); ++it) {
    text.replace(it->begin, it->end - it->begin, it->text);
  }
  return true;
}

}  // namespace mcpolicy
