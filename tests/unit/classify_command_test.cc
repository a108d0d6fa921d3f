// mcpolicy classify through its library entry point: input forms across batch boundaries, output
// order under parallel classification, and valid JSON however many batches there are.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "mcpolicy/classify_commands.h"

namespace mcpolicy {
namespace {

namespace fs = std::filesystem;

// 70,000 tools: more than the first batch (65,536) and several later ones.
constexpr size_t kTools = 70000;

std::string Name(size_t i) { return (i % 3 == 0 ? "delete_row_" : i % 3 == 1 ? "list_rows_" : "create_row_") + std::to_string(i); }

struct TempFile {
  fs::path path;
  TempFile(const std::string& stem, const std::string& text)
      : path(fs::temp_directory_path() / (stem + "-" + std::to_string(getpid()))) {
    std::ofstream(path, std::ios::binary) << text;
  }
  ~TempFile() { fs::remove(path); }
};

std::vector<nlohmann::json> Lines(const std::string& out) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
  return lines;
}

TEST_CASE("classify streams plain text and JSONL in order across batches") {
  bool jsonl = GENERATE(false, true);
  unsigned jobs = GENERATE(1u, 3u);
  std::string text;
  for (size_t i = 0; i < kTools; ++i) {
    text += jsonl ? "{\"name\": \"" + Name(i) + "\"}\n" : Name(i) + "\n";
  }
  TempFile file("mcpolicy-classify-stream", text);
  ClassifyRequest request;
  request.tools_path = file.path.string();
  request.format = ClassifyFormat::kJsonl;
  request.use_catalog = false;
  request.jobs = jobs;
  CommandOutput output = RunClassify(request);
  CHECK(output.errors.empty());
  CHECK(output.exit_code == 0);
  std::vector<nlohmann::json> lines = Lines(output.out);
  REQUIRE(lines.size() == kTools);
  for (size_t i = 0; i < kTools; i += 997) {
    CHECK(lines[i]["name"] == Name(i));
    CHECK(lines[i]["source"] == "heuristic");
  }
  CHECK(lines[0]["category"] == "destructive");
  CHECK(lines[1]["category"] == "read");
  CHECK(lines[2]["category"] == "write");
}

TEST_CASE("classify --format json is one valid document over several batches") {
  std::string text;
  for (size_t i = 0; i < kTools; ++i) text += Name(i) + "\n";
  TempFile file("mcpolicy-classify-json", text);
  ClassifyRequest request;
  request.tools_path = file.path.string();
  request.format = ClassifyFormat::kJson;
  request.jobs = 2;
  CommandOutput output = RunClassify(request);
  REQUIRE(output.exit_code == 0);
  nlohmann::json doc = nlohmann::json::parse(output.out);
  CHECK(doc["server"].is_null());
  REQUIRE(doc["tools"].size() == kTools);
  CHECK(doc["tools"][kTools - 1]["name"] == Name(kTools - 1));
}

TEST_CASE("classify: the done-when example comes from the catalog") {
  ClassifyRequest request;
  request.server = "kestra-io/mcp-server-python";
  request.names = {"manage_executions", "execute_flow", "delete_flow_logs", "list_executions",
                   "add_execution_labels"};
  request.format = ClassifyFormat::kJsonl;
  CommandOutput output = RunClassify(request);
  REQUIRE(output.exit_code == 0);
  std::vector<nlohmann::json> lines = Lines(output.out);
  REQUIRE(lines.size() == 5);
  const char* expected[] = {"destructive", "execute", "destructive", "read", "write"};
  for (size_t i = 0; i < 5; ++i) {
    CHECK(lines[i]["name"] == request.names[i]);
    CHECK(lines[i]["category"] == expected[i]);
    CHECK(lines[i]["source"] == "catalog");
    CHECK(lines[i]["confidence"] == 1);
  }
}

TEST_CASE("classify reports a bad JSONL line with its position and goes on (exit 1)") {
  TempFile file("mcpolicy-classify-bad", "{\"name\": \"list_rows\"}\n{\"name\": nope}\n{\"name\": \"drop_table\"}\n");
  ClassifyRequest request;
  request.tools_path = file.path.string();
  request.format = ClassifyFormat::kJsonl;
  request.use_catalog = false;
  CommandOutput output = RunClassify(request);
  CHECK(output.exit_code == 1);
  REQUIRE(output.errors.size() == 1);
  CHECK(output.errors[0].starts_with(file.path.string() + ":2:10: not valid JSON: "));
  CHECK(Lines(output.out).size() == 2);
}

}  // namespace
}  // namespace mcpolicy
