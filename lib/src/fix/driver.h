// lint --fix and lint --diff over files: lint, repair, re-lint the repaired texts in memory until
// nothing fixable changes, then write (or diff) and report what remains.
#ifndef MCPOLICY_FIX_DRIVER_H_
#define MCPOLICY_FIX_DRIVER_H_

#include <cstddef>
#include <string>
#include <vector>

#include "mcpolicy/commands.h"

namespace mcpolicy {

// RunLint with request.fix or request.diff set.
CommandOutput RunLintFix(const LintRequest& request);

namespace fix {

// Passes after which a fix that still changes the text is a bug (one pass normally does it all;
// a guarded multiplexer may then need its limit).
inline constexpr int kMaxPasses = 5;

struct PassOutcome {
  std::string text;   // `text` with the remedies applied
  std::string error;  // non-empty: nothing was changed, and why
};

// One pass: the remedies of `findings` (this text's unsuppressed findings of fixable rules)
// applied to `text`, judged against `server` (the one lint judged it against; nullptr = none).
PassOutcome FixPass(const std::string& text, const std::vector<const Diagnostic*>& findings,
                    const CatalogServer* server);

// How many of `path`'s unsuppressed findings in `before` are gone from `after` (matched by rule and
// JSON pointer).
size_t CountFixed(const std::vector<Diagnostic>& before, const std::vector<Diagnostic>& after,
                  const std::string& path);

// Whether `after` has more invalid-json, schema or duplicate-key findings for `path` than
// `before`: a fix that breaks the policy, which must never be written.
bool Broke(const std::vector<Diagnostic>& before, const std::vector<Diagnostic>& after,
           const std::string& path);

}  // namespace fix
}  // namespace mcpolicy

#endif  // MCPOLICY_FIX_DRIVER_H_
