// The fix loop under lint --fix and lint --diff (commands/lint_fix.cc) and FixText: lint, repair,
// re-lint the repaired texts in memory until nothing fixable changes.
#ifndef MCPOLICY_FIX_DRIVER_H_
#define MCPOLICY_FIX_DRIVER_H_

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "mcpolicy/catalog.h"
#include "mcpolicy/diagnostic.h"
#include "mcpolicy/fix.h"
#include "mcpolicy/lint.h"
#include "mcpolicy/io.h"

namespace mcpolicy {

namespace fix {

// The fix loop shared by lint --fix and FixText: lint `paths`, apply the remedies of each file's
// unsuppressed findings whose fix applies (safe ones, and unsafe ones with `unsafe_fixes`) to its
// text in `contents` (keyed by input path; files missing there are read), and lint again, until
// nothing changes. `input_of` maps a reported path to its input path ("-" for standard input).
struct Passes {
  LintResult first;                              // the lint before any fix
  LintResult last;                               // the lint of the final texts
  std::map<std::string, std::string> originals;  // reported path -> text before any fix
  std::map<std::string, std::string> not_fixed;  // reported path -> why it was left alone
  std::map<std::string, FileStamp> stamps;       // input path -> the file as read for fixing
  std::string error;                             // the fixes did not settle: write nothing
};
Passes RunPasses(const std::vector<std::string>& paths, LintOptions options,
                 std::map<std::string, std::string>& contents,
                 const std::function<std::string(const std::string&)>& input_of,
                 bool unsafe_fixes);

// Passes after which a fix that still changes the text is a bug (one pass normally does it all;
// a guarded multiplexer may then need its limit).
inline constexpr int kMaxPasses = 5;

struct PassOutcome {
  std::string text;   // `text` with the remedies applied
  std::string error;  // non-empty: nothing was changed, and why
};

// What every dialect's pass does with its planned edits: `plan_error` (the planner's refusal) or
// the edits applied to `outcome->text` (which holds `original`). False when the pass must stop
// (outcome->error set, outcome->text equal to `original`).
bool ApplyPlan(const std::string& original, std::string plan_error, std::vector<TextEdit> edits,
               PassOutcome* outcome);

// Why a file with duplicate keys is not fixed, in either dialect.
inline constexpr std::string_view kDuplicateKeysNotFixed =
    "it has duplicate keys, so which entry a fix would change is ambiguous; remove them first";

// One pass: the remedies `findings` carry (this text's unsuppressed findings whose fix applies)
// applied to `text`, in the dialect lint read it in (the file `input_path`, "-" for standard
// input: yaml::ReadsAsIntercept).
PassOutcome FixPass(const std::string& text, const std::vector<const Diagnostic*>& findings,
                    std::string_view input_path);

// How many of `path`'s unsuppressed findings in `before` are gone from `after` (matched by rule and
// JSON pointer).
size_t CountFixed(const std::vector<Diagnostic>& before, const std::vector<Diagnostic>& after,
                  const std::string& path);

// Whether `after` has more invalid-json, invalid-yaml, schema, invalid-rule or duplicate-key
// findings for `path` than `before`: a fix that breaks the policy, which must never be written.
bool Broke(const std::vector<Diagnostic>& before, const std::vector<Diagnostic>& after,
           const std::string& path);

}  // namespace fix
}  // namespace mcpolicy

#endif  // MCPOLICY_FIX_DRIVER_H_
