// The configuration side of one lint run: which configuration each file gets, rules turned off,
// severity overrides, suppressions, findings about suppressions, and baselines.
#ifndef MCPOLICY_LINT_CONFIGURATION_H_
#define MCPOLICY_LINT_CONFIGURATION_H_

#include <optional>
#include <string>
#include <vector>

#include "config/baseline.h"
#include "config/resolver.h"
#include "mcpolicy/config.h"
#include "mcpolicy/lint.h"

namespace mcpolicy {

// One suppression that covered a linted file, and whether it suppressed a finding there.
struct SuppressionUse {
  const Config* config;
  size_t index;  // into config->suppressions
  bool matched;
};

class LintConfiguration {
 public:
  // Checks the options (rule names, today's date, the baseline file); see errors().
  explicit LintConfiguration(const LintOptions& options);

  // Problems with the options: the run must not go on (exit 2).
  const std::vector<std::string>& errors() const { return errors_; }

  // The configuration for the file read from `path` ("-" for standard input), or nullptr when
  // it is unusable (Finish reports why). Thread-safe.
  const Config* For(const std::string& path) { return resolver_.For(path); }
  // The same configuration, looked at only (for its exclude globs): it is not applied.
  const Config* Peek(const std::string& path) { return resolver_.Peek(path); }

  // Turns off, re-grades and suppresses one file's findings. `path` names the file for globs
  // (the display name for standard input). Thread-safe; appends to `uses`.
  void Apply(const Config& config, const std::string& path, std::vector<Diagnostic>& diagnostics,
             std::vector<SuppressionUse>& uses) const;

  // After every file: configuration errors, findings about suppressions, the baseline written
  // and applied. Leaves result.diagnostics unsorted.
  void Finish(const std::vector<SuppressionUse>& uses, LintResult& result);

 private:
  void ReportSuppressions(const Config& config, const std::vector<SuppressionUse>& uses,
                          std::vector<Diagnostic>& out) const;

  bool use_suppressions_;
  std::string today_;
  std::string write_baseline_file_;
  std::optional<Baseline> baseline_;
  std::vector<std::string> errors_;
  ConfigResolver resolver_;
};

}  // namespace mcpolicy

#endif  // MCPOLICY_LINT_CONFIGURATION_H_
