// Baselines: findings accepted as they are, keyed by path + rule + JSON pointer (the message when
// there is no pointer), never by line, so reformatting a policy keeps them accepted.
// The file format is schemas/baseline.schema.json.
#ifndef MCPOLICY_CONFIG_BASELINE_H_
#define MCPOLICY_CONFIG_BASELINE_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "mcpolicy/diagnostic.h"

namespace mcpolicy {

struct Baseline {
  std::string directory;                 // absolute; paths in the file are relative to it
  std::map<std::string, size_t> counts;  // BaselineKey -> findings accepted
};

struct BaselineResult {
  std::optional<Baseline> baseline;  // set exactly when errors is empty
  std::vector<std::string> errors;   // "path:line:col: message"
};

// The key of `d` for a baseline rooted at `directory`.
std::string BaselineKey(const Diagnostic& d, const std::string& directory);

BaselineResult LoadBaseline(const std::string& path);

// Removes the unsuppressed findings the baseline accepts, each key at most its count times, in
// order. Returns how many were removed.
size_t ApplyBaseline(const Baseline& baseline, std::vector<Diagnostic>& diagnostics);

// The baseline file (JSON) accepting every unsuppressed finding, with paths relative to
// `directory` (absolute).
std::string FormatBaseline(const std::vector<Diagnostic>& diagnostics, const std::string& directory);

// The absolute directory a baseline at `path` is rooted in.
std::string BaselineDirectory(const std::string& path);

}  // namespace mcpolicy

#endif  // MCPOLICY_CONFIG_BASELINE_H_
