// GlobMatch: `*` and `?` within a segment, `**` across segments, anchored at both ends.
#include <catch2/catch.hpp>
#include <string>

#include "config/glob.h"

namespace mcpolicy {
namespace {

struct GlobCase {
  const char* glob;
  const char* path;
  bool match;
};

TEST_CASE("GlobMatch", "[config]") {
  const GlobCase cases[] = {
      {"policy.json", "policy.json", true},
      {"policy.json", "a/policy.json", false},  // anchored: no implicit **/
      {"*.json", "policy.json", true},
      {"*.json", "a/policy.json", false},  // * stays within a segment
      {"*.json", ".mcpolicy.json", true},
      {"*", "", false},
      {"p?licy.json", "policy.json", true},
      {"p?licy.json", "pélicy.json", true},  // ? is one code point, not one byte
      {"p?licy.json", "plicy.json", false},
      {"?", "/", false},
      {"policies/*.json", "policies/kestra.json", true},
      {"policies/*.json", "policies/team/kestra.json", false},
      {"policies/**", "policies/team/kestra.json", true},
      {"policies/**", "policies/kestra.json", true},
      {"policies/**", "other/kestra.json", false},
      {"**", "a/b/c.json", true},
      {"**/*.json", "kestra.json", true},  // ** matches zero segments
      {"**/*.json", "a/b/kestra.json", true},
      {"**/*.json", "a/b/kestra.yaml", false},
      {"a/**/b.json", "a/b.json", true},
      {"a/**/b.json", "a/x/y/b.json", true},
      {"a/**/b.json", "a/x/y/c.json", false},
      {"a**b", "axxb", true},  // ** inside a segment is *
      {"a**b", "ax/xb", false},
      {"*a*b*c*", "xaybzc", true},
      {"*a*b*c*", "xaybz", false},
      {"kestra-*.json", "kestra-prod.json", true},
      {"kestra-*.json", "kestra.json", false},
      {"*.json", "", false},
  };
  for (const GlobCase& c : cases) {
    INFO(c.glob << " vs " << c.path);
    CHECK(GlobMatch(c.glob, c.path) == c.match);
  }
}

TEST_CASE("GlobMatch: many stars stay fast", "[config]") {
  std::string glob = "*a*a*a*a*a*a*a*a*a*a*b";
  std::string path(5000, 'a');
  CHECK_FALSE(GlobMatch(glob, path));
  std::string deep;
  for (int i = 0; i < 200; ++i) deep += "d/";
  CHECK(GlobMatch("**/**/**/**/x", deep + "x"));
  CHECK_FALSE(GlobMatch("**/**/**/**/x", deep + "y"));
}

TEST_CASE("GlobMatchOrParent: an exclude glob covers a file or a directory above it", "[config]") {
  const GlobCase cases[] = {
      {"dumps", "dumps/x.json", true},
      {"dumps/", "dumps/a/x.json", true},  // a trailing slash, as in .gitignore
      {"dumps/**", "dumps/a/x.json", true},
      {"dumps", "dumps.json", false},
      {"dumps", "a/dumps/x.json", false},  // anchored, like every other glob
      {"**/dumps", "a/dumps/x.json", true},
      {"*.tools.json", "kestra.tools.json", true},
      {"*.tools.json", "a/kestra.tools.json", false},
      {"a/*", "a/b/c.json", true},  // "a/b" matches
      {"x.json", "", false},
  };
  for (const GlobCase& c : cases) {
    INFO(c.glob << " vs " << c.path);
    CHECK(GlobMatchOrParent(c.glob, c.path) == c.match);
  }
}

}  // namespace
}  // namespace mcpolicy
