// From remedies to text edits: remedies are grouped per container (three tools hidden make one
// edit of "hide", or one new "hide" key), rendered in the file's own style, and placed so the
// keys keep a sensible order ("hide" after "default", "limits" after "deny_if").
#ifndef MCPOLICY_FIX_PLANNER_H_
#define MCPOLICY_FIX_PLANNER_H_

#include <memory>
#include <string>
#include <vector>

#include "mcpolicy/diagnostic.h"
#include "mcpolicy/fix.h"
#include "mcpolicy/json.h"
#include "mcpolicy/policy.h"

namespace mcpolicy::fix {

// Plans edits on one document; what it learns about the document (tools by name, the file's
// style) is kept across calls, so planning each finding's remedy alone costs no walk each.
class Planner {
 public:
  // `doc` is parsed and ok(), read into `policy`; both must outlive the planner.
  Planner(const json::Document& doc, const Policy& policy);
  ~Planner();
  Planner(const Planner&) = delete;
  Planner& operator=(const Planner&) = delete;

  // Appends to `edits` the non-overlapping edits that carry out `remedies`. Where two remedies
  // would touch the same text one is dropped, by fixed rules (planner.cc). Returns "" or why the
  // remedies cannot be applied (e.g. "hide" is not an array); then `edits` is unchanged.
  std::string Plan(const std::vector<const Remedy*>& remedies, std::vector<TextEdit>& edits);

 private:
  struct State;
  const json::Document& doc_;
  const Policy& policy_;
  std::unique_ptr<State> state_;
};

// Planner(doc, policy).Plan(remedies, edits).
std::string PlanEdits(const json::Document& doc, const Policy& policy,
                      const std::vector<const Remedy*>& remedies, std::vector<TextEdit>& edits);

// Fills in fix_edits of each unsuppressed finding of `diagnostics` that carries a remedy: the
// remedy planned alone on `doc` (a parsed hosted policy), as line:column ranges (LintOptions::
// describe_fixes).
void DescribeFixes(const json::Document& doc, std::vector<Diagnostic>& diagnostics);

}  // namespace mcpolicy::fix

#endif  // MCPOLICY_FIX_PLANNER_H_
