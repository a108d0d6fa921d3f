// Document::Locate on long lines (minified documents), where columns come from code-point marks,
// PointerOf with and without its parent table, and the tape's input size limit.
#include <catch2/catch.hpp>
#include <string>

#include "mcpolicy/json.h"

namespace mcpolicy::json {
namespace {

// The column by definition: one plus the code points between the line's start and `offset`.
uint32_t BruteColumn(const std::string& text, uint32_t offset) {
  size_t start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  start = (start == std::string::npos || start >= offset) ? 0 : start + 1;
  if (start == 0 && text.rfind("\xEF\xBB\xBF", 0) == 0) start = 3;
  uint32_t column = 1;
  for (size_t i = start; i < offset; ++i) {
    column += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  }
  return column;
}

TEST_CASE("json: Locate counts code points on a long minified line", "[json]") {
  for (bool bom : {false, true}) {
    std::string text = bom ? "\xEF\xBB\xBF" : "";
    text += "{\"pad\": \"";
    // Mixed 1-, 2-, 3- and 4-byte characters, so marks fall inside multi-byte sequences.
    for (int i = 0; i < 3000; ++i) {
      text += (i % 7 == 0)    ? "\xC3\xA9"
              : (i % 11 == 0) ? "\xE2\x82\xAC"
              : (i % 13 == 0) ? "\xF0\x9F\x98\x80"
                              : "x";
    }
    text += "\", \"tools\": {";
    for (int i = 0; i < 400; ++i) {
      text += (i ? ", \"t" : "\"t") + std::to_string(i) + "\": {}";
    }
    text += "}}\n{";  // a second line, and a parse error on it
    Document doc = Document::Parse(text);
    REQUIRE_FALSE(doc.ok());
    CHECK(doc.Locate(doc.error()->offset).line == 2);
    Document ok = Document::Parse(text.substr(0, text.size() - 2));
    REQUIRE(ok.ok());
    size_t checked = 0;
    for (uint32_t i = 0; i < ok.nodes().size(); i += 7) {
      uint32_t offset = ok.nodes()[i].offset();
      Location loc = ok.Locate(offset);
      INFO("node " << i << " offset " << offset);
      CHECK(loc.line == 1);
      CHECK(loc.column == BruteColumn(ok.text(), offset));
      ++checked;
    }
    CHECK(checked > 100);
    // The end of the text, an exact multiple of the stride or not.
    uint32_t end = static_cast<uint32_t>(ok.text().size());
    CHECK(ok.Locate(end).column == BruteColumn(ok.text(), end));
  }
}

}  // namespace
}  // namespace mcpolicy::json

namespace mcpolicy::json {
namespace {

// The first PointerOf calls walk down from the root; later ones use the parent table. Both must
// name every node the same way.
TEST_CASE("json: PointerOf by descent and by table agree", "[json]") {
  const std::string text = R"({"a": {"b~c": [1, {"d/e": [true, null, "x"]}, []], "": {}},
    "tools": {"t1": {"limits": [{"counter": "c", "max": 1}]}, "t2": {}}, "z": [[[]]]})";
  Document table = Document::Parse(text);
  REQUIRE(table.ok());
  for (int i = 0; i < 40; ++i) (void)table.PointerOf(0);  // past the descents: the table is built
  for (uint32_t i = 0; i < table.nodes().size(); ++i) {
    Document fresh = Document::Parse(text);  // its first call descends
    INFO("node " << i);
    CHECK(fresh.PointerOf(i) == table.PointerOf(i));
  }
  Document doc = Document::Parse(text);
  CHECK(doc.PointerOf(doc.root().Find("a").Find("b~c").index()) == "/a/b~0c");
  Value deep = doc.Resolve("/a/b~0c/1/d~1e/2");
  REQUIRE(deep.is_string());
  CHECK(doc.PointerOf(deep.index()) == "/a/b~0c/1/d~1e/2");
  CHECK(doc.PointerOf(doc.root().index()) == "");
  Value empty_key = doc.Resolve("/a/");
  REQUIRE(empty_key.is_object());
  CHECK(doc.PointerOf(empty_key.index()) == "/a/");
  CHECK(doc.PointerOf(doc.Resolve("/z/0/0").index()) == "/z/0/0");
}

}  // namespace
}  // namespace mcpolicy::json

namespace mcpolicy::json {
namespace {

// Node offsets are 26 bits: a larger input is refused even when the caller's cap allows it.
TEST_CASE("json: inputs past the tape's 64 MiB position range are refused", "[json]") {
  ParseOptions options;
  options.max_bytes = 1ull << 30;
  std::string text(kMaxDocumentBytes + 1, ' ');
  text[0] = '1';
  Document doc = Document::Parse(std::move(text), options);
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.error()->kind == ParseError::Kind::kTooLarge);
  CHECK(doc.error()->message.find("64 MiB") != std::string::npos);
  std::string fits(kMaxDocumentBytes, ' ');
  fits[0] = '1';
  CHECK(Document::Parse(std::move(fits), options).ok());
}

}  // namespace
}  // namespace mcpolicy::json
