// The YAML reader: tree shape, styles and positions, duplicates, anchors, merge keys, tags, and
// every refusal with its position and message.
#include <catch2/catch.hpp>
#include <string>

#include "yaml/scalar.h"
#include "yaml/tree.h"

namespace mcpolicy::yaml {
namespace {

using ErrorKind = ParseError::Kind;

TEST_CASE("yaml: mapping entries in file order, with styles and positions", "[yaml]") {
  Tree t = Tree::Parse("b: plain\na: 'single'\nc: \"dq \\u00e9\"\nd: |\n  lit\ne: >\n  fo\n  ld\nf: [1, x]\n");
  REQUIRE(t.ok());
  auto entries = t.Entries(t.root());
  REQUIRE(entries.size() == 6);
  CHECK(t.ScalarText(entries[0].first) == "b");
  CHECK(t.ScalarText(entries[1].first) == "a");
  CHECK(t.node(entries[0].second).style == Style::kPlain);
  CHECK(t.node(entries[1].second).style == Style::kSingle);
  CHECK(t.Quoted(entries[1].second));
  CHECK(t.node(entries[2].second).style == Style::kDouble);
  CHECK(t.ScalarText(entries[2].second) == "dq \xC3\xA9");
  CHECK(t.node(entries[3].second).style == Style::kLiteral);
  CHECK(t.ScalarText(entries[3].second) == "lit\n");
  CHECK(t.node(entries[4].second).style == Style::kFolded);
  CHECK(t.ScalarText(entries[4].second) == "fo ld\n");
  CHECK(t.node(entries[5].second).style == Style::kFlow);
  CHECK_FALSE(t.Quoted(entries[0].second));
  // The key and the value each have their own position.
  const Node& key = t.node(entries[1].first);
  const Node& value = t.node(entries[1].second);
  CHECK(key.begin.line == 2);
  CHECK(key.begin.column == 1);
  CHECK(value.begin.line == 2);
  CHECK(value.begin.column == 4);
  CHECK(value.begin.offset == 12);
  CHECK(t.text().substr(value.begin.offset, value.end - value.begin.offset) == "'single'");
  auto items = t.Items(entries[5].second);
  REQUIRE(items.size() == 2);
  CHECK(t.node(items[1]).begin.column == 8);
  CHECK(t.node(t.root()).style == Style::kBlock);
}

TEST_CASE("yaml: columns count code points; a BOM is not counted; CR and CRLF end lines", "[yaml]") {
  Tree t = Tree::Parse("\xEF\xBB\xBFk\xC3\xA9y: v\r\nx: w\ry: z\n");
  REQUIRE(t.ok());
  CHECK(t.bom());
  auto e = t.Entries(t.root());
  REQUIRE(e.size() == 3);
  CHECK(t.node(e[0].first).begin.column == 1);
  CHECK(t.node(e[0].second).begin.column == 6);  // "kéy: " is five code points
  CHECK(t.node(e[1].first).begin.line == 2);
  CHECK(t.node(e[2].first).begin.line == 3);
  CHECK(t.LineText(2) == "x: w");
}

TEST_CASE("yaml: scalars resolve as go-yaml v3 reads them", "[yaml]") {
  struct Row {
    const char* text;
    ScalarType type;
  };
  const Row rows[] = {
      {"", ScalarType::kNull},      {"~", ScalarType::kNull},        {"null", ScalarType::kNull},
      {"true", ScalarType::kBool},  {"False", ScalarType::kBool},    {"yes", ScalarType::kString},
      {"on", ScalarType::kString},  {"12", ScalarType::kInt},        {"-3", ScalarType::kInt},
      {"1_000", ScalarType::kInt},  {"0x1F", ScalarType::kInt},      {"0o17", ScalarType::kInt},
      {"0755", ScalarType::kInt},   {"1.5", ScalarType::kFloat},     {"1e3", ScalarType::kFloat},
      {".inf", ScalarType::kFloat}, {"08", ScalarType::kFloat},      {"5/hour", ScalarType::kString},
      {"1.2.3", ScalarType::kString}, {"abc", ScalarType::kString},  {"-", ScalarType::kString},
  };
  for (const Row& row : rows) {
    INFO(row.text);
    CHECK(ResolvePlain(row.text).type == row.type);
  }
  CHECK(ResolvePlain("0755").integer == 493);
  CHECK(ResolvePlain("1_000").integer == 1000);
  Tree t = Tree::Parse("a: '12'\nb: !!str 12\nc: !!float 3\nd: 12\n");
  REQUIRE(t.ok());
  auto e = t.Entries(t.root());
  CHECK(ResolveScalar(t, e[0].second).type == ScalarType::kString);
  CHECK(ResolveScalar(t, e[1].second).type == ScalarType::kString);
  CHECK(ResolveScalar(t, e[2].second).type == ScalarType::kFloat);
  CHECK(ResolveScalar(t, e[3].second).type == ScalarType::kInt);
}

TEST_CASE("yaml: duplicate keys are listed with both positions", "[yaml]") {
  Tree t = Tree::Parse("a: 1\nb:\n  c: 1\n  c: 2\na: 3\n'1': x\n1: y\n");
  REQUIRE(t.ok());
  REQUIRE(t.duplicates().size() == 2);
  const Duplicate& inner = t.duplicates()[0];
  CHECK(t.node(inner.first).begin.line == 3);
  CHECK(t.node(inner.second).begin.line == 4);
  CHECK(t.node(t.duplicates()[1].first).begin.line == 1);
  CHECK(t.node(t.duplicates()[1].second).begin.line == 5);
  // '1' (a string) and 1 (an integer) are different keys.
  Tree silent = Tree::Parse("a: 1\nb: 2\n");
  CHECK(silent.duplicates().empty());
}

TEST_CASE("yaml: aliases stay shared; merge keys give effective entries", "[yaml]") {
  Tree t = Tree::Parse("base: &b {x: 1, y: 2}\nuse: *b\nm:\n  <<: *b\n  y: 3\n  z: 4\n");
  REQUIRE(t.ok());
  uint32_t use = kNoNode, m = kNoNode;
  t.FindKey(t.root(), "use", &use);
  t.FindKey(t.root(), "m", &m);
  CHECK(t.node(use).kind == Kind::kAlias);
  CHECK(t.IsMap(use));
  CHECK(t.Entries(use).size() == 2);
  auto entries = t.Entries(m);
  REQUIRE(entries.size() == 3);  // y and z of its own, x merged
  CHECK(t.ScalarText(entries[0].first) == "y");
  CHECK(t.ScalarText(entries[0].second) == "3");
  CHECK(t.ScalarText(entries[2].first) == "x");
  CHECK(t.WrittenEntries(m).size() == 3);  // <<, y, z
  CHECK(t.duplicates().empty());           // a key overriding a merged one is no duplicate
}

struct Bad {
  const char* name;
  std::string text;
  ErrorKind kind;
  uint32_t line, column;
  const char* message;
};

TEST_CASE("yaml: refusals, each at its position with one message", "[yaml]") {
  std::string laughs = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 10; ++i) {
    std::string n = std::to_string(i), previous = std::to_string(i - 1);
    laughs.append("a").append(n).append(": &a").append(n).append(" [");
    for (int j = 0; j < 10; ++j) laughs.append(j ? ", *a" : "*a").append(previous);
    laughs.append("]\n");
  }
  std::string deep = "a: " + std::string(300, '[') + std::string(300, ']') + "\n";
  const Bad rows[] = {
      {"empty", "", ErrorKind::kEmpty, 1, 1, "file is empty; expected a YAML mapping"},
      {"comments", "# only\n", ErrorKind::kEmpty, 1, 1, "file holds only comments; expected a YAML mapping"},
      {"second document", "a: 1\n---\nb: 2\n", ErrorKind::kSecondDocument, 2, 1,
       "a second YAML document starts at line 2; a policy file holds one document, and Intercept would "
       "read only the first"},
      {"custom tag", "a: !Ref x\n", ErrorKind::kTag, 1, 4,
       "tag '!Ref' is not supported: a policy holds plain YAML values (only the core tags !!str, !!int, "
       "!!float, !!bool, !!null, !!seq and !!map are read)"},
      {"binary tag", "a: !!binary aGk=\n", ErrorKind::kTag, 1, 4,
       "tag '!!binary' is not supported: a policy holds plain YAML values (only the core tags !!str, !!int, "
       "!!float, !!bool, !!null, !!seq and !!map are read)"},
      {"tag misfit", "a: !!int abc\n", ErrorKind::kTag, 1, 4, "'abc' is not a valid !!int value"},
      {"undefined alias", "a: *nope\n", ErrorKind::kAlias, 1, 4, "alias *nope has no anchor &nope before it"},
      {"recursive alias", "a: &r [*r]\n", ErrorKind::kAlias, 1, 8,
       "alias *r is inside the node it names (a recursive alias)"},
      {"billion laughs", laughs, ErrorKind::kAlias, 5, 45,
       "aliases expand this document past 100590 nodes (a \"billion laughs\" document?); write the repeated "
       "parts out"},
      {"too deep", deep, ErrorKind::kDepth, 1, 259, "nesting deeper than 256 levels; a policy needs only a few"},
      {"collection key", "? [a]\n: b\n", ErrorKind::kKey, 1, 3,
       "a mapping or list cannot be a key; policy keys are plain names"},
      {"bad merge", "a:\n  <<: 5\n", ErrorKind::kSyntax, 2, 7,
       "a merge key '<<' takes a mapping or a list of mappings (such as *defaults)"},
      {"tab indent", "a:\n\t- b\n", ErrorKind::kSyntax, 2, 1, "a tab cannot indent YAML; indent with spaces"},
      {"colon in value", "a: b: c\n", ErrorKind::kSyntax, 1, 5,
       "unexpected ':' here: a value that contains \": \" must be in quotes, or this line is indented wrongly"},
      {"unterminated string", "a: \"abc\n", ErrorKind::kSyntax, 1, 4, "unterminated quoted string (opened at line 1, column 4)"},
      {"unclosed flow", "a: [1,\n", ErrorKind::kSyntax, 2, 1,
       "unexpected end of file: the list opened at line 1, column 4 is not closed"},
      {"bad indentation", "a:\n    b: 1\n  c: 2\n", ErrorKind::kSyntax, 3, 3,
       "expected a key of the mapping that starts at line 1, column 1; check the indentation"},
      {"reserved", "a: @x\n", ErrorKind::kSyntax, 1, 4,
       "'@' is reserved in YAML and cannot start a plain value; put the value in quotes"},
      {"invalid utf-8", "k: \"\xE9\"\n", ErrorKind::kEncoding, 1, 5, "invalid UTF-8: byte 0xE9 does not start a valid sequence"},
      {"nul", std::string("a: b\0", 5), ErrorKind::kNul, 1, 5, "NUL byte in the file (binary data?)"},
      {"utf-16 bom", "\xFF\xFE" "a\0:\0", ErrorKind::kEncoding, 1, 1,
       "file is UTF-16 or UTF-32 (it starts with a byte-order mark); save it as UTF-8"},
      {"utf-16 no bom", std::string("a\0:\0 \0", 6), ErrorKind::kEncoding, 1, 1,
       "file looks like UTF-16 or UTF-32 (NUL bytes between characters); save it as UTF-8"},
      {"control", "a: \x01\n", ErrorKind::kSyntax, 1, 4,
       "control character 0x01 is not allowed in YAML; write it as an escape in a double-quoted string"},
      {"bom then error", "\xEF\xBB\xBF" "a: b: c\n", ErrorKind::kSyntax, 1, 5,
       "unexpected ':' here: a value that contains \": \" must be in quotes, or this line is indented wrongly"},
  };
  for (const Bad& row : rows) {
    INFO(row.name);
    Tree t = Tree::Parse(row.text);
    REQUIRE_FALSE(t.ok());
    CHECK(t.error()->message == row.message);
    CHECK(t.error()->at.line == row.line);
    CHECK(t.error()->at.column == row.column);
    CHECK(t.error()->kind == row.kind);
    CHECK(t.nodes().empty());
  }
}

TEST_CASE("yaml: what is accepted on purpose", "[yaml]") {
  // One document with explicit markers, a %YAML directive, core tags, anchors used a few times.
  for (const char* text : {"%YAML 1.2\n---\na: 1\n...\n", "---\na: !!str 1\n", "a: &x 1\nb: *x\nc: *x\n",
                           "a: ! 12\n", "a:\n  - &r {n: 1}\n  - *r\n"}) {
    INFO(text);
    Tree t = Tree::Parse(text);
    CHECK(t.ok());
  }
  // Deep block nesting within the cap parses without recursion.
  std::string nested;
  for (int i = 0; i < 200; ++i) nested += std::string(static_cast<size_t>(i), ' ') + "k:\n";
  CHECK(Tree::Parse(nested).ok());
  CHECK_FALSE(Tree::Parse("a: 1", ParseOptions{3, 100000}).ok());  // over the size cap
}

}  // namespace
}  // namespace mcpolicy::yaml
