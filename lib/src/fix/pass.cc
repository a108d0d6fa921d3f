// One fix pass over one text, and FixText: the lint --fix loop (driver.cc) on one in-memory text.
#include <algorithm>
#include <optional>
#include <set>

#include "fix/driver.h"
#include "fix/planner.h"
#include "fix/yaml_planner.h"
#include "mcpolicy/catalog.h"
#include "mcpolicy/fix.h"
#include "rules/runner.h"
#include "yaml/recognise.h"

namespace mcpolicy {
namespace fix {

PassOutcome FixPass(const std::string& text, const std::vector<const Diagnostic*>& findings,
                    std::string_view input_path) {
  if (yaml::ReadsAsIntercept(input_path, text)) return FixInterceptPass(text, findings);
  PassOutcome outcome{text, ""};
  json::Document doc = json::Document::Parse(text);
  if (!doc.ok()) return outcome;  // invalid-json has no fix; nothing else was checked
  if (!doc.duplicates().empty()) {
    outcome.error = std::string(kDuplicateKeysNotFixed);
    return outcome;
  }
  // The remedies come with the findings (the rules decided them on the policy lint read); the
  // policy is read again only to find where each change goes in this text.
  Policy policy = ReadPolicy(doc);
  std::vector<const Remedy*> remedies;
  for (const Diagnostic* d : findings) {
    if (d->remedy) remedies.push_back(&*d->remedy);
  }
  if (remedies.empty()) return outcome;
  std::vector<TextEdit> edits;
  std::string error = PlanEdits(doc, policy, remedies, edits);
  ApplyPlan(text, std::move(error), std::move(edits), &outcome);
  return outcome;
}

bool ApplyPlan(const std::string& original, std::string plan_error, std::vector<TextEdit> edits,
               PassOutcome* outcome) {
  if (!plan_error.empty()) {
    outcome->error = std::move(plan_error);
    return false;
  }
  if (!ApplyEdits(outcome->text, std::move(edits))) {
    outcome->text = original;
    outcome->error = "internal error: the fixes overlap (please report this)";
    return false;
  }
  return true;
}

void DescribeFixes(const json::Document& doc, std::vector<Diagnostic>& diagnostics) {
  if (!doc.duplicates().empty()) return;  // --fix leaves such a file alone
  std::optional<Policy> policy;
  std::optional<Planner> planner;
  std::vector<TextEdit> edits;
  for (Diagnostic& d : diagnostics) {
    if (!d.remedy || !d.suppression.empty()) continue;
    if (!planner) {
      policy.emplace(ReadPolicy(doc));
      planner.emplace(doc, *policy);
    }
    edits.clear();
    if (!planner->Plan({&*d.remedy}, edits).empty()) continue;
    std::sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) {
      return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
    });
    for (TextEdit& e : edits) {
      TextPoint begin = doc.Locate(e.begin), end = doc.Locate(e.end);
      d.fix_edits.push_back({begin.line, begin.column, end.line, end.column, std::move(e.text)});
    }
  }
}

namespace {

size_t CountStructural(const std::vector<Diagnostic>& diagnostics, const std::string& path) {
  size_t n = 0;
  for (const Diagnostic& d : diagnostics) {
    n += d.path == path &&
         (d.rule == "invalid-json" || d.rule == "invalid-yaml" || d.rule == "schema" ||
          d.rule == "invalid-rule" || d.rule == "duplicate-key");
  }
  return n;
}

}  // namespace

size_t CountFixed(const std::vector<Diagnostic>& before, const std::vector<Diagnostic>& after,
                  const std::string& path) {
  std::multiset<std::pair<std::string_view, std::string_view>> remaining;
  for (const Diagnostic& d : after) {
    if (d.path == path && d.suppression.empty()) remaining.emplace(d.rule, d.pointer);
  }
  size_t fixed = 0;
  for (const Diagnostic& d : before) {
    if (d.path != path || !d.suppression.empty()) continue;
    auto it = remaining.find({d.rule, d.pointer});
    if (it == remaining.end()) {
      ++fixed;
    } else {
      remaining.erase(it);
    }
  }
  return fixed;
}

bool Broke(const std::vector<Diagnostic>& before, const std::vector<Diagnostic>& after,
           const std::string& path) {
  return CountStructural(after, path) > CountStructural(before, path);
}

}  // namespace fix


FixTextResult FixText(const std::string& display_path, const std::string& text,
                      const LintOptions& options, bool unsafe_fixes) {
  FixTextResult result{text, 0, ""};
  LintOptions defaults = options;  // the default configuration: no .mcpolicy.json is read
  defaults.no_config = true;
  defaults.config_file.clear();
  std::map<std::string, std::string> contents{{display_path, text}};
  fix::Passes passes = fix::RunPasses({display_path}, defaults, contents,
                                      [](const std::string& display) { return display; },
                                      unsafe_fixes);
  if (!passes.error.empty()) {
    result.error = passes.error;
    return result;
  }
  if (auto it = passes.not_fixed.find(display_path); it != passes.not_fixed.end()) {
    result.error = it->second;
    return result;
  }
  if (!passes.last.errors.empty()) return result;
  if (fix::Broke(passes.first.diagnostics, passes.last.diagnostics, display_path)) {
    result.error = "internal error: the fixed policy would not parse or not pass the schema (please report this)";
    return result;
  }
  result.text = std::move(contents[display_path]);
  result.fixed = fix::CountFixed(passes.first.diagnostics, passes.last.diagnostics, display_path);
  return result;
}

}  // namespace mcpolicy
