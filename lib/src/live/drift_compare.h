// Comparing two records of one server's tools (see snapshot.h) into graded changes.
#ifndef MCPOLICY_LIVE_DRIFT_COMPARE_H_
#define MCPOLICY_LIVE_DRIFT_COMPARE_H_

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

namespace mcpolicy::live {

enum class DriftSeverity { kNote, kWarning, kError };

struct DriftChange {
  std::string rule;  // new-tool, removed-tool, risk-rose, risk-fell, weakened-annotation,
                     // changed-description, new-argument, changed-definition
  DriftSeverity severity = DriftSeverity::kNote;
  std::string tool;
  std::string message;  // raw strings from the server inside: escape before printing as text
};

// `before` and `after` are server records; `other_tools` the tool names of the snapshot's other
// servers (a description that starts naming them is reaching across servers). Sorted by tool,
// then rule.
std::vector<DriftChange> CompareRecords(const nlohmann::json& before, const nlohmann::json& after,
                                        const std::set<std::string>& other_tools);

std::string_view SeverityName(DriftSeverity severity);

}  // namespace mcpolicy::live

#endif  // MCPOLICY_LIVE_DRIFT_COMPARE_H_
