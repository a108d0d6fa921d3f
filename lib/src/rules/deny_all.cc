#include "rules/deny_all.h"

namespace mcpolicy {

void DenyAll::Check(const PolicyContext& context, DiagnosticSink& sink) const {
  const Policy& policy = context.policy;
  if (policy.default_action != DefaultAction::kDeny) return;
  // A "tools" object with entries the model skipped (malformed) is the schema rule's business.
  if (policy.tools_written > 0) return;
  std::string example = "a read tool";
  if (const CatalogServer* server = context.resolution.server.server) {
    for (const CatalogTool& t : server->tools) {
      if (t.category == Category::kRead) {
        example = rules::Quote(t.name);
        break;
      }
    }
  }
  sink.Report(info().name, policy.default_loc,
              "\"default\": \"deny\" with no tool listed under \"tools\" denies every call, so the "
              "agent can do nothing through this server; list the tools it needs, e.g. " +
                  (example.front() == '"' ? "\"tools\": {" + example + ": {}}" : example + " as {}"));
}

}  // namespace mcpolicy
