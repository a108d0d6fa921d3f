// Table-driven tests of the positions parser: values, positions, duplicates and every error kind.
#include <catch2/catch.hpp>
#include <string>

#include "mcpolicy/json.h"

namespace mcpolicy::json {
namespace {

using Kind = ParseError::Kind;

TEST_CASE("parser: values and types", "[json]") {
  Document doc = Document::Parse(R"({"a": [1, -2.5, "x\n", true, false, null], "b": {}})");
  REQUIRE(doc.ok());
  Value root = doc.root();
  REQUIRE(root.is_object());
  REQUIRE(root.size() == 2);
  Value a = root.Find("a");
  REQUIRE(a.is_array());
  REQUIRE(a.size() == 6);
  std::vector<Value> items;
  for (Value v : a.elements()) items.push_back(v);
  REQUIRE(items.size() == 6);
  CHECK(items[0].as_number() == 1);
  CHECK(items[0].is_integer());
  CHECK(items[1].as_number() == -2.5);
  CHECK_FALSE(items[1].is_integer());
  CHECK(items[2].as_string() == "x\n");
  // An escaped NUL is legal JSON (only a raw NUL byte is not), kept inside the decoded string.
  Document nul = Document::Parse(R"(["a\u0000b"])");
  REQUIRE(nul.ok());
  CHECK((*nul.root().elements().begin()).as_string() == std::string_view("a\0b", 3));
  CHECK(items[3].as_bool());
  CHECK_FALSE(items[4].as_bool());
  CHECK(items[5].is_null());
  CHECK(root.Find("b").is_object());
  CHECK(root.Find("b").size() == 0);
  CHECK_FALSE(root.Find("c").valid());
}

TEST_CASE("parser: member iteration skips nested subtrees", "[json]") {
  Document doc = Document::Parse(R"({"x": {"y": [1, {"z": 2}]}, "w": 3})");
  REQUIRE(doc.ok());
  std::vector<std::string> names;
  for (auto m : doc.root().members()) names.emplace_back(m.name());
  CHECK(names == std::vector<std::string>{"x", "w"});
}

struct PositionCase {
  const char* text;
  const char* pointer;
  uint32_t line;
  uint32_t column;
};

TEST_CASE("parser: positions are 1-based lines and code-point columns", "[json]") {
  const PositionCase cases[] = {
      {"{\"a\": 1}", "/a", 1, 7},
      {"{\n  \"a\": 1,\n  \"b\": [true,\n    null]\n}", "/b/1", 4, 5},
      {"{\"é\": \"ü\", \"k\": 2}", "/k", 1, 17},  // é and ü count one column each
      {"\xEF\xBB\xBF{\"a\": 1}", "/a", 1, 7},  // the BOM is not counted
      {"{\r\n\"a\": 1}", "/a", 2, 6},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    Document doc = Document::Parse(c.text);
    REQUIRE(doc.ok());
    Value v = doc.Resolve(c.pointer);
    REQUIRE(v.valid());
    Location loc = v.location();
    CHECK(loc.line == c.line);
    CHECK(loc.column == c.column);
  }
}

TEST_CASE("parser: key positions and pointers", "[json]") {
  Document doc = Document::Parse("{\n  \"tools\": {\n    \"a/b~c\": {\"limits\": [{}]}\n  }\n}");
  REQUIRE(doc.ok());
  Value tools = doc.root().Find("tools");
  auto member = *tools.members().begin();
  CHECK(member.key.location().line == 3);
  CHECK(member.key.location().column == 5);
  CHECK(doc.PointerOf(member.key.index()) == "/tools/a~1b~0c");
  Value limit = doc.Resolve("/tools/a~1b~0c/limits/0");
  REQUIRE(limit.valid());
  CHECK(doc.PointerOf(limit.index()) == "/tools/a~1b~0c/limits/0");
  CHECK(doc.PointerOf(0) == "");
}

TEST_CASE("parser: end offsets cover the token or subtree", "[json]") {
  std::string text = R"({"a": [1, [2, []]], "b": "s\"t", "c": {}})";
  Document doc = Document::Parse(text);
  REQUIRE(doc.ok());
  auto span = [&](const char* ptr) {
    Value v = doc.Resolve(ptr);
    return text.substr(v.offset(), doc.EndOffset(v.index()) - v.offset());
  };
  CHECK(span("/a") == "[1, [2, []]]");
  CHECK(span("/a/1/1") == "[]");
  CHECK(span("/b") == R"("s\"t")");
  CHECK(span("/c") == "{}");
  CHECK(span("") == text);
}

TEST_CASE("parser: duplicate keys, compared after unescaping", "[json]") {
  Document doc = Document::Parse("{\"a\": 1,\n \"\\u0061\": 2, \"b\": {\"x\": 1, \"x\": 2}}");
  REQUIRE(doc.ok());
  REQUIRE(doc.duplicates().size() == 2);
  Value first(&doc, doc.duplicates()[0].first);
  Value second(&doc, doc.duplicates()[0].second);
  CHECK(first.location().line == 1);
  CHECK(second.location().line == 2);
  CHECK(second.as_string() == "a");
  CHECK(doc.root().Find("a").as_number() == 2);  // the last one wins
}

TEST_CASE("parser: duplicate detection in large objects", "[json]") {
  std::string text = "{";
  for (int i = 0; i < 1000; ++i) text += "\"k" + std::to_string(i) + "\": " + std::to_string(i) + ",";
  text += "\"k500\": 0}";
  Document doc = Document::Parse(text);
  REQUIRE(doc.ok());
  REQUIRE(doc.duplicates().size() == 1);
  CHECK(Value(&doc, doc.duplicates()[0].first).as_string() == "k500");
}

struct ErrorCase {
  std::string text;
  Kind kind;
  uint32_t line;
  uint32_t column;
  std::string message;
};

TEST_CASE("parser: errors name the exact position", "[json]") {
  const ErrorCase cases[] = {
      {"{\"a\": 1,}", Kind::kSyntax, 1, 8, "trailing comma before '}' is not allowed in JSON"},
      {"[1,\n 2,\n]", Kind::kSyntax, 2, 3, "trailing comma before ']' is not allowed in JSON"},
      {"", Kind::kEmpty, 1, 1, "file is empty; expected a JSON object"},
      {"  \n ", Kind::kEmpty, 2, 2, "file holds only whitespace; expected a JSON object"},
      {"{\"a\": 1} {\"b\": 2}", Kind::kTrailing, 1, 10,
       "a second JSON value after the first; a policy file holds one document"},
      {"{\"a\": 1} x", Kind::kTrailing, 1, 10,
       "unexpected character 'x'; expected end of file after the top-level value"},
      {"{\"a\": NaN}", Kind::kSyntax, 1, 7, "NaN is not a JSON number"},
      {"{'a': 1}", Kind::kSyntax, 1, 2, "strings and keys must use double quotes, not single quotes"},
      {"{// c\n}", Kind::kSyntax, 1, 2, "comments are not allowed in JSON"},
      {"{\"a\": 01}", Kind::kSyntax, 1, 7, "numbers must not have leading zeros"},
      {"{\"a\" 1}", Kind::kSyntax, 1, 6, "unexpected character '1'; expected ':' after the key"},
      {"{\"a\": 1 \"b\": 2}", Kind::kSyntax, 1, 9, "unexpected character '\"'; expected ',' or '}'"},
      {"{\"a\": [1, 2}", Kind::kSyntax, 1, 12, "unexpected character '}'; expected ',' or ']'"},
      {"{\"a\":\n [1, 2", Kind::kSyntax, 2, 7,
       "unexpected end of file: the array opened at line 2, column 2 is not closed"},
      {"{\"a\": \"x", Kind::kSyntax, 1, 7, "unterminated string (no closing '\"')"},
      {"{\"a\": \"\\q\"}", Kind::kSyntax, 1, 8,
       "invalid escape sequence '\\q'; valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX"},
      {"{\"a\": \"\\ud800\"}", Kind::kEncoding, 1, 8,
       "lone high surrogate \\ud800 is not followed by a low surrogate"},
      {"{\"a\": \"\\udc00\"}", Kind::kEncoding, 1, 8, "lone low surrogate \\udc00 is not a character"},
      {std::string("{\"a\": \"\xff\"}"), Kind::kEncoding, 1, 8,
       "invalid UTF-8 in a string: byte 0xFF does not start a valid sequence"},
      {std::string("{\"a\": \"\xc0\xaf\"}"), Kind::kEncoding, 1, 8,
       "invalid UTF-8 in a string: byte 0xC0 does not start a valid sequence"},
      {std::string("{\"a\": 1}\0", 9), Kind::kNul, 1, 9, "NUL byte in the file (binary data?)"},
      {std::string("{\"a\": \"x\0\"}", 11), Kind::kNul, 1, 9, "NUL byte inside a string"},
      {"\xFF\xFE{\0", Kind::kEncoding, 1, 1,
       "file is UTF-16 or UTF-32 (it starts with a byte-order mark); save it as UTF-8"},
      {std::string("{\0\"\0", 4), Kind::kEncoding, 1, 1,
       "file looks like UTF-16 or UTF-32 (NUL bytes between characters); save it as UTF-8"},
      {"{\"a\": True}", Kind::kSyntax, 1, 7, "'True' is not a JSON literal; use true, false or null"},
      {"{\"a\": \"x\ty\"}", Kind::kSyntax, 1, 9, "control character 0x09 inside a string must be escaped"},
  };
  for (const auto& c : cases) {
    INFO("input: " << c.text);
    Document doc = Document::Parse(c.text);
    REQUIRE_FALSE(doc.ok());
    const ParseError& e = *doc.error();
    CHECK(e.message == c.message);
    CHECK(static_cast<int>(e.kind) == static_cast<int>(c.kind));
    Location loc = doc.Locate(e.offset);
    CHECK(loc.line == c.line);
    CHECK(loc.column == c.column);
  }
}

TEST_CASE("parser: size cap", "[json]") {
  ParseOptions options;
  options.max_bytes = 4;
  Document doc = Document::Parse("{\"a\": 1}", options);
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.error()->kind == Kind::kTooLarge);
}

TEST_CASE("parser: numbers", "[json]") {
  Document doc = Document::Parse(
      R"([1e400, -1e400, 1e-400, 30000000000000000000000000000, 1.0, 0, -0, 2E+3])");
  REQUIRE(doc.ok());
  std::vector<Value> v;
  for (Value e : doc.root().elements()) v.push_back(e);
  CHECK(std::isinf(v[0].as_number()));
  CHECK((v[0].node().flags() & kFlagOverflow) != 0);
  CHECK(v[0].raw_number() == "1e400");
  CHECK(v[1].as_number() < 0);
  CHECK(v[2].as_number() == 0);
  CHECK(v[3].is_integer());
  CHECK(v[3].raw_number() == "30000000000000000000000000000");
  CHECK(v[4].is_integer());
  CHECK(v[7].as_number() == 2000);
}

TEST_CASE("parser: 100,000 levels of nesting neither recurse nor overflow", "[json]") {
  const size_t depth = 100000;
  std::string arrays(depth, '[');
  arrays += std::string(depth, ']');
  Document a = Document::Parse(arrays);
  REQUIRE(a.ok());
  CHECK(a.nodes().size() == depth);
  CHECK(a.EndOffset(0) == arrays.size());
  CHECK(a.PointerOf(depth - 1).size() == 2 * (depth - 1));

  std::string objects;
  for (size_t i = 0; i < depth; ++i) objects += "{\"a\":";
  objects += "1" + std::string(depth, '}');
  Document o = Document::Parse(objects);
  REQUIRE(o.ok());

  std::string unclosed(depth, '[');
  Document u = Document::Parse(unclosed);
  REQUIRE_FALSE(u.ok());
}

TEST_CASE("parser: line text", "[json]") {
  Document doc = Document::Parse("{\r\n  \"a\": 1\r\n}");
  REQUIRE(doc.ok());
  CHECK(doc.LineText(2) == "  \"a\": 1");
  CHECK(doc.line_count() == 3);
}

}  // namespace
}  // namespace mcpolicy::json
