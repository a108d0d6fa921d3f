// What --version says. The commit and dates come from generated/build_info.h, written at build
// time by cmake/BuildInfo.cmake ("unknown" / "" outside a git checkout).
#include <string>

#include "app.h"
#include "build_info.h"
#include "mcpolicy/catalog.h"

namespace mcpolicy::cli {

std::string VersionText() {
  size_t tools = 0;
  const auto servers = Catalog::Bundled().servers();
  for (const CatalogServer& server : servers) tools += server.tools.size();
  std::string date = CatalogDate();
  if (date.empty()) date = "unknown";
  return std::string("mcpolicy ") + MCPOLICY_VERSION + " (commit " + MCPOLICY_GIT_COMMIT +
         ")\nbundled catalog: " + std::to_string(servers.size()) + " servers, " +
         std::to_string(tools) + " tools, last changed " + date;
}

std::string_view CommitDate() { return MCPOLICY_COMMIT_DATE; }

std::string CatalogDate() { return MCPOLICY_CATALOG_DATE; }

}  // namespace mcpolicy::cli
