// A unified diff by lines: the shortest edit script (Myers' greedy algorithm, with the V arrays
// kept for the backtrace), grouped into hunks with context.
#include <algorithm>

#include "mcpolicy/fix.h"

namespace mcpolicy {
namespace {

// Lines with their terminators, so a changed line ending (CRLF vs LF) is a changed line.
std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    end = end == std::string_view::npos ? text.size() : end + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

enum class Op : uint8_t { kKeep, kDelete, kInsert };

// The edit script turning `a` into `b`, in order.
std::vector<Op> Script(const std::vector<std::string_view>& a,
                       const std::vector<std::string_view>& b) {
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  const int max = n + m, offset = max + 1;
  std::vector<int> v(2 * max + 3, 0);
  std::vector<std::vector<int>> trace;
  int found = -1;
  for (int d = 0; d <= max && found < 0; ++d) {
    trace.push_back(v);
    for (int k = -d; k <= d; k += 2) {
      int x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1]
                                                                             : v[offset + k - 1] + 1;
      int y = x - k;
      while (x < n && y < m && a[x] == b[y]) ++x, ++y;
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  std::vector<Op> ops;
  int x = n, y = m;
  for (int d = found; d > 0; --d) {
    const std::vector<int>& pv = trace[d];
    int k = x - y;
    bool down = k == -d || (k != d && pv[offset + k - 1] < pv[offset + k + 1]);
    int prev_k = down ? k + 1 : k - 1;
    int prev_x = pv[offset + prev_k], prev_y = prev_x - prev_k;
    while (x > prev_x && y > prev_y) ops.push_back(Op::kKeep), --x, --y;
    ops.push_back(down ? Op::kInsert : Op::kDelete);
    x = prev_x;
    y = prev_y;
  }
  while (x > 0 && y > 0) ops.push_back(Op::kKeep), --x, --y;
  std::reverse(ops.begin(), ops.end());
  return ops;
}

void AppendLine(std::string& out, char mark, std::string_view line) {
  out += mark;
  out += line;
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

std::string Range(int start, int count) {
  // A hunk that adds to an empty side names the line before it.
  int shown = count == 0 ? start : start + 1;
  std::string out = std::to_string(shown);
  if (count != 1) out.append(1, ',').append(std::to_string(count));
  return out;
}

}  // namespace

std::string UnifiedDiff(std::string_view path, std::string_view before, std::string_view after,
                        int context) {
  if (before == after) return "";
  std::vector<std::string_view> a = SplitLines(before), b = SplitLines(after);
  std::vector<Op> ops = Script(a, b);
  // git's a/ and b/ prefixes for relative paths; an absolute path is printed as it is.
  std::string_view sep = path.starts_with('/') ? "" : "/";
  std::string out;
  out.append("--- a").append(sep).append(path).append("\n");
  out.append("+++ b").append(sep).append(path).append("\n");
  // Position of each op in a and b.
  std::vector<int> ai(ops.size() + 1), bi(ops.size() + 1);
  for (size_t i = 0; i < ops.size(); ++i) {
    ai[i + 1] = ai[i] + (ops[i] != Op::kInsert);
    bi[i + 1] = bi[i] + (ops[i] != Op::kDelete);
  }
  size_t i = 0;
  while (i < ops.size()) {
    if (ops[i] == Op::kKeep) {
      ++i;
      continue;
    }
    // A hunk: from `context` keeps before the change to `context` keeps after the last change
    // that is no more than 2 * context keeps from the next.
    size_t start = i >= static_cast<size_t>(context) ? i - context : 0;
    while (start < i && ops[start] != Op::kKeep) ++start;
    size_t end = i;
    for (;;) {
      while (end < ops.size() && ops[end] != Op::kKeep) ++end;
      size_t keeps = 0;
      while (end + keeps < ops.size() && ops[end + keeps] == Op::kKeep) ++keeps;
      if (end + keeps < ops.size() && keeps <= 2 * static_cast<size_t>(context)) {
        end += keeps;
        continue;
      }
      end += std::min(keeps, static_cast<size_t>(context));
      break;
    }
    out += "@@ -" + Range(ai[start], ai[end] - ai[start]) + " +" +
           Range(bi[start], bi[end] - bi[start]) + " @@\n";
    for (size_t j = start; j < end; ++j) {
      switch (ops[j]) {
        case Op::kKeep: AppendLine(out, ' ', a[ai[j]]); break;
        case Op::kDelete: AppendLine(out, '-', a[ai[j]]); break;
        case Op::kInsert: AppendLine(out, '+', b[bi[j]]); break;
      }
    }
    i = end;
  }
  return out;
}

}  // namespace mcpolicy
