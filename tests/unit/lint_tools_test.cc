// lint --tools: the server ServerFromTools reads from a tools/list dump, and the promise that a
// policy recommend writes from a dump lints clean against that same dump.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "catalog/tools_server.h"
#include "mcpolicy/catalog.h"
#include "mcpolicy/commands.h"
#include "mcpolicy/lint.h"
#include "mcpolicy/recommend.h"

namespace mcpolicy {
namespace {

namespace fs = std::filesystem;

// A dump written to a file of its own, removed afterwards.
struct DumpFile {
  explicit DumpFile(const std::string& text) {
    std::string pattern = (fs::temp_directory_path() / "mcpolicy-dump-XXXXXX").string();
    int fd = mkstemp(pattern.data());
    REQUIRE(fd >= 0);
    close(fd);
    path = pattern;
    std::ofstream(path, std::ios::binary) << text;
  }
  ~DumpFile() { std::remove(path.c_str()); }
  std::string path;
};

ToolsServerResult Read(const DumpFile& dump, const CatalogServer* known = nullptr) {
  ToolsServerRequest request;
  request.path = dump.path;
  request.display = "dump.json";
  request.known = known;
  request.catalog = &Catalog::Bundled();
  return ServerFromTools(request);
}

const char* const kDumps[] = {
    // The dump of the README example: a multiplexer whose worst operation is execute.
    R"({"tools":[
 {"name":"manage_subscriptions","description":"Manage customer subscriptions","inputSchema":{"type":"object","properties":{"action":{"type":"string","enum":["list","create","update","cancel"]},"id":{"type":"string"}}}},
 {"name":"list_invoices","inputSchema":{"type":"object"}},
 {"name":"refund_payment","inputSchema":{"type":"object"}},
 {"name":"purge_cache","inputSchema":{"type":"object"}},
 {"name":"send_email","inputSchema":{"type":"object"}}]})",
    // Multiplexers with a dangerous operation, financial and destructive tools, gentle
    // descriptions on risky names, and hints.
    R"({"jsonrpc":"2.0","id":1,"result":{"tools":[
 {"name":"records","inputSchema":{"type":"object","properties":{"operation":{"enum":["get","list","delete"]}}}},
 {"name":"payments","inputSchema":{"type":"object","properties":{"action":{"enum":["list","refund"]}}}},
 {"name":"delete_customer","description":"Looks up a customer.","inputSchema":{"type":"object"}},
 {"name":"create_charge","description":"Charges a card.","inputSchema":{"type":"object"}},
 {"name":"drop_table","annotations":{"destructiveHint":true},"inputSchema":{"type":"object"}},
 {"name":"get_report","annotations":{"readOnlyHint":true},"inputSchema":{"type":"object"}},
 {"name":"run_job","description":"Runs a job now.","inputSchema":{"type":"object"}},
 {"name":"frobnicate","inputSchema":{"type":"object"}}]}})",
    // JSONL with an unknown operation value (judged as a whole) and a Kestra tool among others.
    "{\"name\":\"jobs\",\"inputSchema\":{\"type\":\"object\",\"properties\":{\"action\":"
    "{\"enum\":[\"list\",\"frobnicate\"]}}}}\n"
    "{\"name\":\"manage_kv_store\",\"inputSchema\":{\"type\":\"object\"}}\n"
    "{\"name\":\"update_settings\",\"description\":\"Updates settings.\"}\n",
};

TEST_CASE("a policy recommend writes from a dump lints clean against the same dump") {
  for (const char* text : kDumps) {
    DumpFile dump(text);
    for (Tier tier : {Tier::kStrict, Tier::kRecommended, Tier::kPermissive}) {
      RecommendRequest recommend;
      recommend.tools_path = dump.path;
      recommend.tier = tier;
      recommend.no_config = true;
      RecommendOutput policy = RunRecommend(recommend);
      INFO(text << "\n" << TierName(tier) << "\n" << policy.policy);
      REQUIRE(policy.exit_code == 0);
      ToolsServerResult server = Read(dump);
      REQUIRE(server.errors.empty());
      REQUIRE(server.server);
      LintOptions options;
      options.tools_server = server.server.get();
      std::vector<Diagnostic> found = LintText("policy.json", policy.policy, options);
      for (const Diagnostic& d : found) {
        INFO(d.rule << ": " << d.message);
        CHECK(d.severity < Severity::kWarning);
      }
    }
  }
}

TEST_CASE("the dump's tools become catalog entries") {
  DumpFile dump(kDumps[1]);
  ToolsServerResult result = Read(dump);
  REQUIRE(result.errors.empty());
  const CatalogServer& server = *result.server;
  CHECK(server.id == "tools from dump.json");
  CHECK(server.tools.size() == 8);
  CHECK(result.known == nullptr);

  const CatalogTool* records = server.FindTool("records");
  REQUIRE(records);
  CHECK(records->operation_argument == "operation");
  REQUIRE(records->operations.size() == 3);
  CHECK(records->operations[2] ==
        std::pair<std::string, Category>("delete", Category::kDestructive));
  CHECK(records->category == Category::kDestructive);  // its worst operation's

  const CatalogTool* payments = server.FindTool("payments");
  REQUIRE(payments);
  CHECK(payments->category == Category::kFinancial);

  // The name alone reads riskier than its description: the name's category stands.
  CHECK(server.FindTool("delete_customer")->category == Category::kDestructive);
  CHECK(server.FindTool("delete_customer")->summary == "Looks up a customer");
  CHECK(server.FindTool("create_charge")->category == Category::kFinancial);
  CHECK(server.FindTool("drop_table")->hints.destructive == true);
  CHECK(server.FindTool("get_report")->hints.read_only == true);
  CHECK(server.FindTool("get_report")->category == Category::kRead);
  CHECK(server.FindTool("nope") == nullptr);

  // Every multiplexer keeps the catalog's rule: its category is its worst operation's.
  for (const CatalogTool& tool : server.tools) {
    if (tool.operations.empty()) continue;
    int worst = -1;
    for (const auto& [value, category] : tool.operations) {
      worst = std::max(worst, CategoryRank(category));
    }
    CHECK(CategoryRank(tool.category) == worst);
  }
}

TEST_CASE("tools of a catalog server keep its entries, given or inferred") {
  const CatalogServer* kestra = Catalog::Bundled().Find("kestra-io/mcp-server-python");
  REQUIRE(kestra);
  DumpFile one(
      R"({"tools":[{"name":"manage_apps"},{"name":"list_widgets"},{"name":"make_widget"}]})");
  // One name of three: not enough to infer the server, so manage_apps is the heuristic's.
  ToolsServerResult alone = Read(one);
  REQUIRE(alone.server);
  CHECK(alone.known == nullptr);
  CHECK(alone.server->FindTool("manage_apps")->operations.empty());
  ToolsServerResult given = Read(one, kestra);
  REQUIRE(given.server);
  CHECK(given.known == kestra);
  CHECK(given.server->FindTool("manage_apps")->operation_argument == "action");
  CHECK(given.server->FindTool("search_apps") == nullptr);  // the dump decides which tools exist

  DumpFile two(R"({"tools":[{"name":"manage_apps"},{"name":"search_apps"},{"name":"mine"}]})");
  ToolsServerResult inferred = Read(two);
  REQUIRE(inferred.server);
  CHECK(inferred.known == kestra);
  CHECK(inferred.server->FindTool("manage_apps")->category == Category::kDestructive);
}

TEST_CASE("an unusable dump is an error with its position and duplicates are a warning") {
  DumpFile bad("{\"tools\": [\n  {\"name\": \"a\" \"b\"}\n]}\n");
  ToolsServerResult result = Read(bad);
  CHECK_FALSE(result.server);
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].rfind("dump.json:2:16: ", 0) == 0);

  DumpFile nameless("{\"tools\": [{\"name\": \"a\"}, {\"description\": \"x\"}]}");
  CHECK_FALSE(Read(nameless).server);
  DumpFile empty("{\"tools\": []}");
  result = Read(empty);
  CHECK_FALSE(result.server);
  CHECK(result.errors == std::vector<std::string>{"dump.json: no tools in the dump"});

  DumpFile twice("{\"tools\": [{\"name\": \"a\"}, {\"name\": \"a\"}]}");
  result = Read(twice);
  REQUIRE(result.server);
  CHECK(result.server->tools.size() == 1);
  CHECK(result.warnings ==
        std::vector<std::string>{"dump.json: tool \"a\" is listed 2 times; the first is used"});
}

TEST_CASE("RunLint with tools_path: judged against the dump, described as --tools") {
  DumpFile dump(kDumps[0]);
  DumpFile policy(R"({"version": "1", "default": "deny", "tools": {"refund_payment": {}}})");
  LintRequest request;
  request.paths = {policy.path};
  request.tools_path = dump.path;
  request.lint.no_config = true;
  request.output.format = ReportFormat::kJson;
  CommandOutput output = RunLint(request);
  CHECK(output.exit_code == 1);
  CHECK(output.out.find("\"rule\": \"reachable-financial\"") != std::string::npos);
  CHECK(output.out.find("\"source\": \"--tools\"") != std::string::npos);

  // --diff repairs against the dump's server too: the financial tool moves to "hide", an unsafe
  // fix, so only with --unsafe-fixes.
  request.diff = true;
  output = RunLint(request);
  CHECK(output.exit_code == 0);
  CHECK(output.out.empty());
  request.unsafe_fixes = true;
  output = RunLint(request);
  CHECK(output.exit_code == 1);
  CHECK(output.out.find("+++ b/") != std::string::npos);
  CHECK(output.out.find("\"hide\"") != std::string::npos);
  request.diff = false;
  request.unsafe_fixes = false;
  request.lint.server = "no-such-server";
  output = RunLint(request);
  CHECK(output.exit_code == 2);
  REQUIRE(output.errors.size() == 1);
  CHECK(output.errors[0].find("unknown server \"no-such-server\" (--server)") == 0);
}

TEST_CASE("ServerChoice names a dump's server with --tools") {
  CatalogServer server;
  server.id = "tools from dump.json";
  ServerChoice choice;
  choice.server = &server;
  choice.source = ServerChoice::Source::kTools;
  CHECK(choice.Describe() == "the server described by dump.json (--tools)");
}

}  // namespace
}  // namespace mcpolicy

namespace mcpolicy {
namespace {

// Decisions are sorted in place and duplicates dropped after the sort: the first listed entry of
// a name is the one decided, wherever the others are; evidence is kept only for --explain.
TEST_CASE("recommend --tools: the first of a duplicated name decides, evidence only with explain") {
  DumpFile dump(R"({"tools": [
    {"name": "zeta_run", "description": "Runs a job."},
    {"name": "manage_job", "inputSchema": {"type": "object", "properties": {
      "action": {"type": "string", "enum": ["get", "delete"]}}}},
    {"name": "alpha_list", "description": "Lists things."},
    {"name": "manage_job", "description": "Reads a job."}
  ]})");
  RecommendRequest request;
  request.tools_path = dump.path;
  request.no_config = true;
  RecommendOutput output = RunRecommend(request);
  REQUIRE(output.exit_code == 0);
  REQUIRE(output.tools.size() == 3);
  CHECK(output.tools[0].name == "alpha_list");
  CHECK(output.tools[1].name == "manage_job");
  CHECK(output.tools[2].name == "zeta_run");
  CHECK(output.tools[1].argument == "action");  // the first entry, a multiplexer
  CHECK(output.tools[1].denied == std::vector<std::string>{"delete"});
  REQUIRE(output.warnings.size() == 1);
  CHECK(output.warnings[0].find("tool \"manage_job\" is listed 2 times; the first is used") !=
        std::string::npos);
  for (const ToolDecision& d : output.tools) CHECK(d.evidence.empty());
  request.explain = true;
  output = RunRecommend(request);
  REQUIRE(output.tools.size() == 3);
  for (const ToolDecision& d : output.tools) CHECK_FALSE(d.evidence.empty());
  CHECK(output.explain.find("manage_job") != std::string::npos);
}

}  // namespace
}  // namespace mcpolicy
