#include "config/glob.h"

#include <vector>

namespace mcpolicy {
namespace {

std::vector<std::string_view> Segments(std::string_view s) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t slash = s.find('/', start);
    if (slash == std::string_view::npos) {
      out.push_back(s.substr(start));
      return out;
    }
    out.push_back(s.substr(start, slash - start));
    start = slash + 1;
  }
}

// One segment against a pattern of literals, `*` (any run) and `?` (one byte that is not part of
// a multi-byte character's tail, i.e. one code point). Greedy with one backtrack point, the
// classic linear-space wildcard matcher.
bool SegmentMatch(std::string_view pattern, std::string_view text) {
  auto is_tail = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; };
  size_t p = 0, t = 0;
  size_t star = std::string_view::npos, resume = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = t;
    } else if (p < pattern.size() && pattern[p] == '?' && !is_tail(text[t])) {
      ++p;
      ++t;
      while (t < text.size() && is_tail(text[t])) ++t;
    } else if (p < pattern.size() && pattern[p] == text[t]) {
      ++p;
      ++t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

}  // namespace

bool GlobMatch(std::string_view glob, std::string_view path) {
  if (path.empty()) return false;
  std::vector<std::string_view> g = Segments(glob);
  std::vector<std::string_view> s = Segments(path);
  // reach[j]: the first i glob segments can match the first j path segments.
  const size_t n = s.size();
  std::vector<bool> reach(n + 1, false), next(n + 1, false);
  reach[0] = true;
  for (std::string_view segment : g) {
    if (segment == "**") {
      bool any = false;
      for (size_t j = 0; j <= n; ++j) {
        any = any || reach[j];
        next[j] = any;
      }
    } else {
      next[0] = false;
      for (size_t j = 0; j < n; ++j) next[j + 1] = reach[j] && SegmentMatch(segment, s[j]);
    }
    reach.swap(next);
  }
  return reach[n];
}

bool GlobMatchOrParent(std::string_view glob, std::string_view path) {
  while (glob.size() > 1 && glob.back() == '/') glob.remove_suffix(1);  // "dumps/" as in .gitignore
  for (size_t end = path.size(); end != std::string_view::npos && end > 0;
       end = path.rfind('/', end - 1)) {
    if (GlobMatch(glob, path.substr(0, end))) return true;
  }
  return false;
}

}  // namespace mcpolicy
