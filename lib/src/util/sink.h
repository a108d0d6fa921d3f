// Where checks report findings. The sink owns everything about a finding but its message and its
// remedy: the rule's severity, the file, the line and column, the pointer and the source line,
// all found through the file's SourceMap. No check formats a location itself, and none sees the
// parser the SourceMap stands for.
#ifndef MCPOLICY_UTIL_SINK_H_
#define MCPOLICY_UTIL_SINK_H_

#include <string>
#include <string_view>
#include <vector>

#include "mcpolicy/diagnostic.h"
#include "mcpolicy/source_map.h"

namespace mcpolicy {

class DiagnosticSink {
 public:
  // A rule's default severity (the rule registry answers; base code does not know the rules).
  using SeverityOf = Severity (*)(std::string_view rule);

  // `source` may be null: then only ReportFile can be used. ReportAtOffset needs only its text
  // and lines (a file that failed to parse still has those).
  DiagnosticSink(std::string path, const SourceMap* source, std::vector<Diagnostic>& out,
                 SeverityOf severity_of)
      : path_(std::move(path)), source_(source), out_(out), severity_of_(severity_of) {}

  // A finding about element `id` (a key points at the key; a value at the value).
  Diagnostic& Report(std::string_view rule, LocId id, std::string message);
  // The same, at `severity` instead of the rule's default (a rule that escalates some findings,
  // e.g. default-allow on a server with dangerous unlisted tools).
  Diagnostic& Report(std::string_view rule, LocId id, std::string message, Severity severity);
  // A finding spanning [offset, end_offset) of the text, with no pointer.
  Diagnostic& ReportAtOffset(std::string_view rule, uint32_t offset, uint32_t end_offset,
                             std::string message);
  // A finding about the whole file (no position).
  Diagnostic& ReportFile(std::string_view rule, std::string message);

  const std::string& path() const { return path_; }
  const SourceMap* source() const { return source_; }

 private:
  Diagnostic Make(std::string_view rule, std::string message) const;

  std::string path_;
  const SourceMap* source_;
  std::vector<Diagnostic>& out_;
  SeverityOf severity_of_;
};

}  // namespace mcpolicy

#endif  // MCPOLICY_UTIL_SINK_H_
