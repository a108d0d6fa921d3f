#include "mcpolicy/diagnostic.h"

#include <tuple>

namespace mcpolicy {

std::string_view SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kNote: return "note";
    case Severity::kWarning: return "warning";
    case Severity::kError: return "error";
  }
  return "error";
}

std::optional<Severity> ParseSeverity(std::string_view name) {
  if (name == "note") return Severity::kNote;
  if (name == "warning") return Severity::kWarning;
  if (name == "error") return Severity::kError;
  return std::nullopt;
}

std::string_view WindowName(Window window) {
  switch (window) {
    case Window::kMinute: return "minute";
    case Window::kHour: return "hour";
    case Window::kDay: return "day";
  }
  return "minute";
}

double WindowMinutes(Window window) {
  switch (window) {
    case Window::kMinute: return 1;
    case Window::kHour: return 60;
    case Window::kDay: return 1440;
  }
  return 1;
}

bool DiagnosticLess(const Diagnostic& a, const Diagnostic& b) {
  return std::tie(a.path, a.line, a.column, a.rule, a.message) <
         std::tie(b.path, b.line, b.column, b.rule, b.message);
}

}  // namespace mcpolicy
