// Where checks report findings. The sink owns everything about a finding but its message: the
// rule's severity, the file, the line and column, the JSON pointer and the source line. No check
// formats a location itself.
#ifndef MCPOLICY_RULES_SINK_H_
#define MCPOLICY_RULES_SINK_H_

#include <string>
#include <string_view>
#include <vector>

#include "mcpolicy/diagnostic.h"
#include "mcpolicy/json.h"

namespace mcpolicy {

class DiagnosticSink {
 public:
  // `doc` may be null or unparsed: then only ReportFile and ReportAtOffset (with a parse error's
  // line table) can be used.
  DiagnosticSink(std::string path, const json::Document* doc, std::vector<Diagnostic>& out)
      : path_(std::move(path)), doc_(doc), out_(out) {}

  // A finding about node `index` (a kKey node points at the key; a value node at the value).
  void Report(std::string_view rule, uint32_t index, std::string message);
  // The same, at `severity` instead of the rule's default (a rule that escalates some findings,
  // e.g. default-allow on a server with dangerous unlisted tools).
  void Report(std::string_view rule, uint32_t index, std::string message, Severity severity);
  // A finding spanning [offset, end_offset) of the text, with no pointer.
  void ReportAtOffset(std::string_view rule, uint32_t offset, uint32_t end_offset,
                      std::string message);
  // A finding about the whole file (no position).
  void ReportFile(std::string_view rule, std::string message);

  const std::string& path() const { return path_; }

 private:
  Diagnostic Make(std::string_view rule, std::string message) const;

  std::string path_;
  const json::Document* doc_;
  std::vector<Diagnostic>& out_;
};

}  // namespace mcpolicy

#endif  // MCPOLICY_RULES_SINK_H_
