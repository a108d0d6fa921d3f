#include "util/sink.h"

#include <algorithm>


namespace mcpolicy {

Diagnostic DiagnosticSink::Make(std::string_view rule, std::string message) const {
  Diagnostic d;
  d.rule = std::string(rule);
  d.severity = severity_of_ ? severity_of_(rule) : Severity::kError;
  d.path = path_;
  d.message = std::move(message);
  return d;
}

Diagnostic& DiagnosticSink::ReportAtOffset(std::string_view rule, uint32_t offset,
                                           uint32_t end_offset, std::string message) {
  Diagnostic d = Make(rule, std::move(message));
  TextPoint begin = source_->Locate(offset);
  TextPoint end = source_->Locate(std::max(end_offset, offset));
  d.line = begin.line;
  d.column = begin.column;
  d.end_line = end.line;
  d.end_column = end.column;
  std::string_view line = source_->LineText(begin.line);
  if (line.size() <= kMaxSourceLineBytes) {
    d.source_line = std::string(line);
  } else {
    auto continues = [&](size_t i) { return (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80; };
    size_t line_offset = static_cast<size_t>(line.data() - source_->SourceText().data());
    size_t caret = std::min<size_t>(offset - line_offset, line.size());
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
    d.source_column = begin.column - lead;
    d.source_line_cut = to < line.size();
  }
  out_.push_back(std::move(d));
  return out_.back();
}

Diagnostic& DiagnosticSink::Report(std::string_view rule, LocId id, std::string message) {
  Diagnostic& d = ReportAtOffset(rule, source_->BeginOffset(id), source_->EndOffset(id),
                                 std::move(message));
  d.pointer = source_->PointerOf(id);
  return d;
}

Diagnostic& DiagnosticSink::Report(std::string_view rule, LocId id, std::string message,
                                   Severity severity) {
  Diagnostic& d = Report(rule, id, std::move(message));
  d.severity = severity;
  return d;
}

Diagnostic& DiagnosticSink::ReportFile(std::string_view rule, std::string message) {
  out_.push_back(Make(rule, std::move(message)));
  return out_.back();
}

}  // namespace mcpolicy
