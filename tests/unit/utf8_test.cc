// utf8::AppendPrintable, shared by the text report's source lines and classify's table.
#include <catch2/catch.hpp>
#include <string>

#include "source/utf8.h"

namespace mcpolicy::utf8 {
namespace {

TEST_CASE("AppendPrintable replaces invalid bytes and control characters one for one") {
  const std::string kReplacement = "\xEF\xBF\xBD";
  struct Row {
    std::string in;
    bool keep_tabs;
    std::string want;
  };
  const Row rows[] = {
      {"plain", false, "plain"},
      {"caf\xC3\xA9", false, "caf\xC3\xA9"},
      {"a\tb", true, "a\tb"},
      {"a\tb", false, "a" + kReplacement + "b"},
      {std::string("a\0b", 3), true, "a" + kReplacement + "b"},
      {"a\x7f", true, "a" + kReplacement},
      {"\xC0\xAF", true, kReplacement + kReplacement},  // overlong: two invalid bytes
      {"\xFF", false, kReplacement},
  };
  for (const Row& row : rows) {
    std::string out = ">";
    AppendPrintable(out, row.in, row.keep_tabs);
    CHECK(out == ">" + row.want);
  }
}

}  // namespace
}  // namespace mcpolicy::utf8
