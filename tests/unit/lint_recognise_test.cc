// Recognise: which parsed files lint reads as policies, which are tools/list dumps, and which
// are neither; the dialect table and the extensions a directory walk picks up.
#include <catch2/catch.hpp>
#include <string>

#include "lint/recognise.h"

namespace mcpolicy {
namespace {

struct RecogniseCase {
  const char* text;
  FileKind kind;
};

TEST_CASE("Recognise: policies, misspelt or not, dumps and other JSON", "[lint]") {
  const RecogniseCase cases[] = {
      // Spelt right: any one key is enough ("version" only with its one value).
      {R"({"version": "1", "default": "deny"})", FileKind::kPolicy},
      {R"({"version": "1"})", FileKind::kPolicy},
      {R"({"tools": {"a": {}}})", FileKind::kPolicy},
      {R"({"hide": ["a"]})", FileKind::kPolicy},
      {R"({"default": "allow"})", FileKind::kPolicy},
      {R"({"all_tools": {}})", FileKind::kPolicy},
      // Misspelt: two points, a near key with the right shape counting two.
      {R"({"version": "1", "defualt": "allow", "tool": {"kubectl_delete": {}}})", FileKind::kPolicy},
      {R"({"defualt": "deny", "tool": {"kubectl_delete": {}}})", FileKind::kPolicy},
      {R"({"tool": {"kubectl_delete": {}}})", FileKind::kPolicy},
      {R"({"Default": "deny"})", FileKind::kPolicy},
      {R"({"hid": ["x"]})", FileKind::kPolicy},
      {R"({"verison": "1", "tool": 3})", FileKind::kPolicy},
      // Not policies: other formats with a version, one weak near miss, mcpolicy's own reports.
      {R"({"name": "app", "version": "1.0.0"})", FileKind::kOther},
      {R"({"tool": "eslint"})", FileKind::kOther},
      {R"({"defaults": {"x": 1}})", FileKind::kOther},
      {R"({"version": 1, "tool": {"name": "mcpolicy", "version": "0.1"}, "diagnostics": []})",
       FileKind::kOther},
      {R"({"version": 1, "findings": []})", FileKind::kOther},
      {R"({"mcpolicy_snapshot": 1, "servers": {}})", FileKind::kOther},
      {R"([1, 2])", FileKind::kOther},
      {R"("text")", FileKind::kOther},
      // tools/list dumps: the result, a JSON-RPC response wrapping one, an array of tools.
      {R"({"tools": [{"name": "a", "inputSchema": {"type": "object"}}]})", FileKind::kToolsDump},
      {R"({"tools": [], "nextCursor": "x"})", FileKind::kToolsDump},
      {R"({"jsonrpc": "2.0", "id": 1, "result": {"tools": [{"name": "a"}]}})",
       FileKind::kToolsDump},
      {R"([{"name": "a", "inputSchema": {}}])", FileKind::kToolsDump},
      // A policy with a malformed "tools" stays a policy, so lint reports it.
      {R"({"version": "1", "default": "deny", "tools": [{"name": "a"}]})", FileKind::kPolicy},
      {R"({"tools": ["a", "b"]})", FileKind::kPolicy},
      {R"({"tools": [{"name": "a"}], "default": "deny"})", FileKind::kPolicy},
  };
  for (const RecogniseCase& c : cases) {
    INFO(c.text);
    json::Document doc = json::Document::Parse(c.text);
    REQUIRE(doc.ok());
    Recognition r = Recognise(doc);
    CHECK(r.kind == c.kind);
    if (r.kind == FileKind::kPolicy) {
      REQUIRE(r.dialect != nullptr);
      CHECK(r.dialect->name == "PolicyLayer JSON");
    } else {
      CHECK_FALSE(r.reason.empty());
    }
  }
}

TEST_CASE("Recognise: the note on a dump counts its tools", "[lint]") {
  json::Document doc =
      json::Document::Parse(R"({"tools": [{"name": "a"}, {"name": "b"}]})");
  CHECK(Recognise(doc).reason ==
        "a tools/list dump (2 tools), not a policy; lint --tools FILE judges policies against it");
}

TEST_CASE("PolicyDialects: one row per dialect; its extensions drive the directory walk", "[lint]") {
  REQUIRE(PolicyDialects().size() == 1);
  CHECK(PolicyDialects()[0].name == "PolicyLayer JSON");
  CHECK(HasPolicyExtension("kestra.json"));
  CHECK_FALSE(HasPolicyExtension(".json"));
  CHECK_FALSE(HasPolicyExtension("kestra.yaml"));
  CHECK_FALSE(HasPolicyExtension("notes.txt"));
}

}  // namespace
}  // namespace mcpolicy
