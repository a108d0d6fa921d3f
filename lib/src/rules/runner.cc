#include "rules/runner.h"

#include "mcpolicy/rules.h"
#include "rules/context.h"

namespace mcpolicy {
namespace {

ServerChoice Named(const Catalog& catalog, const std::string& name, ServerChoice::Source source,
                   std::string_view where, std::string* error) {
  ServerChoice choice;
  choice.server = catalog.Find(name);
  if (!choice.server) {
    *error = "unknown server \"" + name + "\" (" + std::string(where) + ")";
    std::string guess = catalog.Suggest(name);
    if (!guess.empty()) *error += "; did you mean \"" + guess + "\"?";
    return choice;
  }
  choice.source = source;
  return choice;
}

}  // namespace

const Classifier& SharedClassifier() {
  static const Classifier* classifier = new Classifier();
  return *classifier;
}

ServerChoice ChooseServer(const Policy& policy, const std::string& path,
                          const std::string& server_flag, const Config& config,
                          const Catalog& catalog, std::string* error,
                          const CatalogServer* provided) {
  if (provided) {
    ServerChoice choice;
    choice.server = provided;
    choice.source = ServerChoice::Source::kTools;
    return choice;
  }
  if (!server_flag.empty()) {
    return Named(catalog, server_flag, ServerChoice::Source::kFlag, "--server", error);
  }
  std::string mapped = config.ServerFor(path);
  if (!mapped.empty()) {
    return Named(catalog, mapped, ServerChoice::Source::kConfig, "configuration " + config.path,
                 error);
  }
  return InferServer(policy, catalog);
}

void RunPolicyRules(const SourceMap& source, const PolicyWording& wording, const Policy& policy,
                    const ServerChoice& server, const Config& config, DiagnosticSink& sink) {
  Resolution resolution = Resolve(policy, server, SharedClassifier);
  PolicyContext context{source, policy, resolution, config, wording};
  for (const RuleInfo& rule : AllRules()) {
    // A disabled rule's findings would be dropped (LintConfiguration::Apply) before suppressions
    // see them: not running it saves building them (300,000 on a huge policy).
    if (rule.check && config.IsEnabled(std::string(rule.name))) rule.check(context, sink);
  }
  // A reachable tool whose entry could not be read in full (a malformed condition, another
  // dialect's keys) is not judged by the risk rules: say so, so its silence is not taken for
  // safety.
  if (!config.IsEnabled("schema")) return;
  for (const ResolvedTool& tool : resolution.tools) {
    if (!tool.rules || tool.rules->well_formed || !tool.reachable() || !tool.on_server ||
        !ValidToolName(tool.name) || DangerRank(rules::EffectiveCategory(tool)) == 0) {
      continue;
    }
    sink.Report("schema", tool.rules->key_loc,
                "risk checks skipped for " + rules::Describe(tool) +
                    ": part of its entry cannot be read (see the schema findings), so what its "
                    "conditions allow is unknown; fix those, then lint again",
                Severity::kNote);
  }
}

}  // namespace mcpolicy
