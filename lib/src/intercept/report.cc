#include "intercept/report.h"

#include <algorithm>

namespace mcpolicy::intercept {

Severity DefaultSeverity(std::string_view rule) {
  if (rule == "dead-entry" || rule == "invalid-tool-name") return Severity::kWarning;
  return Severity::kError;
}

std::string Quote(std::string_view s) {
  constexpr size_t kMax = 80;  // a longer name is cut, at a code point boundary
  std::string out = "\"";
  if (s.size() <= kMax) {
    out.append(s);
    out += "\"";
    return out;
  }
  size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  out.append(s.substr(0, cut));
  out += "...\"";
  return out;
}

std::string PointerToken(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

Diagnostic& Reporter::Add(std::string_view rule, const yaml::Position& at, uint32_t end_offset,
                          std::string message) {
  Diagnostic d;
  d.rule = std::string(rule);
  d.severity = DefaultSeverity(rule);
  d.path = path_;
  d.message = std::move(message);
  d.line = at.line;
  d.column = at.column;
  yaml::Position end = tree_.Locate(std::max(end_offset, at.offset));
  d.end_line = end.line;
  d.end_column = end.column;
  std::string_view line = tree_.LineText(at.line);
  if (line.size() <= kMaxSourceLineBytes) {
    d.source_line = std::string(line);
  } else {
    // A window of the long line around the caret, cut at code point boundaries.
    auto continues = [&](size_t i) { return (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80; };
    size_t caret = std::min<size_t>(at.offset - static_cast<size_t>(line.data() - tree_.text().data()),
                                    line.size());
    size_t from = caret;
    uint32_t lead = 0;
    while (from > 0 && lead < kSnippetLead) {
      do --from; while (from > 0 && continues(from));
      ++lead;
    }
    size_t to = from;
    for (size_t shown = 0; to < line.size() && shown < kSnippetColumns; ++shown) {
      do ++to; while (to < line.size() && continues(to));
    }
    d.source_line = std::string(line.substr(from, to - from));
    d.source_column = at.column - lead;
    d.source_line_cut = to < line.size();
  }
  out_.push_back(std::move(d));
  return out_.back();
}

void Reporter::At(std::string_view rule, uint32_t node, std::string message, std::string pointer) {
  const yaml::Node& n = tree_.node(node);
  Add(rule, n.begin, n.end, std::move(message)).pointer = std::move(pointer);
}

void Reporter::AtSeverity(std::string_view rule, Severity severity, uint32_t node, std::string message,
                          std::string pointer) {
  At(rule, node, std::move(message), std::move(pointer));
  out_.back().severity = severity;
}

void Reporter::AtPosition(std::string_view rule, const yaml::Position& at, std::string message) {
  Add(rule, at, at.offset, std::move(message));
}

}  // namespace mcpolicy::intercept
