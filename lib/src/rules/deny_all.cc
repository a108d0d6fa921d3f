#include "rules/deny_all.h"
#include "util/text.h"

namespace mcpolicy {

void DenyAll::Check(const PolicyContext& context, DiagnosticSink& sink) const {
  const Policy& policy = context.policy;
  if (policy.default_action != DefaultAction::kDeny) return;
  // A "tools" object with entries the model skipped (malformed) is the schema rule's business.
  if (policy.tools_written > 0) return;
  const PolicyWording& w = context.wording;
  std::string example = "a read tool as {}";
  if (const CatalogServer* server = context.resolution.server.server) {
    for (const CatalogTool& t : server->tools) {
      if (t.category == Category::kRead) {
        example = w.ListedBare(t.name);
        break;
      }
    }
  }
  sink.Report(info().name, policy.default_loc,
              w.DefaultIs(DefaultAction::kDeny) + " with no tool listed under " +
                  w.Key(PolicyKey::kTools) +
                  " denies every call, so the agent can do nothing through this server; list the "
                  "tools it needs, e.g. " + example);
}

}  // namespace mcpolicy
