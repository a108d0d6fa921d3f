// path:line:col: severity: message [rule], the source line, a caret under the span, a summary.
#include <algorithm>
#include <string>
#include <utility>

#include "mcpolicy/escape.h"
#include "mcpolicy/report.h"
#include "mcpolicy/rules.h"
#include "source/utf8.h"
#include "util/text.h"

namespace mcpolicy {
namespace {

struct Style {
  bool on;
  std::string Wrap(std::string_view code, std::string_view text) const {
    if (!on) return std::string(text);
    return "\x1b[" + std::string(code) + "m" + std::string(text) + "\x1b[0m";
  }
};

std::string_view SeverityColor(Severity s) {
  switch (s) {
    case Severity::kError: return "1;31";
    case Severity::kWarning: return "1;35";
    case Severity::kNote: return "1;36";
  }
  return "1";
}

// Byte offset of code point `n` (0-based) in `s`, or s.size().
size_t ByteOfCodePoint(std::string_view s, size_t n) {
  size_t seen = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (seen == n) return i;
      ++seen;
    }
  }
  return s.size();
}

// The line as the terminal may show it; tabs kept (see utf8::AppendPrintable).
std::string Printable(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  utf8::AppendPrintable(out, line, /*keep_tabs=*/true);
  return out;
}

// The source line (or a window of it) and a caret line underlining [column, end_column).
void AppendSnippet(const Diagnostic& d, const Style& style, std::string& out) {
  if (d.line == 0 || d.source_line.empty() || d.column < d.source_column) return;
  std::string printable = Printable(d.source_line);
  std::string_view line = printable;
  size_t first = d.column - d.source_column;  // code points into source_line
  size_t last = (d.end_line == d.line && d.end_column > d.column) ? d.end_column - d.source_column
                                                                   : first + 1;
  size_t total = utf8::CodePoints(line);
  last = std::min(last, std::max(total, first + 1));
  size_t window_begin = 0;
  std::string prefix = d.source_column > 1 ? "..." : "";
  std::string suffix = d.source_line_cut ? "..." : "";
  if (total > kSnippetColumns) {
    window_begin = first > kSnippetLead ? first - kSnippetLead : 0;
    size_t window_end = std::min(total, window_begin + kSnippetColumns);
    if (window_begin > 0) prefix = "...";
    if (window_end < total) suffix = "...";
    line = line.substr(ByteOfCodePoint(line, window_begin),
                       ByteOfCodePoint(line, window_end) - ByteOfCodePoint(line, window_begin));
    last = std::min(last, window_end);
  }
  out += "  " + prefix + std::string(line) + suffix + "\n  " + std::string(prefix.size(), ' ');
  // Tabs are copied so the caret lines up whatever the tab width.
  std::string_view before = line.substr(0, ByteOfCodePoint(line, first - window_begin));
  for (size_t i = 0; i < before.size(); ++i) {
    auto c = static_cast<unsigned char>(before[i]);
    if ((c & 0xC0) == 0x80) continue;
    out.push_back(c == '\t' ? '\t' : ' ');
  }
  std::string marks = "^";
  if (last > first + 1) marks += std::string(std::min<size_t>(last - first - 1, kSnippetColumns), '~');
  out += style.Wrap("1;32", marks) + "\n";
}

// "3 fixable with --fix (2 more with --unsafe-fixes).", over the unsuppressed findings with a
// fix; "" when none has one.
std::string FixSummary(const LintResult& result, bool unsafe_fixes) {
  size_t safe = 0, unsafe = 0;
  const std::set<std::string> unfixed = FilesLeftUnfixed(result);
  for (const Diagnostic& d : result.diagnostics) {
    const FixInfo* fix = ShownFix(d, unfixed);
    if (!fix) continue;
    ++(fix->applicability == Applicability::kSafe ? safe : unsafe);
  }
  if (unsafe_fixes) safe += std::exchange(unsafe, 0);
  if (safe + unsafe == 0) return "";
  std::string flags = unsafe_fixes ? "--fix --unsafe-fixes" : "--fix";
  if (safe == 0) return std::to_string(unsafe) + " fixable with --fix --unsafe-fixes.\n";
  std::string out = std::to_string(safe) + " fixable with " + flags;
  if (unsafe > 0) out += " (" + std::to_string(unsafe) + " more with --unsafe-fixes)";
  return out + ".\n";
}

}  // namespace

std::string FormatTextReport(const LintResult& result, const ReportOptions& options) {
  Style style{options.color};
  std::string out;
  size_t counts[3] = {0, 0, 0};
  size_t suppressed = 0;
  std::string last_path;
  size_t files_with_problems = 0;
  std::vector<std::string> configs_with_problems;
  for (const Diagnostic& d : result.diagnostics) {
    if (!d.suppression.empty()) {
      ++suppressed;
      continue;
    }
    ++counts[static_cast<int>(d.severity)];
    if (d.path != last_path) {
      // A configuration is not one of the files checked: its findings are named apart.
      bool config = std::find(result.configs.begin(), result.configs.end(), d.path) !=
                    result.configs.end();
      if (config) {
        configs_with_problems.push_back(d.path);
      } else {
        ++files_with_problems;
      }
      last_path = d.path;
    }
    std::string location = Escaped(d.path);
    if (d.line > 0) location += ":" + std::to_string(d.line) + ":" + std::to_string(d.column);
    out += style.Wrap("1", location + ":") + " " +
           style.Wrap(SeverityColor(d.severity), std::string(SeverityName(d.severity)) + ":") + " " +
           Escaped(d.message) + " " + style.Wrap("2", "[" + d.rule + "]") + "\n";
    AppendSnippet(d, style, out);
  }
  if (options.verbose) {
    for (const std::string& s : result.skipped) out += "skipped " + Escaped(s) + "\n";
    for (const PolicyServer& s : result.servers) {
      out += "server for " + Escaped(s.path) + ": " + Escaped(s.description) + "\n";
    }
  }
  // When nothing could be checked, the errors on stderr say everything; a summary would mislead.
  if (!options.summary || (result.files_checked == 0 && !result.errors.empty())) return out;
  size_t problems = counts[0] + counts[1] + counts[2];
  std::string files = Plural(result.files_checked, "file");
  if (problems == 0) {
    out += "No problems found in " + files + " checked";
  } else {
    std::string detail;
    auto add = [&](size_t n, std::string_view word) {
      if (n == 0) return;
      if (!detail.empty()) detail += ", ";
      detail += Plural(n, word);
    };
    add(counts[2], "error");
    add(counts[1], "warning");
    add(counts[0], "note");
    out += "Found " + Plural(problems, "problem") + " (" + detail + ") in " +
           std::to_string(files_with_problems) + " of " + files + " checked";
    std::sort(configs_with_problems.begin(), configs_with_problems.end());
    configs_with_problems.erase(
        std::unique(configs_with_problems.begin(), configs_with_problems.end()),
        configs_with_problems.end());
    if (configs_with_problems.size() == 1) {
      out += " and in " + Escaped(configs_with_problems[0]);
    } else if (!configs_with_problems.empty()) {
      out += " and in " + Plural(configs_with_problems.size(), "configuration file");
    }
  }
  if (suppressed) out += "; " + std::to_string(suppressed) + " suppressed";
  if (result.baselined) out += "; " + std::to_string(result.baselined) + " accepted by the baseline";
  if (!result.skipped.empty()) out += "; " + Plural(result.skipped.size(), "file") + " skipped";
  if (!result.errors.empty()) out += "; " + Plural(result.errors.size(), "path") + " could not be checked";
  out += ".\n";
  out += FixSummary(result, options.unsafe_fixes);
  return out;
}

}  // namespace mcpolicy
