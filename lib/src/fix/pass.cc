// One fix pass over one text, and FixText, the in-memory loop.
#include <set>

#include "fix/driver.h"
#include "fix/planner.h"
#include "fix/remedies.h"
#include "mcpolicy/catalog.h"
#include "mcpolicy/fix.h"
#include "rules/runner.h"

namespace mcpolicy {
namespace fix {

PassOutcome FixPass(const std::string& text, const std::vector<const Diagnostic*>& findings,
                    const CatalogServer* server_entry) {
  PassOutcome outcome{text, ""};
  json::Document doc = json::Document::Parse(text);
  if (!doc.ok()) return outcome;  // invalid-json has no fix; nothing else was checked
  if (!doc.duplicates().empty()) {
    outcome.error = "it has duplicate keys, so which entry a fix would change is ambiguous; "
                    "remove them first";
    return outcome;
  }
  Policy policy = ReadPolicy(doc);
  ServerChoice server;
  if (server_entry) {
    server.server = server_entry;
    server.source = ServerChoice::Source::kFlag;
  }
  Resolution resolution = Resolve(policy, server, SharedClassifier);
  std::vector<Remedy> remedies;
  for (const Diagnostic* d : findings) {
    if (auto remedy = RemedyFor(*d, policy, resolution)) remedies.push_back(std::move(*remedy));
  }
  if (remedies.empty()) return outcome;
  std::vector<TextEdit> edits;
  std::string error = PlanEdits(doc, policy, remedies, edits);
  if (!error.empty()) {
    outcome.error = error;
    return outcome;
  }
  if (!ApplyEdits(outcome.text, std::move(edits))) {
    outcome.text = text;
    outcome.error = "internal error: the fixes overlap (please report this)";
  }
  return outcome;
}

namespace {

size_t CountStructural(const std::vector<Diagnostic>& diagnostics, const std::string& path) {
  size_t n = 0;
  for (const Diagnostic& d : diagnostics) {
    n += d.path == path &&
         (d.rule == "invalid-json" || d.rule == "schema" || d.rule == "duplicate-key");
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
                      const LintOptions& options) {
  FixTextResult result{text, 0, ""};
  std::vector<Diagnostic> first = LintText(display_path, text, options);
  std::vector<Diagnostic> now = first;
  std::string current = text;
  for (int pass = 0;; ++pass) {
    std::vector<const Diagnostic*> findings;
    for (const Diagnostic& d : now) {
      if (IsFixableRule(d.rule)) findings.push_back(&d);
    }
    if (findings.empty()) break;
    json::Document doc = json::Document::Parse(current);
    const CatalogServer* server = nullptr;
    if (doc.ok()) {
      std::string error;
      server = ChooseServer(ReadPolicy(doc), display_path, options.server, Config(),
                            Catalog::Bundled(), &error, options.tools_server)
                   .server;
    }
    fix::PassOutcome outcome = fix::FixPass(current, findings, server);
    if (!outcome.error.empty()) {
      result.error = outcome.error;
      return result;
    }
    if (outcome.text == current) break;
    if (pass + 1 == fix::kMaxPasses) {
      result.error = "the fixes did not settle after " + std::to_string(fix::kMaxPasses) +
                     " passes (please report this)";
      return result;
    }
    current = std::move(outcome.text);
    now = LintText(display_path, current, options);
  }
  if (fix::Broke(first, now, display_path)) {
    result.error = "internal error: the fixed policy would not pass the schema (please report this)";
    return result;
  }
  result.text = std::move(current);
  result.fixed = fix::CountFixed(first, now, display_path);
  return result;
}

}  // namespace mcpolicy
