#include "rules/sink.h"

#include <algorithm>

#include "mcpolicy/rules.h"

namespace mcpolicy {

Diagnostic DiagnosticSink::Make(std::string_view rule, std::string message) const {
  Diagnostic d;
  d.rule = std::string(rule);
  const RuleInfo* info = FindRule(rule);
  d.severity = info ? info->default_severity : Severity::kError;
  d.path = path_;
  d.message = std::move(message);
  return d;
}

void DiagnosticSink::ReportAtOffset(std::string_view rule, uint32_t offset, uint32_t end_offset,
                                    std::string message) {
  Diagnostic d = Make(rule, std::move(message));
  json::Location begin = doc_->Locate(offset);
  json::Location end = doc_->Locate(std::max(end_offset, offset));
  d.line = begin.line;
  d.column = begin.column;
  d.end_line = end.line;
  d.end_column = end.column;
  std::string_view line = doc_->LineText(begin.line);
  if (line.size() <= kMaxSourceLineBytes) {
    d.source_line = std::string(line);
  } else {
    auto continues = [&](size_t i) { return (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80; };
    size_t caret = std::min<size_t>(offset - (line.data() - doc_->text().data()), line.size());
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
}

void DiagnosticSink::Report(std::string_view rule, uint32_t index, std::string message) {
  uint32_t offset = doc_->nodes()[index].offset();
  ReportAtOffset(rule, offset, doc_->EndOffset(index), std::move(message));
  out_.back().pointer = doc_->PointerOf(index);
}

void DiagnosticSink::Report(std::string_view rule, uint32_t index, std::string message,
                            Severity severity) {
  Report(rule, index, std::move(message));
  out_.back().severity = severity;
}

void DiagnosticSink::ReportFile(std::string_view rule, std::string message) {
  out_.push_back(Make(rule, std::move(message)));
}

}  // namespace mcpolicy
