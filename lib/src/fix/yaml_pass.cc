// One fix pass over an Intercept YAML text: read it, plan the remedies as edits, apply them, and
// parse the result again before handing it back.
#include "fix/yaml_planner.h"
#include "intercept/read.h"

namespace mcpolicy::fix {

PassOutcome FixInterceptPass(const std::string& text, const std::vector<const Diagnostic*>& findings) {
  PassOutcome outcome{text, ""};
  std::vector<const Remedy*> remedies;
  for (const Diagnostic* d : findings) {
    if (d->remedy) remedies.push_back(&*d->remedy);
  }
  if (remedies.empty()) return outcome;
  intercept::ReadResult read = intercept::Read("", text);
  if (!read.parsed) return outcome;  // invalid-yaml has no fix; nothing else was checked
  if (!read.tree.duplicates().empty()) {
    outcome.error = std::string(kDuplicateKeysNotFixed);
    return outcome;
  }
  std::vector<TextEdit> edits;
  std::string error = PlanYamlEdits(read.tree, read.policy, remedies, edits);
  if (!ApplyPlan(text, std::move(error), std::move(edits), &outcome)) return outcome;
  yaml::Tree fixed = yaml::Tree::Parse(outcome.text);
  if (!fixed.ok()) {
    const yaml::ParseError& e = *fixed.error();
    outcome.error = "internal error: the fixed policy would not parse (line " +
                    std::to_string(e.at.line) + ", column " + std::to_string(e.at.column) + ": " +
                    e.message + "), so it was left alone (please report this)";
    outcome.text = text;
  }
  return outcome;
}

}  // namespace mcpolicy::fix
