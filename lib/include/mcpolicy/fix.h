// lint --fix and --diff: repairs a policy's risky allowances as text edits, so every byte the
// fix does not need to touch (formatting, key order, spacing, line endings) stays as it was.
//
// Fixable rules and their remedies (the `recommended` row of remedy.h):
//   unlimited-execute, unlimited-write   a limit {counter: "<tool>_rate", window, max, scope: grant}
//                                        on the tool (or hide it when the tier says hide)
//   reachable-destructive, -financial    the tool moves to "hide" and its `tools` entry goes
//   unguarded-multiplexer                a deny_if {path: "args.<operation argument>", op: "in",
//                                        value: [the open destructive/financial operations]}
//   default-allow                        "default": "deny", and the known server's read tools that
//                                        were reachable unlisted are listed as {}
// Fixing repeats (re-parse, re-lint) until nothing fixable is left, a few passes at most; a fix
// that does not settle, or whose output would not parse or would add a schema finding, is an
// error and nothing is written.
// Intercept YAML gets the same remedies written as YAML (hide:, rate_limit and guard rules,
// default: deny), in the file's own style, by fix/yaml_planner.cc; docs/fix.md.
#ifndef MCPOLICY_FIX_H_
#define MCPOLICY_FIX_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "mcpolicy/lint.h"

namespace mcpolicy {

// Replaces bytes [begin, end) with `text` (begin == end inserts).
struct TextEdit {
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string text;
};

// Applies non-overlapping edits (any order; insertions at one offset keep their given order).
// Returns false, leaving `text` alone, when two edits overlap or one lies outside the text.
bool ApplyEdits(std::string& text, std::vector<TextEdit> edits);

// A unified diff of two texts by lines, "--- a/<path>" / "+++ b/<path>" ("--- a/tmp/x.json" for
// "/tmp/x.json"), hunks with `context`
// lines of context; "" when the texts are equal. A last line without a newline is marked
// "\ No newline at end of file".
std::string UnifiedDiff(std::string_view path, std::string_view before, std::string_view after,
                        int context = 3);

struct FixTextResult {
  std::string text;    // the fixed document (the input when nothing was fixed)
  size_t fixed = 0;    // findings repaired
  std::string error;   // non-empty: nothing could be fixed safely; `text` is the input
};

// Fixes one in-memory policy with the default configuration (no .mcpolicy.json), against
// `options.server` or the inferred server: for tests and editors. Unsafe fixes (rules.h) are
// applied only with `unsafe_fixes`.
FixTextResult FixText(const std::string& display_path, const std::string& text,
                      const LintOptions& options, bool unsafe_fixes = false);

}  // namespace mcpolicy

#endif  // MCPOLICY_FIX_H_
