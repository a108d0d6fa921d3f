// Table-driven tests of the name tokenizer (lib/src/classify/tokenizer.h).
#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "classify/tokenizer.h"

namespace mcpolicy::classify {
namespace {

struct Case {
  std::string_view input;
  std::vector<std::string_view> tokens;
  size_t segment;
};

std::vector<std::string> Split(std::string_view input,
                               const TokenizeOptions& options,
                               size_t* segment = nullptr) {
  TokenBuffer buffer;
  Tokenize(input, options, &buffer);
  std::vector<std::string> out;
  for (size_t i = 0; i < buffer.count; ++i) out.emplace_back(buffer.at(i));
  if (segment) *segment = buffer.segment;
  return out;
}

TEST_CASE("Tokenize splits every naming style into lower-case words",
          "[classify]") {
  const Case kCases[] = {
      {"delete_file", {"delete", "file"}, 0},
      {"list-issues", {"list", "issues"}, 0},
      {"createPullRequest", {"create", "pull", "request"}, 0},
      {"DeleteObjectVersion", {"delete", "object", "version"}, 0},
      {"getHTTPResponse", {"get", "http", "response"}, 0},
      {"HTTPGet", {"http", "get"}, 0},
      {"getV2Users", {"get", "users"}, 0},  // a version marker is no word of the name
      {"d1_database_delete", {"d1", "database", "delete"}, 0},
      {"n8n_list_workflows", {"n8n", "list", "workflows"}, 0},
      {"s3.put_object", {"s3", "put", "object"}, 1},
      {"mcp__github__create_issue", {"mcp", "github", "create", "issue"}, 2},
      {"Twilio--CreateCall", {"twilio", "create", "call"}, 1},
      {"API-post-page", {"api", "post", "page"}, 0},
      {"atlas-create-free-cluster", {"atlas", "create", "free", "cluster"}, 0},
      {"rerun_stats", {"rerun", "stats"}, 0},
      {"__leading__and__trailing__", {"leading", "and", "trailing"}, 2},
      {"", {}, 0},
      {"___", {}, 0},
  };
  for (const Case& c : kCases) {
    INFO("input: " << c.input);
    size_t segment = 99;
    const std::vector<std::string> got =
        Split(c.input, TokenizeOptions{}, &segment);
    REQUIRE(got.size() == c.tokens.size());
    for (size_t i = 0; i < got.size(); ++i) CHECK(got[i] == c.tokens[i]);
    CHECK(segment == c.segment);
  }
}

TEST_CASE("Adjacent tokens form a contiguous pair view for phrases",
          "[classify]") {
  TokenBuffer buffer;
  Tokenize("browser-Dry--Run.now", TokenizeOptions{}, &buffer);
  REQUIRE(buffer.count == 4);
  CHECK(buffer.pair(1) == "dry_run");
  CHECK(buffer.pair(0) == "browser_dry");
}

TEST_CASE("Prose mode keeps words whole and stops at the first clause",
          "[classify]") {
  TokenizeOptions prose;
  prose.split_case = false;
  prose.find_segments = false;
  prose.first_clause = true;
  CHECK(Split("Deletes a GitHub repository. Cannot be undone.", prose) ==
        std::vector<std::string>{"deletes", "a", "github", "repository"});
  CHECK(Split("Use e.g. v1.2 here: more", prose) ==
        std::vector<std::string>{"use", "e", "g", "v1", "2", "here"});
  CHECK(Split("Manage apps (create, delete)", prose) ==
        std::vector<std::string>{"manage", "apps"});
}

TEST_CASE("Tokenize bounds its work on pathological input", "[classify]") {
  const std::string long_name(5000, 'a');
  CHECK(Split(long_name, TokenizeOptions{}).size() == 1);
  std::string many;
  for (int i = 0; i < 100; ++i) many += "w_";
  CHECK(Split(many, TokenizeOptions{}).size() == kMaxTokens);
  std::string camel;
  for (int i = 0; i < 100; ++i) camel += "aB";
  CHECK(Split(camel, TokenizeOptions{}).size() == kMaxTokens);
}

}  // namespace
}  // namespace mcpolicy::classify
