// Findings and the severities they carry, shared by every command that reports on files.
#ifndef MCPOLICY_DIAGNOSTIC_H_
#define MCPOLICY_DIAGNOSTIC_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mcpolicy {

enum class Severity : uint8_t { kNote, kWarning, kError };

std::string_view SeverityName(Severity severity);  // "note", "warning", "error"
std::optional<Severity> ParseSeverity(std::string_view name);

// The window a rate limit counts calls over.
enum class Window : uint8_t { kMinute, kHour, kDay };
std::string_view WindowName(Window window);  // "minute", "hour", "day"
double WindowMinutes(Window window);         // 1, 60, 1440

// What `lint --fix` does about a finding, as data: the rule that found it decides the change,
// the dialect of the file decides the text (fix/planner.cc for hosted JSON, fix/yaml_planner.cc
// for Intercept YAML).
struct Remedy {
  enum class Kind : uint8_t {
    kHide,           // name `tool` in the hide list and drop its tool entry
    kAddLimit,       // give `tool` a limit of `max` calls per `window`, counted per grant
    kGuard,          // deny calls to `tool` whose argument at `path` is one of `values`
    kDenyByDefault,  // make the default deny, and list `values` (read tools) with no rule
  };
  Kind kind = Kind::kHide;
  Window window = Window::kMinute;  // kAddLimit
  uint32_t max = 0;                 // kAddLimit; at least 1
  std::string tool;
  std::string path;                 // kGuard: "args.action"
  std::vector<std::string> values;  // kGuard: operations; kDenyByDefault: tools to list
};

// One finding in one file. Lines and columns are 1-based; columns count Unicode code points.
// A finding about a whole file (no position) has line 0.
struct Diagnostic {
  std::string rule;  // kebab-case rule name, e.g. "duplicate-key"
  Severity severity = Severity::kError;
  std::string path;  // as the user named the file
  uint32_t line = 0;
  uint32_t column = 0;
  uint32_t end_line = 0;
  uint32_t end_column = 0;
  std::string pointer;  // RFC 6901 pointer of the node the finding is about ("" = root)
  std::string message;
  std::string source_line;    // the text of `line` (or a window of it), for the caret display
  uint32_t source_column = 1;  // column of source_line's first code point
  bool source_line_cut = false;  // the line goes on after source_line
  std::string suppression;    // non-empty: suppressed, with this justification
  std::optional<Remedy> remedy;  // set by fixable rules when a fix applies
};

// Source lines are shown as a window of kSnippetColumns code points starting kSnippetLead before
// the finding's column. A line longer than kMaxSourceLineBytes is stored as that window only, so
// many findings on one long (minified) line cost no more than findings on short lines.
constexpr size_t kSnippetColumns = 160;
constexpr size_t kSnippetLead = 40;
constexpr size_t kMaxSourceLineBytes = 1024;

// Deterministic report order: path, line, column, rule, message.
bool DiagnosticLess(const Diagnostic& a, const Diagnostic& b);

}  // namespace mcpolicy

#endif  // MCPOLICY_DIAGNOSTIC_H_
