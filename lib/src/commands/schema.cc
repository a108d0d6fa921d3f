// schema: prints an embedded schema, or lists them, found by their $id.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "mcpolicy/commands.h"
#include "mcpolicy/embedded.h"
#include "util/suggest.h"

namespace mcpolicy {
namespace {

constexpr std::string_view kIdPrefix = "urn:mcpolicy:schema:";

struct EmbeddedSchemaFile {
  std::string name;  // the $id's NAME
  std::string id;
  std::string title;
  nlohmann::ordered_json schema;
};

// Every embedded schemas/*.schema.json whose $id is urn:mcpolicy:schema:NAME:N, sorted by name.
std::vector<EmbeddedSchemaFile> Schemas() {
  std::vector<EmbeddedSchemaFile> out;
  for (const embedded::File& f : embedded::Files()) {
    if (!f.path.starts_with("schemas/") || !f.path.ends_with(".schema.json")) continue;
    nlohmann::ordered_json j = nlohmann::ordered_json::parse(f.data, nullptr, false);
    if (!j.is_object() || !j.contains("$id") || !j["$id"].is_string()) continue;
    std::string id = j["$id"].get<std::string>();
    if (!id.starts_with(kIdPrefix)) continue;
    std::string rest = id.substr(kIdPrefix.size());
    EmbeddedSchemaFile& s = out.emplace_back();
    s.name = rest.substr(0, rest.find(':'));
    s.id = std::move(id);
    s.title = j.value("title", "");
    s.schema = std::move(j);
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return out;
}

}  // namespace

CommandOutput RunSchema(const SchemaRequest& request) {
  CommandOutput output;
  std::vector<EmbeddedSchemaFile> schemas = Schemas();
  if (request.name.empty()) {
    size_t name_width = 0, id_width = 0;
    for (const EmbeddedSchemaFile& s : schemas) {
      name_width = std::max(name_width, s.name.size());
      id_width = std::max(id_width, s.id.size());
    }
    for (const EmbeddedSchemaFile& s : schemas) {
      output.out += s.name + std::string(name_width + 2 - s.name.size(), ' ') + s.id +
                    std::string(id_width + 2 - s.id.size(), ' ') + s.title + "\n";
    }
    return output;
  }
  for (const EmbeddedSchemaFile& s : schemas) {
    if (s.name == request.name) {
      output.out = s.schema.dump(2) + "\n";
      return output;
    }
  }
  std::vector<std::string_view> names;
  for (const EmbeddedSchemaFile& s : schemas) names.push_back(s.name);
  output.errors.push_back(UnknownNameMessage("schema", request.name, names) +
                          " (`mcpolicy schema` lists them)");
  output.exit_code = 2;
  return output;
}

}  // namespace mcpolicy
