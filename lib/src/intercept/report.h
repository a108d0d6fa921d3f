// Findings about a YAML policy, placed at a node of its yaml::Tree: the position, the end of the
// node, the source line for the caret display and a pointer (/tools/x/rules/0/action).
#ifndef MCPOLICY_INTERCEPT_REPORT_H_
#define MCPOLICY_INTERCEPT_REPORT_H_

#include <string>
#include <string_view>
#include <vector>

#include "mcpolicy/diagnostic.h"
#include "yaml/tree.h"

namespace mcpolicy::intercept {

// The rules this area reports, with their default severities: invalid-yaml, duplicate-key,
// schema, invalid-rule, dead-entry, invalid-tool-name.
Severity DefaultSeverity(std::string_view rule);

class Reporter {
 public:
  Reporter(const yaml::Tree& tree, std::string path, std::vector<Diagnostic>& out)
      : tree_(tree), path_(std::move(path)), out_(out) {}

  // At node `node` (its first byte to its end), with the rule's default severity.
  void At(std::string_view rule, uint32_t node, std::string message, std::string pointer = "");
  void AtSeverity(std::string_view rule, Severity severity, uint32_t node, std::string message,
                  std::string pointer = "");
  // At a position with no node (a parse error).
  void AtPosition(std::string_view rule, const yaml::Position& at, std::string message);

 private:
  Diagnostic& Add(std::string_view rule, const yaml::Position& at, uint32_t end_offset,
                  std::string message);

  const yaml::Tree& tree_;
  std::string path_;
  std::vector<Diagnostic>& out_;
};

// `s` in double quotes, cut after 80 bytes (with "...").
std::string Quote(std::string_view s);

// A JSON pointer token: "~" as "~0", "/" as "~1".
std::string PointerToken(std::string_view name);

}  // namespace mcpolicy::intercept

#endif  // MCPOLICY_INTERCEPT_REPORT_H_
