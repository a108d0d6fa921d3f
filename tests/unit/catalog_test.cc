// Catalog lookups (id, alias, "did you mean", inference from tool names) and user catalog files.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <algorithm>
#include <span>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "mcpolicy/catalog.h"

namespace mcpolicy {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kKestra = "kestra-io/mcp-server-python";

// A scratch directory removed at the end of the test.
struct TempDir {
  fs::path path = fs::temp_directory_path() / ("mcpolicy-catalog-test-" + std::to_string(getpid()));
  TempDir() {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  std::string Write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
    return (path / name).string();
  }
};

constexpr const char* kUserKestra = R"json({
  "id": "kestra-io/mcp-server-python",
  "name": "Kestra (local fork)",
  "repository": "https://github.com/example/kestra-fork",
  "commit": "0123456789abcdef0123456789abcdef01234567",
  "tools": [
    {"name": "execute_flow", "category": "destructive", "summary": "Our fork's flows can drop tables."}
  ]
})json";

TEST_CASE("Catalog::Find by id, alias (any case), and Suggest") {
  const Catalog& catalog = Catalog::Bundled();
  REQUIRE(catalog.servers().size() >= 30);
  const CatalogServer* kestra = catalog.Find(kKestra);
  REQUIRE(kestra != nullptr);
  CHECK(kestra->id == kKestra);
  CHECK(kestra->origin == "bundled");
  CHECK(catalog.Find("KESTRA") == kestra);
  CHECK(catalog.Find("Kestra-IO/MCP-Server-Python") == kestra);
  CHECK(catalog.Find("no-such-server") == nullptr);
  CHECK(catalog.Suggest("kestra-io/mcp-server-pyhton") == kKestra);
  CHECK(catalog.Suggest("kestr") == "kestra");
  CHECK(catalog.Suggest("mcp-server-python") == kKestra);
  CHECK(catalog.Suggest("zzzzzzzzzzzzzzzz").empty());
}

TEST_CASE("CatalogServer::FindTool and multiplexer operations") {
  const CatalogServer* kestra = Catalog::Bundled().Find(kKestra);
  REQUIRE(kestra != nullptr);
  CHECK(kestra->tools.size() == 39);
  const CatalogTool* tool = kestra->FindTool("manage_executions");
  REQUIRE(tool != nullptr);
  CHECK(tool->category == Category::kDestructive);
  CHECK(tool->operation_argument == "action");
  CHECK(tool->operations.size() >= 4);
  CHECK(kestra->FindTool("manage_execution") == nullptr);
  for (const CatalogTool& t : kestra->tools) CHECK(kestra->FindTool(t.name) == &t);
}

TEST_CASE("Catalog::Infer picks the server most of the names belong to") {
  const Catalog& catalog = Catalog::Bundled();
  auto match = catalog.Infer({"execute_flow", "list_executions", "not_a_kestra_tool"});
  REQUIRE(match.has_value());
  CHECK(match->server->id == kKestra);
  CHECK(match->matched == 2);
  CHECK(match->total == 3);
  CHECK_FALSE(catalog.Infer({"execute_flow", "nope_1", "nope_2"}).has_value());
  CHECK_FALSE(catalog.Infer({}).has_value());
  CHECK_FALSE(catalog.Infer({"zzz_unknown"}).has_value());
  std::vector<const CatalogServer*> with = catalog.ServersWithTool("execute_flow");
  REQUIRE_FALSE(with.empty());
  CHECK(std::find(with.begin(), with.end(), catalog.Find(kKestra)) != with.end());
}

TEST_CASE("CategoryRank orders financial above destructive above execute above write above read") {
  CHECK(CategoryRank(Category::kFinancial) > CategoryRank(Category::kDestructive));
  CHECK(CategoryRank(Category::kDestructive) > CategoryRank(Category::kExecute));
  CHECK(CategoryRank(Category::kExecute) > CategoryRank(Category::kWrite));
  CHECK(CategoryRank(Category::kWrite) > CategoryRank(Category::kRead));
  CHECK(CategoryRank(Category::kRead) > CategoryRank(Category::kOther));
}

TEST_CASE("Catalog::Load: a user file replaces the bundled server with its id") {
  TempDir dir;
  std::string file = dir.Write("kestra.json", kUserKestra);
  auto [catalog, errors] = Catalog::Load({dir.path.string()});
  CHECK(errors.empty());
  REQUIRE(catalog != nullptr);
  CHECK(catalog->servers().size() == Catalog::Bundled().servers().size());
  const CatalogServer* kestra = catalog->Find("kestra");
  REQUIRE(kestra == nullptr);  // the user file declares no aliases
  kestra = catalog->Find(kKestra);
  REQUIRE(kestra != nullptr);
  CHECK(kestra->origin == file);
  CHECK(kestra->tools.size() == 1);
  CHECK(kestra->FindTool("execute_flow")->category == Category::kDestructive);
}

TEST_CASE("Catalog::Load reports bad user files with file, line and column") {
  using Case = std::pair<std::string, std::string>;  // file text, expected first error
  auto [text, expected] = GENERATE(
      Case{"{\"id\": }", "bad.json:1:8: not valid JSON: "},
      Case{R"({"id": "a/b", "name": "x", "repository": "https://x", "commit": "0123456789abcdef0123456789abcdef01234567",
  "tools": [{"name": "t", "category": "writ", "summary": "does a thing"}]})",
           "bad.json:2:39: "},
      Case{R"({"id": "a/b", "name": "x", "repository": "https://x", "commit": "0123456789abcdef0123456789abcdef01234567",
  "tools": [{"name": "t", "category": "write", "summary": "does a thing"},
            {"name": "t", "category": "read", "summary": "does a thing"}]})",
           "bad.json:3:22: tool \"t\" is listed twice (first at line 2)"},
      Case{R"({"id": "a/b", "name": "x", "repository": "https://x", "commit": "0123456789abcdef0123456789abcdef01234567",
  "tools": [{"name": "t", "category": "write", "summary": "does a thing",
             "operations": {"argument": "op", "values": {"get": "read", "drop": "destructive"}}}]})",
           "bad.json:2:39: tool \"t\" is \"write\" but its worst operation is \"destructive\"; a multiplexer "
           "takes its worst operation's category"});
  TempDir dir;
  dir.Write("bad.json", text);
  auto [catalog, errors] = Catalog::Load({dir.path.string()});
  REQUIRE(catalog != nullptr);
  CHECK(catalog->Find("a/b") == nullptr);
  REQUIRE_FALSE(errors.empty());
  std::string got = errors[0].ToString();
  std::string prefix = (dir.path / "").string();
  REQUIRE(got.starts_with(prefix));
  INFO(got);
  CHECK(got.substr(prefix.size()).starts_with(expected));
}

TEST_CASE("Catalog::Load: a missing directory is an error without a position") {
  auto [catalog, errors] = Catalog::Load({"/nonexistent/mcpolicy-catalog"});
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].ToString() == "/nonexistent/mcpolicy-catalog: No such file or directory");
}

}  // namespace
}  // namespace mcpolicy

namespace mcpolicy {
namespace {

// The bundled catalog takes its sort orders from the build-time index instead of sorting at
// start-up; every lookup that binary-searches them must still find every tool of every server.
TEST_CASE("Bundled catalog: the index's orders find every tool by name, servers in id order") {
  const Catalog& catalog = Catalog::Bundled();
  std::span<const CatalogServer> servers = catalog.servers();
  REQUIRE(servers.size() > 100);
  for (size_t s = 1; s < servers.size(); ++s) CHECK(servers[s - 1].id < servers[s].id);
  size_t checked = 0;
  for (const CatalogServer& server : servers) {
    for (const CatalogTool& tool : server.tools) {
      INFO(server.id << " " << tool.name);
      const CatalogTool* found = server.FindTool(tool.name);
      REQUIRE(found != nullptr);
      CHECK(found->name == tool.name);
      std::vector<const CatalogServer*> with = catalog.ServersWithTool(tool.name);
      CHECK(std::find(with.begin(), with.end(), &server) != with.end());
      for (size_t k = 1; k < with.size(); ++k) CHECK(with[k - 1]->id < with[k]->id);
      ++checked;
    }
  }
  CHECK(checked > 2000);
}

}  // namespace
}  // namespace mcpolicy
