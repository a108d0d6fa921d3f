// How validation errors are reported: the fields of SchemaError, leaf causes only, the closest
// anyOf/oneOf branch, "did you mean", ordering, and the depth and recursion guards.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "mcpolicy/json.h"
#include "mcpolicy/schema.h"

namespace mcpolicy {
namespace {

Schema MustCompile(const std::string& text) {
  SchemaCompileResult compiled = Schema::Compile(json::Document::Parse(text));
  INFO(text);
  REQUIRE(compiled.ok());
  return std::move(*compiled.schema);
}

std::string Report(const Schema& schema, const json::Document& doc) {
  std::string out;
  for (const SchemaError& e : schema.Validate(doc.root())) out += e.pointer + ": " + e.message + "\n";
  CHECK(schema.IsValid(doc.root()) == out.empty());
  return out;
}

std::string Report(const std::string& schema, const std::string& instance) {
  json::Document doc = json::Document::Parse(instance);
  REQUIRE(doc.ok());
  return Report(MustCompile(schema), doc);
}

constexpr const char* kPolicySchema = R"json({
  "type": "object",
  "required": ["version"],
  "additionalProperties": false,
  "properties": {
    "version": {"const": "1"},
    "tools": {"type": "object", "additionalProperties": {"$ref": "#/definitions/tool"}}
  },
  "definitions": {
    "tool": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "action": {"enum": ["allow", "deny", "ask"]},
        "limit": {"type": "integer", "minimum": 1}
      }
    }
  }
})json";

TEST_CASE("schema report: error fields", "[schema]") {
  Schema schema = MustCompile(kPolicySchema);
  json::Document doc = json::Document::Parse(
      R"({"version": "1", "tools": {"exec": {"actoin": "allow", "action": "alow"}}})");
  REQUIRE(doc.ok());
  std::vector<SchemaError> errors = schema.Validate(doc.root());
  REQUIRE(errors.size() == 2);

  const SchemaError& unknown = errors[0];
  CHECK(unknown.keyword == "additionalProperties");
  CHECK(unknown.pointer == "/tools/exec/actoin");
  CHECK(unknown.schema_path == "#/definitions/tool/additionalProperties");
  CHECK(unknown.message == "unknown key \"actoin\"; did you mean \"action\"?");
  CHECK(unknown.offending == "actoin");
  CHECK(unknown.candidates == std::vector<std::string>{"\"action\"", "\"limit\""});
  // The node is the key itself, so a caret lands on "actoin" rather than on its value.
  CHECK(doc.nodes()[unknown.node].type() == json::Type::kKey);
  CHECK(doc.Locate(doc.nodes()[unknown.node].offset()).column == 37);

  const SchemaError& bad_enum = errors[1];
  CHECK(bad_enum.keyword == "enum");
  CHECK(bad_enum.pointer == "/tools/exec/action");
  CHECK(bad_enum.schema_path == "#/definitions/tool/properties/action/enum");
  CHECK(bad_enum.offending == "\"alow\"");
  CHECK(bad_enum.candidates == std::vector<std::string>{"\"allow\"", "\"deny\"", "\"ask\""});
  CHECK(doc.nodes()[bad_enum.node].type() == json::Type::kString);
}

TEST_CASE("schema report: errors come in instance order, then keyword", "[schema]") {
  CHECK(Report(kPolicySchema, R"({"tools": {"b": {"limit": 0}, "a": {"limit": "x"}}, "zz": 1})") ==
        ": missing required key \"version\"\n"
        "/tools/b/limit: must be >= 1, found 0\n"
        "/tools/a/limit: expected integer, found string\n"
        "/zz: unknown key \"zz\"; allowed keys are \"version\", \"tools\"\n");
}

TEST_CASE("schema report: did you mean", "[schema]") {
  const char* schema = R"({"properties": {"action": {}, "description": {}, "rate_limit": {}},
                           "additionalProperties": false})";
  CHECK(Report(schema, R"({"Action": 1})") == "/Action: unknown key \"Action\"; did you mean \"action\"?\n");
  CHECK(Report(schema, R"({"descriptoin": 1})") ==
        "/descriptoin: unknown key \"descriptoin\"; did you mean \"description\"?\n");
  CHECK(Report(schema, R"({"ratelimit": 1})") ==
        "/ratelimit: unknown key \"ratelimit\"; did you mean \"rate_limit\"?\n");
  // Too far from every candidate: list them instead.
  CHECK(Report(schema, R"({"xyz": 1})") ==
        "/xyz: unknown key \"xyz\"; allowed keys are \"action\", \"description\", \"rate_limit\"\n");
}

TEST_CASE("schema report: anyOf with no match reports the closest branch", "[schema]") {
  // The branch whose type matches wins over the one that fails on type.
  CHECK(Report(R"({"anyOf": [{"type": "string"}, {"type": "object", "required": ["name"]}]})",
               R"({"nme": 1})") == ": missing required key \"name\"\n");
  // Every branch fails on type: one merged message instead of two.
  CHECK(Report(R"({"anyOf": [{"type": "string"}, {"type": "array"}, {"type": "null"}]})", "5") ==
        ": expected string, array or null, found number\n");
  // Among same-type branches, a discriminator ("const") miss ranks a branch lower.
  const char* tagged = R"({"oneOf": [
      {"type": "object", "properties": {"kind": {"const": "file"}, "path": {"type": "string"}}},
      {"type": "object", "properties": {"kind": {"const": "http"}, "url": {"type": "string"}}}]})";
  CHECK(Report(tagged, R"({"kind": "http", "url": 5})") == "/url: expected string, found number\n");
  CHECK(Report(tagged, R"({"kind": "file", "path": 5})") == "/path: expected string, found number\n");
  // Then fewer errors win.
  CHECK(Report(R"({"anyOf": [{"required": ["a", "b"]}, {"required": ["c"]}]})", "{}") ==
        ": missing required key \"c\"\n");
  // Errors are leaf causes: no "does not match anyOf" parent line.
  CHECK(Report(R"({"properties": {"p": {"anyOf": [{"type": "integer", "minimum": 1}, {"type": "null"}]}}})",
               R"({"p": 0})") == "/p: must be >= 1, found 0\n");
}

TEST_CASE("schema report: oneOf matching several names them", "[schema]") {
  CHECK(Report(R"({"oneOf": [{"type": "number"}, {"minimum": 0}, {"maximum": 10}]})", "5") ==
        ": matches oneOf alternatives 0, 1 and 2, but exactly one must match\n");
}

TEST_CASE("schema report: deep instances hit the depth guard once", "[schema]") {
  constexpr int kLevels = 100000;
  std::string deep(kLevels, '[');
  deep += std::string(kLevels, ']');
  json::Document doc = json::Document::Parse(deep);
  REQUIRE(doc.ok());
  Schema schema = MustCompile(R"({"items": {"$ref": "#"}})");
  std::vector<SchemaError> errors = schema.Validate(doc.root());
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].keyword == "maxDepth");
  CHECK(errors[0].message == "nesting deeper than 512 levels is not validated");
  CHECK(errors[0].pointer.size() == 513 * 2);  // "/0" per level
  CHECK_FALSE(schema.IsValid(doc.root()));
  // A schema that does not descend never trips the guard.
  CHECK(MustCompile(R"({"type": "array"})").IsValid(doc.root()));
}

TEST_CASE("schema report: max_depth is configurable", "[schema]") {
  SchemaOptions options;
  options.max_depth = 2;
  auto compiled = Schema::Compile(json::Document::Parse(R"({"items": {"$ref": "#"}})"), options);
  REQUIRE(compiled.ok());
  json::Document ok = json::Document::Parse("[[[]]]");
  json::Document deep = json::Document::Parse("[[[[]]]]");
  CHECK(compiled.schema->IsValid(ok.root()));
  CHECK(Report(*compiled.schema, deep) == "/0/0/0: nesting deeper than 2 levels is not validated\n");
}

TEST_CASE("schema report: schema recursion without progress stops", "[schema]") {
  CHECK(Report(R"({"anyOf": [{"type": "string"}, {"$ref": "#"}]})", R"("s")") == "");
  CHECK(Report(R"({"allOf": [{"$ref": "#"}]})", "1") ==
        ": schema recursion deeper than 2048 steps is not validated\n");
}

TEST_CASE("schema report: a schema doubling its work per level stops at the step budget", "[schema]") {
  Schema schema = MustCompile(R"({"allOf": [{"items": {"$ref": "#"}}, {"items": {"$ref": "#"}}]})");
  json::Document doc = json::Document::Parse(std::string(40, '[') + "1" + std::string(40, ']'));
  std::vector<SchemaError> errors = schema.Validate(doc.root());  // 2^40 steps without a budget
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].keyword == "maxSteps");
  CHECK(errors[0].message ==
        "validation stopped here: the schema applies too many subschemas to this value");
  CHECK_FALSE(schema.IsValid(doc.root()));
}

TEST_CASE("schema report: validating a sub-value counts depth from it", "[schema]") {
  Schema schema = MustCompile(R"({"properties": {"a": {"type": "string"}}})");
  json::Document doc = json::Document::Parse(R"({"outer": {"a": 1}})");
  std::vector<SchemaError> errors = schema.Validate(doc.root().Find("outer"));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].pointer == "/outer/a");  // pointers stay document-absolute
}

}  // namespace
}  // namespace mcpolicy
