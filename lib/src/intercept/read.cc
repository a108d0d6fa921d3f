// Read: parse, report the YAML's own problems, then the policy's shape and its checks; the enum
// names and Go durations shared by both halves.
#include "intercept/read.h"

#include <algorithm>

namespace mcpolicy::intercept {

std::string_view ActionName(Action action) {
  switch (action) {
    case Action::kEvaluate: return "evaluate";
    case Action::kDeny: return "deny";
    case Action::kRequireApproval: return "require_approval";
    case Action::kUnknown: break;
  }
  return "?";
}

std::string_view WindowName(Window window) {
  switch (window) {
    case Window::kMinute: return "minute";
    case Window::kHour: return "hour";
    case Window::kDay: return "day";
    case Window::kUnknown: break;
  }
  return "?";
}

Window ParseWindow(std::string_view text) {
  if (text == "minute") return Window::kMinute;
  if (text == "hour") return Window::kHour;
  if (text == "day") return Window::kDay;
  return Window::kUnknown;
}

bool ParseGoDuration(std::string_view s, double* seconds) {
  // time.ParseDuration: [-+]? ( decimal unit )+, or "0"; units ns us µs μs ms s m h.
  double total = 0;
  bool negative = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s == "0") {
    *seconds = 0;
    return true;
  }
  if (s.empty()) return false;
  while (!s.empty()) {
    size_t i = 0;
    double value = 0, scale = 1;
    bool digits = false, fraction = false;
    for (; i < s.size(); ++i) {
      char c = s[i];
      if (c >= '0' && c <= '9') {
        digits = true;
        if (fraction) {
          scale /= 10;
          value += (c - '0') * scale;
        } else {
          value = value * 10 + (c - '0');
        }
      } else if (c == '.' && !fraction) {
        fraction = true;
      } else {
        break;
      }
    }
    if (!digits) return false;
    s.remove_prefix(i);
    size_t unit_end = 0;
    while (unit_end < s.size() && !(s[unit_end] == '.' || (s[unit_end] >= '0' && s[unit_end] <= '9'))) ++unit_end;
    std::string_view unit = s.substr(0, unit_end);
    s.remove_prefix(unit_end);
    double factor;
    if (unit == "ns") factor = 1e-9;
    else if (unit == "us" || unit == "\xC2\xB5s" || unit == "\xCE\xBCs") factor = 1e-6;
    else if (unit == "ms") factor = 1e-3;
    else if (unit == "s") factor = 1;
    else if (unit == "m") factor = 60;
    else if (unit == "h") factor = 3600;
    else return false;
    total += value * factor;
  }
  *seconds = negative ? -total : total;
  return true;
}

ReadResult Read(std::string_view path, std::string text, const yaml::ParseOptions& options) {
  ReadResult result;
  result.tree = yaml::Tree::Parse(std::move(text), options);
  Reporter reporter(result.tree, std::string(path), result.diagnostics);
  if (!result.tree.ok()) {
    const yaml::ParseError& e = *result.tree.error();
    reporter.AtPosition("invalid-yaml", e.at, e.message);
    // A whole-file problem (encoding, empty) has no source line worth showing, as for JSON.
    if (e.kind == yaml::ParseError::Kind::kEmpty || e.kind == yaml::ParseError::Kind::kTooLarge ||
        (e.kind == yaml::ParseError::Kind::kEncoding && e.at.offset == 0)) {
      result.diagnostics.back().source_line.clear();
    }
    return result;
  }
  result.parsed = true;
  result.recognition = yaml::RecogniseInterceptPolicy(result.tree);
  for (const yaml::Duplicate& d : result.tree.duplicates()) {
    const yaml::Position& first = result.tree.node(d.first).begin;
    reporter.At("duplicate-key", d.second,
                "duplicate key " + Quote(result.tree.ScalarText(d.second)) + " (first at line " +
                    std::to_string(first.line) + ", column " + std::to_string(first.column) +
                    "); Intercept refuses a mapping that repeats a key");
  }
  ReadPolicy(result.tree, reporter, result.policy);
  CheckPolicy(result.tree, result.policy, reporter);
  auto& ds = result.diagnostics;
  std::stable_sort(ds.begin(), ds.end(), DiagnosticLess);
  // A key merged (<<) into several mappings is one mistake, reported once.
  ds.erase(std::unique(ds.begin(), ds.end(),
                       [](const Diagnostic& a, const Diagnostic& b) {
                         return a.line == b.line && a.column == b.column && a.rule == b.rule &&
                                a.message == b.message;
                       }),
           ds.end());
  return result;
}

}  // namespace mcpolicy::intercept
