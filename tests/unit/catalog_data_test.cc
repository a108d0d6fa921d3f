// Every bundled catalog file is schema-valid and consistent: unique ids matching the file names,
// unique aliases, unique tool names, and multiplexers rated by their worst operation.
#include <catch2/catch.hpp>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "mcpolicy/catalog.h"
#include "mcpolicy/embedded.h"
#include "mcpolicy/json.h"
#include "mcpolicy/schema.h"

namespace mcpolicy {
namespace {

constexpr std::string_view kServersDir = "catalog/servers/";

std::vector<embedded::File> CatalogFiles() {
  std::vector<embedded::File> out;
  for (const embedded::File& f : embedded::Files()) {
    if (f.path.starts_with(kServersDir) && f.path.ends_with(".json")) out.push_back(f);
  }
  return out;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The labelling order, written out here independently of the library's CategoryRank.
int Rank(std::string_view category) {
  static const std::map<std::string_view, int> kRank = {{"other", 0},   {"read", 1},
                                                        {"write", 2},   {"execute", 3},
                                                        {"destructive", 4}, {"financial", 5}};
  auto it = kRank.find(category);
  return it == kRank.end() ? -1 : it->second;
}

std::string Where(std::string_view path, const json::Document& doc, uint32_t offset) {
  json::Location loc = doc.Locate(offset);
  return std::string(path) + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column);
}

TEST_CASE("every bundled catalog file validates against schemas/catalog.schema.json") {
  SchemaCompileResult compiled =
      Schema::Compile(json::Document::Parse(std::string(embedded::Find("schemas/catalog.schema.json"))));
  REQUIRE(compiled.ok());
  std::vector<embedded::File> files = CatalogFiles();
  REQUIRE(files.size() >= 30);
  for (const embedded::File& f : files) {
    json::Document doc = json::Document::Parse(std::string(f.data));
    INFO(f.path);
    REQUIRE(doc.ok());
    for (const json::DuplicateKey& d : doc.duplicates()) {
      FAIL_CHECK(Where(f.path, doc, json::Value(&doc, d.second).offset()) << ": duplicate key");
    }
    for (const SchemaError& e : compiled.schema->Validate(doc.root())) {
      FAIL_CHECK(Where(f.path, doc, json::Value(&doc, e.node).offset()) << ": " << e.message);
    }
  }
}

TEST_CASE("bundled catalog ids, file names, aliases and tool names are unique and consistent") {
  std::map<std::string, std::string> owner_of;  // lower-cased id or alias -> id
  size_t tools = 0;
  for (const embedded::File& f : CatalogFiles()) {
    json::Document doc = json::Document::Parse(std::string(f.data));
    REQUIRE(doc.ok());
    std::string id(doc.root().Find("id").as_string());
    INFO(f.path << " (" << id << ")");

    std::string expected_file = id;
    for (size_t at = expected_file.find('/'); at != std::string::npos; at = expected_file.find('/')) {
      expected_file.replace(at, 1, "__");
    }
    CHECK(std::string(f.path) == std::string(kServersDir) + expected_file + ".json");

    auto [it, fresh] = owner_of.emplace(Lower(id), id);
    CHECK(fresh);
    for (json::Value alias : doc.root().Find("aliases").elements()) {
      std::string a = Lower(alias.as_string());
      auto [at, unique] = owner_of.emplace(a, id);
      if (!unique && at->second != id) {
        FAIL_CHECK("alias \"" << alias.as_string() << "\" is also " << at->second);
      }
    }

    std::set<std::string_view> names;
    for (json::Value tool : doc.root().Find("tools").elements()) {
      ++tools;
      std::string_view name = tool.Find("name").as_string();
      if (!names.insert(name).second) FAIL_CHECK("tool listed twice: " << name);
      json::Value ops = tool.Find("operations");
      if (!ops.is_object()) continue;
      std::string_view category = tool.Find("category").as_string();
      std::string_view worst = "other";
      for (json::Member m : ops.Find("values").members()) {
        if (Rank(m.value.as_string()) > Rank(worst)) worst = m.value.as_string();
      }
      if (category != worst) {
        FAIL_CHECK(Where(f.path, doc, tool.Find("category").offset())
                   << ": " << name << " is " << category << ", worst operation " << worst);
      }
    }
  }
  CHECK(tools >= 1500);
}

TEST_CASE("the library accepts every bundled catalog file with its own checks") {
  for (const embedded::File& f : CatalogFiles()) {
    CatalogServer server;
    std::vector<CatalogLoadError> errors = ParseCatalogFile(std::string(f.path), std::string(f.data), &server);
    for (const CatalogLoadError& e : errors) FAIL_CHECK(e.ToString());
    CHECK(!server.id.empty());
  }
}

}  // namespace
}  // namespace mcpolicy
