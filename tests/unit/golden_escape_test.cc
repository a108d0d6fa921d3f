// Every golden output (stdout `expected` and `stderr` of every case) is free of what a terminal
// acts on instead of showing: C0 controls but newline and tab, DEL, C1 controls, bidirectional
// formatting characters, line and paragraph separators, bytes that are not UTF-8. Colour
// sequences (ESC [ digits ; m) are allowed, and only them.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "mcpolicy/escape.h"
#include "mcpolicy/io.h"

namespace fs = std::filesystem;

namespace {

// The first offending offset in `text`, or npos.
size_t FirstUnsafe(const std::string& text) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\x1b') continue;
    size_t end = i + 1;
    bool colour = end < text.size() && text[end] == '[';
    for (++end; colour && end < text.size() && text[end] != 'm'; ++end) {
      colour = (text[end] >= '0' && text[end] <= '9') || text[end] == ';';
    }
    if (!colour || end >= text.size()) return i;
  }
  // Outside colour sequences, only newline and tab may need escaping.
  std::string stripped;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\x1b') {
      i = text.find('m', i);
      continue;
    }
    if (text[i] != '\n' && text[i] != '\t') stripped.push_back(text[i]);
  }
  return mcpolicy::NeedsEscaping(stripped) ? 0 : std::string::npos;
}

}  // namespace

TEST_CASE("the scan finds what it must", "[escape]") {
  CHECK(FirstUnsafe("plain text\n\tand tabs, \x1b[1;31mcolour\x1b[0m, caf\xc3\xa9") ==
        std::string::npos);
  for (std::string bad : {"a\rb", "a\x1b]0;title\x07", "\xc2\x9b" "31m", "\xe2\x80\xae", "\xe2\x81\xa6",
                          "\x7f", "\xe2\x80\xa8", "\xff", "\x1b"}) {
    INFO(bad);
    CHECK(FirstUnsafe(bad) != std::string::npos);
  }
}

TEST_CASE("no golden output holds control, bidi or invalid characters", "[escape]") {
  fs::path root = fs::path(MCPOLICY_SOURCE_DIR) / "tests" / "golden";
  size_t scanned = 0;
  for (const fs::directory_entry& e : fs::recursive_directory_iterator(root)) {
    std::string name = e.path().filename().string();
    if (!e.is_regular_file() || (name != "expected" && name != "stderr")) continue;
    if (e.path().parent_path().filename() == "files") continue;  // an input named so
    mcpolicy::ReadResult read = mcpolicy::ReadInput(e.path().string(), 64u << 20);
    REQUIRE(read.ok);
    INFO(e.path().string());
    CHECK(FirstUnsafe(read.data) == std::string::npos);
    ++scanned;
  }
  CHECK(scanned > 100);
}
