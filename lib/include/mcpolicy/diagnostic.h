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
// for Intercept YAML, which carries out kHide, kAddLimit, kGuard and kDenyByDefault). `target`
// names an element of the file the finding was made on (its SourceMap's LocId), so it is only
// meaningful for that text.
struct Remedy {
  enum class Kind : uint8_t {
    kHide,           // name `tool` in the hide list and drop its tool entry
    kAddLimit,       // give `tool` a limit of `max` calls per `window`, counted per grant
    kGuard,          // deny calls to `tool` whose argument at `path` is one of `values`
    kDenyByDefault,  // make the default deny, and list `values` (read tools) with no rule
    kSetWindow,      // write `window` as the window at `target` (a number of seconds)
    kSetMax,         // write `max` as the max at `target`
    kRename,         // write `name` for the tool name at `target` (a tools key or hide entry)
    kRemoveEntry,    // drop the tools entry of `tool`
    kRemoveLimit,    // drop the limit at `target` (an element of a limits array)
  };
  Kind kind = Kind::kHide;
  Window window = Window::kMinute;  // kAddLimit, kSetWindow
  uint32_t max = 0;                 // kAddLimit (at least 1), kSetMax
  uint32_t target = UINT32_MAX;     // kSetWindow, kSetMax, kRename, kRemoveLimit
  // Which of the rule's fixes this is (RuleInfo::fixes in rules.h, where each is marked safe or
  // unsafe); "" = the rule's first.
  std::string_view fix;
  std::string tool;
  std::string name;                 // kRename: the name to write
  std::string path;                 // kGuard: "args.action"
  std::vector<std::string> values;  // kGuard: operations; kDenyByDefault: tools to list
};

// One replacement of a fix as text: [line:column, end_line:end_column) of the file as linted
// (1-based; columns count code points; an empty range inserts) becomes `text`.
struct FixEdit {
  uint32_t line = 0;
  uint32_t column = 0;
  uint32_t end_line = 0;
  uint32_t end_column = 0;
  std::string text;
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
  // The remedy alone as edits of the file as linted: filled in only for reports that show fixes
  // (JSON, SARIF; LintOptions::describe_fixes). Empty when no edit could be planned.
  std::vector<FixEdit> fix_edits;
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
