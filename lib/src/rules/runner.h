// Runs every policy rule of the registry on one parsed policy, after the structural checks.
#ifndef MCPOLICY_RULES_RUNNER_H_
#define MCPOLICY_RULES_RUNNER_H_

#include <string>

#include "mcpolicy/catalog.h"
#include "mcpolicy/config.h"
#include "mcpolicy/json.h"
#include "mcpolicy/policy.h"
#include "mcpolicy/source_map.h"
#include "policy/wording.h"
#include "util/sink.h"

namespace mcpolicy {

// The heuristic classifier shared by every lint run (the embedded lexicon, compiled once).
const Classifier& SharedClassifier();

// The server for the policy at `path`: `provided` (a server the caller built, e.g. from a
// tools/list dump) when given, else `server_flag` (--server), else the configuration's mapping,
// else inferred from the policy's names, else none. A flag or mapping naming no catalog server
// yields `error` (the caller reports it; the run cannot go on).
ServerChoice ChooseServer(const Policy& policy, const std::string& path,
                          const std::string& server_flag, const Config& config,
                          const Catalog& catalog, std::string* error,
                          const CatalogServer* provided = nullptr);

// Resolves `policy` against `server` and runs every rule that has a check. Rules turned off in
// `config` still run; the configuration drops their findings afterwards.
void RunPolicyRules(const SourceMap& source, const PolicyWording& wording, const Policy& policy,
                    const ServerChoice& server, const Config& config, DiagnosticSink& sink);

}  // namespace mcpolicy

#endif  // MCPOLICY_RULES_RUNNER_H_
