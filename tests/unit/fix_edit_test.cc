// The pieces of lint --fix: applying edits, the unified diff, style detection and rendering.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "fix/style.h"
#include "mcpolicy/fix.h"
#include "mcpolicy/json.h"

namespace mcpolicy {
namespace {

TEST_CASE("ApplyEdits applies edits in order and refuses overlaps") {
  struct Row {
    std::vector<TextEdit> edits;
    bool ok;
    const char* want;
  };
  const Row rows[] = {
      {{{0, 1, "X"}, {4, 5, "Y"}}, true, "Xbcd" "Yf"},
      {{{4, 5, "Y"}, {0, 1, "X"}}, true, "XbcdYf"},          // any order
      {{{2, 2, "1"}, {2, 2, "2"}}, true, "ab12cdef"},        // same offset: given order
      {{{0, 2, ""}, {2, 2, "+"}}, true, "+cdef"},            // removal then insertion at its end
      {{{0, 3, ""}, {2, 4, ""}}, false, "abcdef"},           // overlap
      {{{5, 9, ""}}, false, "abcdef"},                       // past the end
      {{}, true, "abcdef"},
  };
  for (const Row& row : rows) {
    std::string text = "abcdef";
    CHECK(ApplyEdits(text, row.edits) == row.ok);
    CHECK(text == row.want);
  }
}

TEST_CASE("UnifiedDiff writes hunks with three lines of context") {
  std::string before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n";
  std::string after = "1\n2\nthree\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\nseventeen\n";
  CHECK(UnifiedDiff("p.json", before, after) ==
        "--- a/p.json\n+++ b/p.json\n"
        "@@ -1,6 +1,6 @@\n 1\n 2\n-3\n+three\n 4\n 5\n 6\n"
        "@@ -14,3 +14,4 @@\n 14\n 15\n 16\n+seventeen\n");
  CHECK(UnifiedDiff("p.json", before, before).empty());
  // Changes up to six lines apart share a hunk.
  CHECK(UnifiedDiff("p", "a\nb\nc\nd\ne\nf\ng\nh\n", "A\nb\nc\nd\ne\nf\ng\nH\n") ==
        "--- a/p\n+++ b/p\n@@ -1,8 +1,8 @@\n-a\n+A\n b\n c\n d\n e\n f\n g\n-h\n+H\n");
  CHECK(UnifiedDiff("p", "a", "b") ==
        "--- a/p\n+++ b/p\n@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+b\n"
        "\\ No newline at end of file\n");
  CHECK(UnifiedDiff("p", "", "x\n") == "--- a/p\n+++ b/p\n@@ -0,0 +1 @@\n+x\n");
}

// The diff of a large text whose changes are spread through it (lint --fix edits every tool):
// split at the lines both texts have once, it is still the smallest one.
TEST_CASE("UnifiedDiff of a large text with scattered changes") {
  std::string before, after, want_removed, want_added;
  const int kLines = 60000;
  for (int i = 0; i < kLines; ++i) {
    std::string line = "line " + std::to_string(i) + "\n";
    before += line;
    if (i % 250 == 20) {  // changed
      after += "changed " + std::to_string(i) + "\n";
      want_removed += "-" + line;
      want_added += "+changed " + std::to_string(i) + "\n";
    } else {
      after += line;
    }
    if (i % 100 == 50) {  // a line inserted after it, repeated so it is never unique
      after += "}\n";
      want_added += "+}\n";
    }
  }
  std::string diff = UnifiedDiff("big.json", before, after);
  std::string removed, added;
  size_t hunks = 0;
  for (size_t at = 0; at < diff.size();) {
    size_t end = diff.find('\n', at) + 1;
    std::string_view line(diff.data() + at, end - at);
    if (line.starts_with("@@")) ++hunks;
    if (line.starts_with("-") && !line.starts_with("---")) removed += line;
    if (line.starts_with("+") && !line.starts_with("+++")) added += line;
    at = end;
  }
  CHECK(removed == want_removed);
  CHECK(added == want_added);
  CHECK(hunks == 840);  // 600 insertions and 240 changes, none within 6 lines of another
  // One of them in full: "line 270" (line 271 of the file, three lines inserted before it).
  CHECK(diff.find("@@ -268,7 +271,7 @@\n line 267\n line 268\n line 269\n-line 270\n"
                  "+changed 270\n line 271\n line 272\n line 273\n") != std::string::npos);
}

// Texts with no line in common cost memory quadratic in their differences under Myers'
// algorithm; past a bound the part is written as deleted and inserted whole.
TEST_CASE("UnifiedDiff of texts with nothing in common stays within its memory bound") {
  std::string before, after, want = "--- a/p\n+++ b/p\n@@ -1,3000 +1,3000 @@\n";
  for (int i = 0; i < 3000; ++i) before += "a\n", want += "-a\n";
  for (int i = 0; i < 3000; ++i) after += "b\n", want += "+b\n";
  CHECK(UnifiedDiff("p", before, after) == want);
}

TEST_CASE("DetectStyle reads the file's line endings, indent and spacing") {
  struct Row {
    const char* text;
    fix::SourceStyle want;
  };
  const Row rows[] = {
      {"{\n  \"a\": 1\n}\n", {"\n", "  ", ": ", ", ", " ", ""}},
      {"{\r\n\t\"a\" : [ 1 ,2 ],\r\n\t\"b\": {\"x\":1}\r\n}", {"\r\n", "\t", " : ", " ,", "", " "}},
      {"{    \"a\":{ \"b\": 1,  \"c\": 2 }}", {"\n", "  ", ":", ",  ", "    ", ""}},
      {"{\n    \"tools\": {}\n}", {"\n", "    ", ": ", ", ", " ", ""}},
  };
  for (const Row& row : rows) {
    INFO(row.text);
    json::Document doc = json::Document::Parse(row.text);
    REQUIRE(doc.ok());
    fix::SourceStyle got = fix::DetectStyle(doc);
    CHECK(got.newline == row.want.newline);
    CHECK(got.indent_unit == row.want.indent_unit);
    CHECK(got.colon == row.want.colon);
    CHECK(got.comma == row.want.comma);
    CHECK(got.object_pad == row.want.object_pad);
    CHECK(got.array_pad == row.want.array_pad);
  }
}

TEST_CASE("Render keeps records on one line and spreads the rest when asked") {
  using fix::NewValue;
  fix::SourceStyle style;
  NewValue limit = NewValue::Object({{"max", NewValue::Raw("10")}, {"scope", NewValue::String("grant")}});
  NewValue entry = NewValue::Object({{"limits", NewValue::Array({limit})}});
  CHECK(fix::Render(limit, style, true, "") == "{ \"max\": 10, \"scope\": \"grant\" }");
  CHECK(fix::Render(entry, style, false, "") == "{ \"limits\": [{ \"max\": 10, \"scope\": \"grant\" }] }");
  CHECK(fix::Render(entry, style, true, "  ") ==
        "{\n    \"limits\": [\n      { \"max\": 10, \"scope\": \"grant\" }\n    ]\n  }");
  CHECK(fix::Render(NewValue::Array({NewValue::String("a\"b")}), style, true, "") == "[\"a\\\"b\"]");
  CHECK(fix::Render(NewValue::Object(), style, true, "") == "{}");
  style.newline = "\r\n";
  style.indent_unit = std::string(1, '\t');  // not = "\t": gcc 12 -Wrestrict false positive
  CHECK(fix::Render(NewValue::Array({limit}), style, true, "") ==
        "[\r\n\t{ \"max\": 10, \"scope\": \"grant\" }\r\n]");
}

TEST_CASE("IsOneLine and LineIndent") {
  json::Document doc = json::Document::Parse("{\"a\": {\"b\": [1]},\n \t\"c\": {}}");
  REQUIRE(doc.ok());
  json::Value a = doc.root().Find("a");
  json::Value c = doc.root().Find("c");
  CHECK(fix::LineIndent(doc, a.offset()) == "");
  CHECK(fix::LineIndent(doc, c.offset()) == " \t");
  CHECK(fix::IsOneLine(doc, a.index()));
  CHECK_FALSE(fix::IsOneLine(doc, 0));
}

}  // namespace
}  // namespace mcpolicy
