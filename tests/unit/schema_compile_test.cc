// Schema compilation: problems come back as values with their position; $id/$ref resolution
// across documents (registered, mapped directories, base directory, the draft-07 meta-schema).
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "mcpolicy/json.h"
#include "mcpolicy/schema.h"

namespace mcpolicy {
namespace {

// "line:col schema_path: message" per compile error, one per line.
std::string CompileErrors(const std::string& schema, const SchemaOptions& options = {}) {
  SchemaCompileResult compiled = Schema::Compile(json::Document::Parse(schema), options);
  CHECK(compiled.ok() == compiled.errors.empty());
  std::string out;
  for (const SchemaCompileError& e : compiled.errors) {
    out += std::to_string(e.location.line) + ":" + std::to_string(e.location.column) + " " +
           e.schema_path + ": " + e.message + "\n";
  }
  return out;
}

struct Case {
  const char* schema;
  const char* expected;
};

TEST_CASE("schema compile: errors name the problem and its position", "[schema]") {
  const Case cases[] = {
      {R"j({"pattern": "a(?=b)"})j",
       "1:13 #/pattern: pattern \"a(?=b)\" uses lookahead, which RE2 does not support\n"},
      {R"j({"pattern": "(?<!a)b"})j",
       "1:13 #/pattern: pattern \"(?<!a)b\" uses lookbehind, which RE2 does not support\n"},
      {R"j({"pattern": "(a)\\1"})j",
       "1:13 #/pattern: pattern \"(a)\\\\1\" uses a backreference, which RE2 does not support\n"},
      {R"j({"pattern": "(?i)abc"})j",
       "1:13 #/pattern: pattern \"(?i)abc\" uses an inline flag group, which is not ECMA-262 syntax\n"},
      {R"j({"pattern": "(abc"})j", "1:13 #/pattern: pattern \"(abc\" does not compile: missing ): (abc\n"},
      {"{\n  \"patternProperties\": {\n    \"^(?=x)\": {}\n  }\n}",
       "3:5 #/patternProperties/^(?=x): pattern \"^(?=x)\" uses lookahead, which RE2 does not support\n"},
      {R"j({"$ref": "#/definitions/missing"})j",
       "1:10 #/$ref: $ref \"#/definitions/missing\" points to nothing\n"},
      {R"j({"$ref": "other.json"})j",
       "1:10 #/$ref: cannot resolve $ref \"other.json\": no document is known by that URI\n"},
      {R"j({"$ref": "#nowhere"})j",
       "1:10 #/$ref: cannot resolve $ref \"#nowhere\": no schema has $id \"#nowhere\"\n"},
      {R"j({"$ref": 5})j", "1:10 #/$ref: \"$ref\" must be a string, found number\n"},
      {R"j({"$ref": "#"})j",
       "1:10 #/$ref: $ref \"#\" is part of a cycle of $refs that never reaches a schema\n"},
      {R"j({"type": "strng"})j", "1:10 #/type: unknown type \"strng\"; did you mean \"string\"?\n"},
      {R"j({"type": []})j", "1:10 #/type: \"type\" must be a type name or a non-empty array of type names\n"},
      {R"j({"minLength": -1})j", "1:15 #/minLength: \"minLength\" must be a non-negative integer\n"},
      {R"j({"maxItems": 1.5})j", "1:14 #/maxItems: \"maxItems\" must be a non-negative integer\n"},
      {R"j({"multipleOf": 0})j", "1:16 #/multipleOf: \"multipleOf\" must be a number greater than 0\n"},
      {R"j({"minimum": "1"})j", "1:13 #/minimum: expected a number, found string\n"},
      {R"j({"required": "a"})j", "1:14 #/required: \"required\" must be an array of strings\n"},
      {R"j({"properties": {"a": 1}})j", "1:22 #/properties/a: expected a schema (an object or a boolean), found number\n"},
      {R"j({"anyOf": []})j", "1:11 #/anyOf: expected a non-empty array of schemas\n"},
      {R"j({"enum": 1})j", "1:10 #/enum: \"enum\" must be an array\n"},
      {R"j({"uniqueItems": 1})j", "1:17 #/uniqueItems: \"uniqueItems\" must be a boolean\n"},
      {"5", "1:1 #: a schema must be an object or a boolean, found number\n"},
  };
  for (const Case& c : cases) {
    INFO(c.schema);
    CHECK(CompileErrors(c.schema) == c.expected);
  }
  // Not JSON at all: the parser's message, at the parser's position.
  CHECK_THAT(CompileErrors("{\"a\": "), Catch::StartsWith("1:7 : the schema is not valid JSON: "));
}

TEST_CASE("schema compile: every problem is reported, in document order", "[schema]") {
  CHECK(CompileErrors(R"j({"properties": {"a": {"pattern": "(?=x)"}, "b": {"minimum": "x"}},
                          "definitions": {"unused": {"pattern": "\\1"}}})j") ==
        "1:34 #/properties/a/pattern: pattern \"(?=x)\" uses lookahead, which RE2 does not support\n"
        "1:61 #/properties/b/minimum: expected a number, found string\n"
        "2:65 #/definitions/unused/pattern: pattern \"\\\\1\" uses a backreference, which RE2 does not support\n");
}

TEST_CASE("schema compile: a deeply nested schema is an error, not a crash", "[schema]") {
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "{\"not\": ";
  deep += "{}";
  deep += std::string(5000, '}');
  SchemaCompileResult compiled = Schema::Compile(json::Document::Parse(deep));
  REQUIRE_FALSE(compiled.ok());
  CHECK(compiled.errors[0].message == "schema nesting deeper than 256 levels is not supported");
}

TEST_CASE("schema compile: registered documents and the meta-schema", "[schema]") {
  SchemaOptions options;
  options.documents.push_back({"https://example.com/common.json",
                               R"j({"definitions": {"name": {"type": "string", "minLength": 1}}})j"});
  auto compiled = Schema::Compile(
      json::Document::Parse(
          R"j({"properties": {"n": {"$ref": "https://example.com/common.json#/definitions/name"}}})j"),
      options);
  REQUIRE(compiled.ok());
  json::Document doc = json::Document::Parse(R"j({"n": ""})j");
  auto errors = compiled.schema->Validate(doc.root());
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].schema_path == "https://example.com/common.json#/definitions/name/minLength");

  auto meta = Schema::Compile(json::Document::Parse(R"j({"$ref": "http://json-schema.org/draft-07/schema#"})j"));
  REQUIRE(meta.ok());
  json::Document good = json::Document::Parse(R"j({"type": "object", "properties": {"a": {"minimum": 1}}})j");
  json::Document bad = json::Document::Parse(R"j({"type": "objekt", "minLength": -1})j");
  CHECK(meta.schema->IsValid(good.root()));
  CHECK_FALSE(meta.schema->IsValid(bad.root()));
}

TEST_CASE("schema compile: $id changes the base URI of relative refs", "[schema]") {
  SchemaOptions options;
  options.documents.push_back({"http://example.com/folder/item.json", R"j({"type": "integer"})j"});
  auto compiled = Schema::Compile(json::Document::Parse(R"j({
      "$id": "http://example.com/root.json",
      "items": {"$id": "folder/", "items": {"$ref": "item.json"}}})j"),
                                  options);
  REQUIRE(compiled.ok());
  json::Document doc = json::Document::Parse(R"j([[1, "a"]])j");
  auto errors = compiled.schema->Validate(doc.root());
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].pointer == "/0/1");
}

#ifdef MCPOLICY_TEST_SUITE_DIR
TEST_CASE("schema compile: remote refs from a mapped directory or the base directory", "[schema]") {
  const std::string remotes = std::string(MCPOLICY_TEST_SUITE_DIR) + "/remotes";
  SchemaOptions mapped;
  mapped.mappings.push_back({"http://localhost:1234/", remotes});
  auto a = Schema::Compile(
      json::Document::Parse(R"j({"$ref": "http://localhost:1234/subSchemas.json#/refToInteger"})j"), mapped);
  REQUIRE(a.ok());
  json::Document one = json::Document::Parse("1"), text = json::Document::Parse("\"a\"");
  CHECK(a.schema->IsValid(one.root()));
  CHECK_FALSE(a.schema->IsValid(text.root()));

  SchemaOptions local;
  local.base_directory = remotes;
  auto b = Schema::Compile(json::Document::Parse(R"j({"$ref": "folder/folderInteger.json"})j"), local);
  REQUIRE(b.ok());
  CHECK_FALSE(b.schema->IsValid(text.root()));

  auto missing = Schema::Compile(json::Document::Parse(R"j({"$ref": "no-such-file.json"})j"), local);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.errors[0].message ==
        "cannot resolve $ref \"no-such-file.json\": cannot read " + remotes +
            "/no-such-file.json: No such file or directory");
}
#endif

TEST_CASE("schema compile: a compile error in a referenced document names that document", "[schema]") {
  SchemaOptions options;
  options.documents.push_back({"urn:other", R"j({"pattern": "(?!x)"})j"});
  auto compiled = Schema::Compile(json::Document::Parse(R"j({"$ref": "urn:other"})j"), options);
  REQUIRE(compiled.errors.size() == 1);
  CHECK(compiled.errors[0].source == "urn:other");
  CHECK(compiled.errors[0].schema_path == "urn:other#/pattern");
  CHECK(compiled.errors[0].location.column == 13);
}

}  // namespace
}  // namespace mcpolicy
