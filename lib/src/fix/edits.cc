// Applying byte edits in one forward pass over the text.
#include <algorithm>

#include "mcpolicy/fix.h"

namespace mcpolicy {

bool ApplyEdits(std::string& text, std::vector<TextEdit> edits) {
  std::stable_sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  });
  size_t size = text.size();
  for (size_t i = 0; i < edits.size(); ++i) {
    if (edits[i].begin > edits[i].end || edits[i].end > text.size()) return false;
    if (i > 0 && edits[i].begin < edits[i - 1].end) return false;
    size += edits[i].text.size() - (edits[i].end - edits[i].begin);
  }
  // A replace per edit would move the rest of the text each time: quadratic for a pass that
  // edits every tool of a large policy.
  std::string out;
  out.reserve(size);
  size_t copied = 0;
  for (const TextEdit& e : edits) {
    out.append(text, copied, e.begin - copied);
    out += e.text;
    copied = e.end;
  }
  out.append(text, copied, std::string::npos);
  text = std::move(out);
  return true;
}

}  // namespace mcpolicy
