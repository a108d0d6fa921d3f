// SARIF locations: repository-relative under %SRCROOT%, absolute file:// URIs outside the root,
// %-encoding, and the helpUri built from the configured docs address.
#include <catch2/catch.hpp>
#include <string>

#include "report/sarif.h"

namespace mcpolicy {
namespace {

TEST_CASE("sarif::ArtifactLocation is relative to the source root", "[report]") {
  const std::string root = "/repo";
  struct Case {
    const char* path;
    const char* uri;
    bool relative;
  } cases[] = {
      {"/repo/policies/a.json", "policies/a.json", true},
      {"/repo/./policies/../b.json", "b.json", true},
      {"/repo/dir with space/a.json", "dir%20with%20space/a.json", true},
      {"/elsewhere/a.json", "file:///elsewhere/a.json", false},
      {"/repository/a.json", "file:///repository/a.json", false},  // not below /repo
  };
  for (const Case& c : cases) {
    INFO(c.path);
    nlohmann::ordered_json location = sarif::ArtifactLocation(c.path, root);
    CHECK(location["uri"] == c.uri);
    CHECK(location.contains("uriBaseId") == c.relative);
    if (c.relative) CHECK(location["uriBaseId"] == "%SRCROOT%");
  }
  CHECK(sarif::OriginalUriBaseIds("/repo")["%SRCROOT%"]["uri"] == "file:///repo/");
  CHECK(sarif::HelpUri("rules/loose-limit.md").ends_with("/rules/loose-limit.md"));
  CHECK(sarif::HelpUri("rules/loose-limit.md").find("://") != std::string::npos);  // absolute
  CHECK_FALSE(sarif::SourceRoot().empty());
}

}  // namespace
}  // namespace mcpolicy
