// Table-driven tests of every draft-07 keyword's verdict and exact error message.
#include <catch2/catch.hpp>
#include <string>

#include "mcpolicy/json.h"
#include "mcpolicy/schema.h"

namespace mcpolicy {
namespace {

// "pointer: message" per error, one per line; also checks IsValid agrees with Validate.
std::string Report(const std::string& schema, const std::string& instance) {
  SchemaCompileResult compiled = Schema::Compile(json::Document::Parse(schema));
  INFO(schema);
  REQUIRE(compiled.ok());
  json::Document doc = json::Document::Parse(instance);
  REQUIRE(doc.ok());
  std::string out;
  for (const SchemaError& e : compiled.schema->Validate(doc.root())) {
    out += e.pointer + ": " + e.message + "\n";
  }
  CHECK(compiled.schema->IsValid(doc.root()) == out.empty());
  return out;
}

struct Case {
  const char* schema;
  const char* instance;
  const char* expected;  // Report() output; "" for a valid instance
};

void RunCases(const Case* begin, const Case* end) {
  for (const Case* c = begin; c != end; ++c) {
    INFO("schema " << c->schema << "\ninstance " << c->instance);
    CHECK(Report(c->schema, c->instance) == c->expected);
  }
}

TEST_CASE("schema keywords: type, enum, const", "[schema]") {
  const Case cases[] = {
      {R"({"type": "string"})", R"("x")", ""},
      {R"({"type": "string"})", "5", ": expected string, found number\n"},
      {R"({"type": ["string", "null"]})", "true", ": expected string or null, found boolean\n"},
      {R"({"type": ["string", "number", "null"]})", "{}",
       ": expected string, number or null, found object\n"},
      {R"({"type": "integer"})", "1.0", ""},
      {R"({"type": "integer"})", "1.5", ": expected integer, found number\n"},
      {R"({"type": "number"})", "12345678901234567890123456789", ""},
      {R"({"enum": ["minute", "hour", "day"]})", R"("minut")",
       ": \"minut\" is not one of \"minute\", \"hour\", \"day\"; did you mean \"minute\"?\n"},
      {R"({"enum": ["minute", "hour", "day"]})", R"("week")",
       ": \"week\" is not one of \"minute\", \"hour\", \"day\"\n"},
      {R"({"enum": [1, "a", null]})", "2", ": 2 is not one of 1, \"a\", null\n"},
      {R"({"enum": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]})", "11",
       ": 11 is not one of the 10 allowed values\n"},
      {R"({"enum": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]})", "10.0", ""},
      {R"({"enum": [{"a": [1, 2]}]})", R"({"a": [1.0, 2]})", ""},
      {R"({"enum": ["only"]})", R"("other")", ": expected \"only\", found \"other\"\n"},
      {R"({"const": {"a": 1, "b": 2}})", R"({"b": 2, "a": 1})", ""},
      {R"({"const": 1})", "1.0", ""},
      {R"({"const": "x"})", R"("y")", ": expected \"x\", found \"y\"\n"},
      {R"({"const": [1]})", R"([true])", ": expected [1], found [true]\n"},
  };
  RunCases(std::begin(cases), std::end(cases));
}

TEST_CASE("schema keywords: numbers", "[schema]") {
  const Case cases[] = {
      {R"({"minimum": 1})", "0", ": must be >= 1, found 0\n"},
      {R"({"minimum": 1})", "1", ""},
      {R"({"maximum": 10})", "10.5", ": must be <= 10, found 10.5\n"},
      {R"({"exclusiveMinimum": 0})", "0", ": must be > 0, found 0\n"},
      {R"({"exclusiveMaximum": 1e3})", "1000", ": must be < 1e3, found 1000\n"},
      {R"({"multipleOf": 5})", "7", ": must be a multiple of 5, found 7\n"},
      {R"({"multipleOf": 0.01})", "19.99", ""},
      {R"({"multipleOf": 0.0001})", "0.0075", ""},
      {R"({"multipleOf": 0.123456789})", "1e308", ": must be a multiple of 0.123456789, found 1e308\n"},
      {R"({"minimum": 5})", R"("not a number")", ""},
  };
  RunCases(std::begin(cases), std::end(cases));
}

TEST_CASE("schema keywords: strings", "[schema]") {
  const Case cases[] = {
      {R"({"maxLength": 3})", R"("abcd")", ": must be at most 3 characters long, found 4\n"},
      {R"({"maxLength": 2})", R"("\u00e9\u00e9")", ""},  // code points, not bytes
      {R"({"minLength": 2})", R"("💩")", ": must be at least 2 characters long, found 1\n"},
      {R"({"minLength": 1})", R"("")", ": must be at least 1 character long, found 0\n"},
      {R"({"pattern": "^[a-z]+$"})", R"("x1")", ": \"x1\" does not match pattern ^[a-z]+$\n"},
      {R"({"pattern": "b"})", R"("abc")", ""},  // unanchored search, as ECMA-262
      {R"({"pattern": "^\\u00e9$"})", R"("é")", ""},
      {R"({"pattern": "^\\s$"})", R"("\u00a0")", ""},  // ECMA \s is Unicode white space
      {R"({"pattern": "^.$"})", R"("\n")", ": \"\\n\" does not match pattern ^.$\n"},
      {R"({"pattern": "^\\p{Letter}+$"})", R"("école")", ""},
      {R"({"format": "date"})", R"("2024-02-30")", ": \"2024-02-30\" is not a valid date\n"},
      {R"({"format": "ipv4"})", R"("10.0.0.1")", ""},
      {R"({"format": "no-such-format"})", R"("anything")", ""},
  };
  RunCases(std::begin(cases), std::end(cases));
}

TEST_CASE("schema keywords: arrays", "[schema]") {
  const Case cases[] = {
      {R"({"items": {"type": "integer"}})", "[1, \"a\", 3]", "/1: expected integer, found string\n"},
      {R"({"items": [{"type": "integer"}, {"type": "string"}]})", "[1, 2, 3]",
       "/1: expected string, found number\n"},
      {R"({"items": [{}], "additionalItems": false})", "[1, 2, 3]",
       "/1: unexpected item at index 1; the array may hold at most 1 item\n"},
      {R"({"items": [{}], "additionalItems": {"type": "string"}})", "[1, \"b\", 3]",
       "/2: expected string, found number\n"},
      {R"({"additionalItems": false})", "[1, 2]", ""},  // ignored without an items array
      {R"({"minItems": 1})", "[]", ": must have at least 1 item, found 0\n"},
      {R"({"maxItems": 2})", "[1, 2, 3]", ": must have at most 2 items, found 3\n"},
      {R"({"uniqueItems": true})", "[1, 2, 1.0, {\"a\": 1}, {\"a\": 1}]",
       "/2: item 2 duplicates item 0; items must be unique\n"
       "/4: item 4 duplicates item 3; items must be unique\n"},
      {R"({"uniqueItems": true})", "[[1], [true]]", ""},
      {R"({"contains": {"const": 3}})", "[1, 2]", ": no item matches the \"contains\" schema\n"},
      {R"({"contains": {"const": 3}})", "[]",
       ": must contain an item matching the \"contains\" schema, found an empty array\n"},
      {R"({"contains": {"const": 3}})", "[1, 3]", ""},
  };
  RunCases(std::begin(cases), std::end(cases));
}

TEST_CASE("schema keywords: uniqueItems over many items hashes", "[schema]") {
  std::string items = "[";
  for (int i = 0; i < 100; ++i) items += std::to_string(i) + ", ";
  items += "{\"k\": [1, 2]}, {\"k\": [2, 1]}, {\"k\": [1, 2.0]}]";
  CHECK(Report(R"({"uniqueItems": true})", items) ==
        "/102: item 102 duplicates item 100; items must be unique\n");
}

TEST_CASE("schema keywords: objects", "[schema]") {
  const Case cases[] = {
      {R"({"required": ["version", "tools"]})", R"({"tools": {}})",
       ": missing required key \"version\"\n"},
      {R"({"properties": {"a": {"type": "string"}}})", R"({"a": 1, "b": 2})",
       "/a: expected string, found number\n"},
      {R"({"properties": {"action": {}}, "additionalProperties": false})", R"({"actoin": 1})",
       "/actoin: unknown key \"actoin\"; did you mean \"action\"?\n"},
      {R"({"properties": {"a": {}, "b": {}}, "additionalProperties": false})", R"({"zzz": 1})",
       "/zzz: unknown key \"zzz\"; allowed keys are \"a\", \"b\"\n"},
      {R"({"properties": {"a": {}}, "additionalProperties": false})", R"({"zzz": 1})",
       "/zzz: unknown key \"zzz\"; the only allowed key is \"a\"\n"},
      {R"({"additionalProperties": false})", R"({"zzz": 1})",
       "/zzz: unknown key \"zzz\"; no keys are allowed here\n"},
      {R"({"patternProperties": {"^x-": {}}, "additionalProperties": false})", R"({"zzz": 1})",
       "/zzz: unknown key \"zzz\"; allowed keys must match ^x-\n"},
      {R"({"properties": {"a": {}}, "patternProperties": {"^x-": {}},
           "additionalProperties": false})",
       R"({"x-1": 1, "zzz": 1})",
       "/zzz: unknown key \"zzz\"; allowed keys are \"a\" and keys matching ^x-\n"},
      {R"({"patternProperties": {"^n_": {"type": "number"}}})", R"({"n_a": "s", "other": "s"})",
       "/n_a: expected number, found string\n"},
      {R"({"additionalProperties": {"type": "boolean"}})", R"({"a": true, "b": 0})",
       "/b: expected boolean, found number\n"},
      {R"({"properties": {"secret": false}})", R"({"secret": 1})", "/secret: key \"secret\" is not allowed\n"},
      {R"({"minProperties": 1})", "{}", ": must have at least 1 key, found 0\n"},
      {R"({"maxProperties": 1})", R"({"a": 1, "b": 2})", ": must have at most 1 key, found 2\n"},
      {R"({"propertyNames": {"pattern": "^[a-z]+$"}})", R"({"ok": 1, "Bad": 2})",
       "/Bad: key \"Bad\" does not match pattern ^[a-z]+$\n"},
      {R"({"propertyNames": {"maxLength": 2}})", R"({"abc": 1})",
       "/abc: must be at most 2 characters long, found 3\n"},
      {R"({"dependencies": {"a": ["b", "c"]}})", R"({"a": 1, "c": 2})", "/a: key \"a\" requires key \"b\"\n"},
      {R"({"dependencies": {"a": {"required": ["b"]}}})", R"({"a": 1})", ": missing required key \"b\"\n"},
      {R"({"dependencies": {"a": ["b"]}})", R"({"c": 1})", ""},
  };
  RunCases(std::begin(cases), std::end(cases));
}

TEST_CASE("schema keywords: applicators", "[schema]") {
  const Case cases[] = {
      {R"({"allOf": [{"type": "integer"}, {"minimum": 3}]})", "2", ": must be >= 3, found 2\n"},
      {R"({"allOf": [{"minimum": 3}, {"multipleOf": 2}]})", "1",
       ": must be >= 3, found 1\n: must be a multiple of 2, found 1\n"},
      {R"({"anyOf": [{"type": "string"}, {"minimum": 3}]})", "5", ""},
      {R"({"oneOf": [{"type": "integer"}, {"minimum": 2}]})", "1", ""},
      {R"({"oneOf": [{"type": "integer"}, {"minimum": 2}]})", "3",
       ": matches oneOf alternatives 0 and 1, but exactly one must match\n"},
      {R"({"not": {"type": "string"}})", R"("s")", ": must not match the \"not\" schema\n"},
      {R"({"if": {"minimum": 10}, "then": {"multipleOf": 10}, "else": {"maximum": 5}})", "15",
       ": must be a multiple of 10, found 15\n"},
      {R"({"if": {"minimum": 10}, "then": {"multipleOf": 10}, "else": {"maximum": 5}})", "7",
       ": must be <= 5, found 7\n"},
      {R"({"then": {"const": 1}})", "2", ""},  // then without if does nothing
      {"true", "[1]", ""},
      {"false", "1", ": no value is allowed here\n"},
      {R"({"definitions": {"a": {"type": "string"}}, "$ref": "#/definitions/a", "type": "number"})",
       R"("s")", ""},  // $ref hides its siblings in draft-07
      {R"({"items": {"$ref": "#/definitions/pos"}, "definitions": {"pos": {"minimum": 1}}})",
       "[1, 0]", "/1: must be >= 1, found 0\n"},
      {R"({"tilde~field": {"type": "integer"}, "properties": {"t": {"$ref": "#/tilde~0field"}}})",
       R"({"t": "x"})", "/t: expected integer, found string\n"},
      {R"({"a%b": {"type": "integer"}, "properties": {"t": {"$ref": "#/a%25b"}}})", R"({"t": "x"})",
       "/t: expected integer, found string\n"},
      {R"({"properties": {"t": {"$ref": "#node"}}, "definitions": {"n": {"$id": "#node", "type": "null"}}})",
       R"({"t": 1})", "/t: expected null, found number\n"},
  };
  RunCases(std::begin(cases), std::end(cases));
}

}  // namespace
}  // namespace mcpolicy
