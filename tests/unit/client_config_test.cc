// Client configs for scan: discovery, scope merging and ${...} expansion.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "live/client_config.h"

namespace fs = std::filesystem;
using mcpolicy::live::ConfigFile;
using mcpolicy::live::ServerSpec;

namespace {

void Write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << text;
}

}  // namespace

TEST_CASE("scan finds project and user configs and lets the project win") {
  fs::path root = fs::temp_directory_path() / ("mcpolicy-scan-" + std::to_string(::getpid()));
  fs::remove_all(root);
  const std::string project = (root / "repo").string(), home = (root / "home").string();
  Write(root / "repo/.cursor/mcp.json", R"({"mcpServers": {"db": {"command": "project-db"}}})");
  Write(root / "home/.cursor/mcp.json",
        R"({"mcpServers": {"db": {"command": "user-db"}, "mail": {"command": "user-mail"}}})");
  Write(root / "home/.codex/config.toml", "[mcp_servers.x]\ncommand = \"codex-x\"\n");
  std::vector<ConfigFile> files = mcpolicy::live::DiscoverConfigs(project, home);
  REQUIRE(files.size() == 3);
  std::vector<ServerSpec> servers;
  for (const ConfigFile& f : files) {
    std::string error;
    REQUIRE(mcpolicy::live::ReadConfig(f, project, home, &servers, &error));
  }
  servers = mcpolicy::live::MergeScopes(std::move(servers));
  REQUIRE(servers.size() == 3);
  CHECK(servers[0].client == "Codex");
  CHECK(servers[1].name == "db");
  CHECK(servers[1].argv.front() == "project-db");
  CHECK(servers[1].scope == "project");
  CHECK(servers[2].argv.front() == "user-mail");
  fs::remove_all(root);
}

TEST_CASE("scan expands references from the environment only") {
  ::setenv("MCPOLICY_TEST_VAR", "value", 1);
  ::unsetenv("MCPOLICY_TEST_UNSET");
  struct Row {
    const char* in;
    const char* out;
    size_t unresolved;
  };
  const Row rows[] = {
      {"${MCPOLICY_TEST_VAR}", "value", 0},
      {"${env:MCPOLICY_TEST_VAR}/x", "value/x", 0},
      {"${MCPOLICY_TEST_UNSET:-fallback}", "fallback", 0},
      {"${MCPOLICY_TEST_UNSET}", "${MCPOLICY_TEST_UNSET}", 1},
      {"${input:token}", "${input:token}", 1},
      {"${userHome}/.cfg", "/h/.cfg", 0},
      {"${workspaceFolder}", "/p", 0},
      {"$(whoami) ${unterminated", "$(whoami) ${unterminated", 0},
  };
  for (const Row& row : rows) {
    std::vector<std::string> unresolved;
    CHECK(mcpolicy::live::Expand(row.in, "/p", "/h", &unresolved) == row.out);
    CHECK(unresolved.size() == row.unresolved);
  }
}
