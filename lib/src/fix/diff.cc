// A unified diff by lines, in time and memory near-linear in the texts when the changes are
// scattered through a large file (as lint --fix leaves them: one edit per tool).
//
// A part of the texts small enough (kSmallPart lines) gets the shortest edit script (Myers'
// greedy algorithm, with the V arrays kept for the backtrace). A larger part is split first: the
// lines both share at its start and its end are kept, then (as patience diff does) the lines that
// occur exactly once in each text, taken in the longest order both keep, anchor it, and each part
// between two anchors is split or scripted the same way. A part whose script would need more
// memory than its size allows is written as deleted and inserted whole. Then the script is
// grouped into hunks with context.
#include <algorithm>
#include <unordered_map>

#include "mcpolicy/fix.h"

namespace mcpolicy {
namespace {

using Lines = std::vector<std::string_view>;

// Lines with their terminators, so a changed line ending (CRLF vs LF) is a changed line.
Lines SplitLines(std::string_view text) {
  Lines lines;
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

// Lines [a0, a1) of the old text against [b0, b1) of the new one.
struct Part {
  size_t a0, a1, b0, b1;
};

size_t LinesIn(const Part& p) { return p.a1 - p.a0 + p.b1 - p.b0; }

// Parts of up to this many lines (old and new together) are scripted whole.
constexpr size_t kSmallPart = 2048;

// The V arrays a part's Myers trace may hold: a fixed floor plus a few entries per line, so the
// whole diff stays linear in memory.
size_t TraceBudget(const Part& p) { return (size_t{1} << 20) + 8 * LinesIn(p); }

class Script {
 public:
  Script(const Lines& a, const Lines& b) : a_(a), b_(b) {}

  // The edit script turning `a` into `b`, in order.
  std::vector<Op> Run() {
    // Parts are taken from a stack (no recursion: anchors may nest deeply); a task with `keeps`
    // set keeps that many lines (an anchor, a shared suffix) instead.
    struct Task {
      Part part;
      size_t keeps;
    };
    std::vector<Task> tasks{{{0, a_.size(), 0, b_.size()}, 0}};
    while (!tasks.empty()) {
      Task task = tasks.back();
      tasks.pop_back();
      if (task.keeps > 0) {
        ops_.insert(ops_.end(), task.keeps, Op::kKeep);
        continue;
      }
      Part p = task.part;
      if (LinesIn(p) <= kSmallPart) {
        Shortest(p);
        continue;
      }
      size_t prefix = 0;
      while (p.a0 + prefix < p.a1 && p.b0 + prefix < p.b1 && a_[p.a0 + prefix] == b_[p.b0 + prefix]) {
        ++prefix;
      }
      ops_.insert(ops_.end(), prefix, Op::kKeep);
      p.a0 += prefix;
      p.b0 += prefix;
      size_t suffix = 0;
      while (p.a1 - suffix > p.a0 && p.b1 - suffix > p.b0 && a_[p.a1 - suffix - 1] == b_[p.b1 - suffix - 1]) {
        ++suffix;
      }
      p.a1 -= suffix;
      p.b1 -= suffix;
      if (suffix > 0) tasks.push_back({{}, suffix});  // after everything else of this part
      if (p.a0 == p.a1 || p.b0 == p.b1) {
        ops_.insert(ops_.end(), p.a1 - p.a0, Op::kDelete);
        ops_.insert(ops_.end(), p.b1 - p.b0, Op::kInsert);
        continue;
      }
      std::vector<std::pair<size_t, size_t>> anchors = Anchors(p);
      if (anchors.empty()) {
        Shortest(p);
        continue;
      }
      // Pushed in reverse: the part after the last anchor is done last.
      size_t a_end = p.a1, b_end = p.b1;
      for (auto it = anchors.rbegin(); it != anchors.rend(); ++it) {
        tasks.push_back({{it->first + 1, a_end, it->second + 1, b_end}, 0});
        tasks.push_back({{}, 1});
        a_end = it->first;
        b_end = it->second;
      }
      tasks.push_back({{p.a0, a_end, p.b0, b_end}, 0});
    }
    return std::move(ops_);
  }

 private:
  // The lines of `p` that occur once in each text, as (old, new) line numbers: the longest chain
  // increasing in both.
  std::vector<std::pair<size_t, size_t>> Anchors(const Part& p) const {
    struct Seen {
      uint32_t in_a = 0, in_b = 0;
      size_t a = 0, b = 0;
    };
    std::unordered_map<std::string_view, Seen> seen;
    seen.reserve(p.a1 - p.a0);
    for (size_t i = p.a0; i < p.a1; ++i) {
      Seen& s = seen[a_[i]];
      ++s.in_a;
      s.a = i;
    }
    for (size_t j = p.b0; j < p.b1; ++j) {
      auto it = seen.find(b_[j]);
      if (it == seen.end()) continue;
      ++it->second.in_b;
      it->second.b = j;
    }
    std::vector<std::pair<size_t, size_t>> unique;  // in old-text order
    for (size_t i = p.a0; i < p.a1; ++i) {
      const Seen& s = seen.find(a_[i])->second;
      if (s.in_a == 1 && s.in_b == 1) unique.emplace_back(s.a, s.b);
    }
    // Longest increasing subsequence of the new-text line numbers (patience sorting).
    std::vector<size_t> tails;               // index into `unique` ending the best chain of each length
    std::vector<size_t> previous(unique.size());
    for (size_t i = 0; i < unique.size(); ++i) {
      auto at = std::lower_bound(tails.begin(), tails.end(), unique[i].second,
                                 [&](size_t t, size_t b) { return unique[t].second < b; });
      previous[i] = at == tails.begin() ? SIZE_MAX : *(at - 1);
      if (at == tails.end()) {
        tails.push_back(i);
      } else {
        *at = i;
      }
    }
    std::vector<std::pair<size_t, size_t>> chain;
    for (size_t i = tails.empty() ? SIZE_MAX : tails.back(); i != SIZE_MAX; i = previous[i]) {
      chain.push_back(unique[i]);
    }
    std::reverse(chain.begin(), chain.end());
    return chain;
  }

  // The shortest edit script of `p`, appended to ops_.
  void Shortest(const Part& p) {
    const int n = static_cast<int>(p.a1 - p.a0), m = static_cast<int>(p.b1 - p.b0);
    auto same = [&](int x, int y) { return a_[p.a0 + x] == b_[p.b0 + y]; };
    const int max = n + m, offset = max + 1;
    std::vector<int> v(2 * static_cast<size_t>(max) + 3, 0);
    // trace_[start[d] + k + d - 1] = V[k] after step d - 1, for k in [1 - d, d - 1].
    std::vector<int> trace;
    std::vector<size_t> start;
    const size_t budget = TraceBudget(p);
    int found = -1;
    for (int d = 0; d <= max && found < 0; ++d) {
      start.push_back(trace.size());
      if (trace.size() + 2 * static_cast<size_t>(d) > budget) {
        ops_.insert(ops_.end(), static_cast<size_t>(n), Op::kDelete);
        ops_.insert(ops_.end(), static_cast<size_t>(m), Op::kInsert);
        return;
      }
      for (int k = 1 - d; k <= d - 1; ++k) trace.push_back(v[offset + k]);
      for (int k = -d; k <= d; k += 2) {
        int x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1]
                                                                               : v[offset + k - 1] + 1;
        int y = x - k;
        while (x < n && y < m && same(x, y)) ++x, ++y;
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
      auto pv = [&](int k) { return trace[start[d] + static_cast<size_t>(k + d - 1)]; };
      int k = x - y;
      bool down = k == -d || (k != d && pv(k - 1) < pv(k + 1));
      int prev_k = down ? k + 1 : k - 1;
      int prev_x = pv(prev_k), prev_y = prev_x - prev_k;
      while (x > prev_x && y > prev_y) ops.push_back(Op::kKeep), --x, --y;
      ops.push_back(down ? Op::kInsert : Op::kDelete);
      x = prev_x;
      y = prev_y;
    }
    while (x > 0 && y > 0) ops.push_back(Op::kKeep), --x, --y;
    ops_.insert(ops_.end(), ops.rbegin(), ops.rend());
  }

  const Lines& a_;
  const Lines& b_;
  std::vector<Op> ops_;
};

void AppendLine(std::string& out, char mark, std::string_view line) {
  out += mark;
  out += line;
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

std::string Range(size_t start, size_t count) {
  // A hunk that adds to an empty side names the line before it.
  size_t shown = count == 0 ? start : start + 1;
  std::string out = std::to_string(shown);
  if (count != 1) out.append(1, ',').append(std::to_string(count));
  return out;
}

}  // namespace

std::string UnifiedDiff(std::string_view path, std::string_view before, std::string_view after,
                        int context) {
  if (before == after) return "";
  Lines a = SplitLines(before), b = SplitLines(after);
  std::vector<Op> ops = Script(a, b).Run();
  // git's a/ and b/ prefixes for relative paths; an absolute path is printed as it is.
  std::string_view sep = path.starts_with('/') ? "" : "/";
  std::string out;
  out.append("--- a").append(sep).append(path).append("\n");
  out.append("+++ b").append(sep).append(path).append("\n");
  const size_t around = static_cast<size_t>(std::max(context, 0));
  // Line of the old and the new text each op starts at, counted as the ops are walked.
  size_t i = 0, ai = 0, bi = 0;
  auto step = [&](size_t& j, size_t& x, size_t& y) {
    x += ops[j] != Op::kInsert;
    y += ops[j] != Op::kDelete;
    ++j;
  };
  while (i < ops.size()) {
    if (ops[i] == Op::kKeep) {
      step(i, ai, bi);
      continue;
    }
    // A hunk: from `context` keeps before the change to `context` keeps after the last change
    // that is no more than 2 * context keeps from the next. Keeps before a change are keeps in
    // both texts, so the hunk starts `lead` lines back in each.
    size_t lead = 0;
    while (lead < around && lead < i && ops[i - lead - 1] == Op::kKeep) ++lead;
    size_t start = i - lead, a_start = ai - lead, b_start = bi - lead;
    size_t end = i;
    for (;;) {
      while (end < ops.size() && ops[end] != Op::kKeep) ++end;
      size_t keeps = 0;
      while (end + keeps < ops.size() && ops[end + keeps] == Op::kKeep) ++keeps;
      if (end + keeps < ops.size() && keeps <= 2 * around) {
        end += keeps;
        continue;
      }
      end += std::min(keeps, around);
      break;
    }
    size_t a_count = 0, b_count = 0;
    for (size_t j = start; j < end; ++j) {
      a_count += ops[j] != Op::kInsert;
      b_count += ops[j] != Op::kDelete;
    }
    out += "@@ -" + Range(a_start, a_count) + " +" + Range(b_start, b_count) + " @@\n";
    size_t x = a_start, y = b_start;
    for (size_t j = start; j < end;) {
      switch (ops[j]) {
        case Op::kKeep: AppendLine(out, ' ', a[x]); break;
        case Op::kDelete: AppendLine(out, '-', a[x]); break;
        case Op::kInsert: AppendLine(out, '+', b[y]); break;
      }
      step(j, x, y);
    }
    i = end;
    ai = x;
    bi = y;
  }
  return out;
}

}  // namespace mcpolicy
