// The schema area's pieces: format checks, ECMA-262 pattern translation, URI resolution and
// JSON Schema equality.
#include <catch2/catch.hpp>
#include <string>

#include "mcpolicy/json.h"
#include "schema/equality.h"
#include "schema/formats.h"
#include "schema/regex.h"
#include "schema/uri.h"

namespace mcpolicy::schema {
namespace {

struct FormatCase {
  const char* format;
  const char* text;
  bool valid;
};

TEST_CASE("schema formats: accepted and rejected strings", "[schema]") {
  const FormatCase cases[] = {
      {"date-time", "1963-06-19T08:30:06.283185Z", true},
      {"date-time", "1963-06-19t08:30:06z", true},
      {"date-time", "1990-12-31T15:59:60-08:00", true},  // leap second at 23:59:60 UTC
      {"date-time", "1990-12-31T15:59:60Z", false},
      {"date-time", "1990-02-31T15:59:59Z", false},
      {"date-time", "2013-350T01:01:01", false},
      {"date", "2024-02-29", true},
      {"date", "2023-02-29", false},
      {"date", "06/19/1963", false},
      {"time", "08:30:06+02:00", true},
      {"time", "08:30:06", false},  // RFC 3339 requires the offset
      {"time", "24:00:00Z", false},
      {"email", "joe.bloggs@example.com", true},
      {"email", "\"joe bloggs\"@example.com", true},
      {"email", "joe..bloggs@example.com", false},
      {"email", "2962", false},
      {"idn-email", "실례@실례.테스트", true},
      {"hostname", "www.example.com", true},
      {"hostname", "xn--4gbwdl.xn--wgbh1c", true},
      {"hostname", "-bad.example.com", false},
      {"hostname", "not_valid", false},
      {"hostname", "example.com.", false},
      {"hostname", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com", false},
      {"idn-hostname", "실례.테스트", true},
      {"ipv4", "192.168.0.1", true},
      {"ipv4", "256.0.0.1", false},
      {"ipv4", "01.2.3.4", false},
      {"ipv4", "1.2.3", false},
      {"ipv6", "::1", true},
      {"ipv6", "2001:db8::7", true},
      {"ipv6", "::ffff:192.168.0.1", true},
      {"ipv6", "1:2:3:4:5:6:7:8:9", false},
      {"ipv6", "12345::", false},
      {"ipv6", "1::2::3", false},
      {"uri", "http://foo.bar/?baz=qux#quux", true},
      {"uri", "urn:oasis:names:specification:docbook:dtd:xml:4.1.2", true},
      {"uri", "http://[2001:db8::7]:8080/x", true},
      {"uri", "//foo.bar/", false},
      {"uri", "http:// shouldfail.com", false},
      {"uri", "http://example.com/%zz", false},
      {"uri-reference", "/abc", true},
      {"uri-reference", "#fragment", true},
      {"uri-reference", "\\\\WINDOWS\\fileshare", false},
      {"iri", "http://ƒøø.ßår/?∂éœ=πîx#πîüx", true},
      {"iri-reference", "âππ", true},
      {"uri-template", "http://example.com/dictionary/{term:1}/{term}", true},
      {"uri-template", "http://example.com/dictionary/{term:1}/{term", false},
      {"json-pointer", "/foo/bar~0/baz~1/%a", true},
      {"json-pointer", "", true},
      {"json-pointer", "/foo/bar~", false},
      {"json-pointer", "#/a", false},
      {"relative-json-pointer", "0#", true},
      {"relative-json-pointer", "2/0/baz", true},
      {"relative-json-pointer", "/foo", false},
      {"relative-json-pointer", "01/a", false},
      {"regex", "([abc])+\\s+$", true},
      {"regex", "^(abc]", false},
      {"regex", "\\Z", false},
  };
  for (const FormatCase& c : cases) {
    INFO(c.format << " " << c.text);
    Format f = FormatFromName(c.format);
    REQUIRE(f != Format::kNone);
    CHECK(FormatName(f) == c.format);
    CHECK(CheckFormat(f, c.text) == c.valid);
  }
  CHECK(FormatFromName("color") == Format::kNone);
}

struct PatternCase {
  const char* pattern;
  const char* text;
  bool matches;
};

TEST_CASE("schema regex: ECMA-262 semantics on RE2", "[schema]") {
  const PatternCase cases[] = {
      {"^\\u00e9$", "é", true},
      {"^\\ud83d\\udca9$", "💩", true},  // a surrogate pair is one code point
      {"^\\cC$", "\x03", true},
      {"^\\s$", "\xe2\x80\x83", true},  // EM SPACE
      {"^\\S$", "\xc2\xa0", false},     // NO-BREAK SPACE is white space
      {"^\\d$", "\xdf\x80", false},     // NKO DIGIT ZERO: \d is ASCII
      {"^\\w$", "é", false},
      {"^\\p{Letter}$", "é", true},
      {"^\\p{digit}+$", "\xe0\xa7\xaa", true},  // BENGALI DIGIT FOUR
      {"^.$", "\r", false},
      {"^[^]$", "\n", true},
      {"a[]", "a", false},
      {"^(?<year>\\d{4})$", "2024", true},
      {"^abc$", "abc\n", false},
  };
  for (const PatternCase& c : cases) {
    INFO(c.pattern << " on " << c.text);
    std::string error;
    auto re = CompileEcmaRegex(c.pattern, &error);
    REQUIRE(re != nullptr);
    CHECK(RE2::PartialMatch(c.text, *re) == c.matches);
  }
}

TEST_CASE("schema regex: features outside RE2 or ECMA-262 fail with a reason", "[schema]") {
  const std::pair<const char*, const char*> cases[] = {
      {"(?=a)", "pattern \"(?=a)\" uses lookahead, which RE2 does not support"},
      {"(?<=a)b", "pattern \"(?<=a)b\" uses lookbehind, which RE2 does not support"},
      {"(a)\\1", "pattern \"(a)\\\\1\" uses a backreference, which RE2 does not support"},
      {"(?<n>a)\\k<n>", "pattern \"(?<n>a)\\\\k<n>\" uses a named backreference, which RE2 does not support"},
      {"\\a", "pattern \"\\\\a\" uses \\a, which is not ECMA-262 syntax"},
      {"(?P<n>x)", "pattern \"(?P<n>x)\" uses a Python-style group \"(?P\", which is not ECMA-262 syntax"},
      {"(?#c)a", "pattern \"(?#c)a\" uses a comment group, which is not ECMA-262 syntax"},
      {"[z-a]", "pattern \"[z-a]\" does not compile: invalid character class range: z-a"},
  };
  for (const auto& [pattern, message] : cases) {
    std::string error;
    CHECK(CompileEcmaRegex(pattern, &error) == nullptr);
    CHECK(error == message);
  }
}

TEST_CASE("schema uri: RFC 3986 reference resolution", "[schema]") {
  const std::pair<const char*, const char*> cases[] = {
      {"g", "http://a/b/c/g"},          {"./g", "http://a/b/c/g"},
      {"g/", "http://a/b/c/g/"},        {"/g", "http://a/g"},
      {"//g", "http://g"},              {"?y", "http://a/b/c/d;p?y"},
      {"#s", "http://a/b/c/d;p?q#s"},   {"../g", "http://a/b/g"},
      {"../../../g", "http://a/g"},     {"g;x=1/../y", "http://a/b/c/y"},
      {"", "http://a/b/c/d;p?q"},       {"http://x/y", "http://x/y"},
  };
  for (const auto& [ref, expected] : cases) {
    CHECK(ResolveUri("http://a/b/c/d;p?q", ref) == expected);
  }
  CHECK(ResolveUri("", "#/definitions/a") == "#/definitions/a");
  CHECK(ResolveUri("", "../x.json") == "x.json");  // cannot climb out of a base directory
  CHECK(StripFragment("http://a/b#c") == "http://a/b");
  std::string decoded;
  CHECK(PercentDecode("a%25b%2F", &decoded));
  CHECK(decoded == "a%b/");
  CHECK_FALSE(PercentDecode("a%2", &decoded));
}

TEST_CASE("schema equality: JSON Schema's notion of equal", "[schema]") {
  const std::pair<const char*, const char*> equal[] = {
      {"1", "1.0"}, {"-0", "0"}, {"{\"a\": 1, \"b\": [1, {}]}", "{\"b\": [1.0, {}], \"a\": 1}"},
      {"\"\\u00e9\"", "\"é\""}, {"[]", "[]"}, {"null", "null"},
  };
  const std::pair<const char*, const char*> different[] = {
      {"1", "true"}, {"0", "false"}, {"[1, 2]", "[2, 1]"}, {"{\"a\": 1}", "{\"a\": 1, \"b\": 1}"},
      {"\"1\"", "1"}, {"{}", "[]"}, {"1e400", "2e400"},
  };
  for (const auto& [a, b] : equal) {
    json::Document da = json::Document::Parse(a), db = json::Document::Parse(b);
    INFO(a << " == " << b);
    CHECK(JsonEqual(da.root(), db.root()));
    CHECK(JsonHash(da.root()) == JsonHash(db.root()));
  }
  for (const auto& [a, b] : different) {
    json::Document da = json::Document::Parse(a), db = json::Document::Parse(b);
    INFO(a << " != " << b);
    CHECK_FALSE(JsonEqual(da.root(), db.root()));
  }
}

}  // namespace
}  // namespace mcpolicy::schema
