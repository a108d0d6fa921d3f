// catalog list and catalog show.
#include <array>
#include <nlohmann/json.hpp>

#include "catalog/open_catalog.h"
#include "mcpolicy/classify_commands.h"
#include "mcpolicy/escape.h"
#include "mcpolicy/json.h"
#include "source/utf8.h"
#include "util/text.h"

namespace mcpolicy {
namespace {

constexpr std::array<Category, 6> kCategories = {Category::kRead,        Category::kWrite,
                                                 Category::kExecute,     Category::kDestructive,
                                                 Category::kFinancial,   Category::kOther};

// `text` followed by spaces up to `width` code points, then the column gap.
std::string Cell(std::string_view text, size_t width) {
  size_t used = utf8::CodePoints(text);
  return std::string(text) + std::string(width > used ? width - used : 0, ' ') + "  ";
}

// Right-aligned number in a column at least as wide as its header.
std::string Count(size_t n, std::string_view header) {
  std::string digits = std::to_string(n);
  return std::string(header.size() > digits.size() ? header.size() - digits.size() : 0, ' ') + digits;
}

std::array<size_t, 6> CountCategories(const CatalogServer& server) {
  std::array<size_t, 6> counts{};
  for (const CatalogTool& t : server.tools) ++counts[static_cast<size_t>(t.category)];
  return counts;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  return out;
}

nlohmann::ordered_json ServerHeader(const CatalogServer& server) {
  nlohmann::ordered_json j = {{"id", server.id},
                              {"name", server.name},
                              {"repository", server.repository},
                              {"commit", server.commit}};
  if (!server.source_path.empty()) j["source_path"] = server.source_path;
  j["aliases"] = server.aliases;
  j["origin"] = server.origin;
  return j;
}

nlohmann::ordered_json ToolJson(const CatalogTool& tool) {
  nlohmann::ordered_json j = {{"name", tool.name},
                              {"category", CategoryName(tool.category)},
                              {"risk", RiskName(RiskOf(tool.category))},
                              {"summary", tool.summary}};
  nlohmann::ordered_json hints = nlohmann::ordered_json::object();
  if (tool.hints.read_only) hints["readOnlyHint"] = *tool.hints.read_only;
  if (tool.hints.destructive) hints["destructiveHint"] = *tool.hints.destructive;
  if (tool.hints.idempotent) hints["idempotentHint"] = *tool.hints.idempotent;
  if (tool.hints.open_world) hints["openWorldHint"] = *tool.hints.open_world;
  if (!hints.empty()) j["annotations"] = hints;
  if (!tool.operation_argument.empty()) {
    nlohmann::ordered_json values = nlohmann::ordered_json::object();
    for (const auto& [value, category] : tool.operations) values[value] = CategoryName(category);
    j["operations"] = {{"argument", tool.operation_argument}, {"values", values}};
  }
  return j;
}

std::string CategorySummary(const std::array<size_t, 6>& counts) {
  std::string out;
  for (Category c : kCategories) {
    size_t n = counts[static_cast<size_t>(c)];
    if (n == 0) continue;
    out += (out.empty() ? "" : ", ") + std::to_string(n) + " " + std::string(CategoryName(c));
  }
  return out;
}

}  // namespace

const Catalog* OpenCatalog(const std::vector<std::string>& dirs, std::unique_ptr<Catalog>& holder,
                           std::vector<std::string>& errors) {
  if (dirs.empty()) return &Catalog::Bundled();
  auto [catalog, problems] = Catalog::Load(dirs);
  if (!problems.empty()) {
    for (const CatalogLoadError& e : problems) errors.push_back(e.ToString());
    return nullptr;
  }
  holder = std::move(catalog);
  return holder.get();
}

std::string UnknownServerMessage(const Catalog& catalog, std::string_view name) {
  std::string message = "unknown catalog server " + JsonQuoted(name);
  std::string guess = catalog.Suggest(name);
  if (!guess.empty()) return message + "; did you mean " + JsonQuoted(guess) + "?";
  return message + " (mcpolicy catalog list shows every server)";
}

CommandOutput RunCatalogList(const CatalogListRequest& request) {
  CommandOutput output;
  std::unique_ptr<Catalog> holder;
  const Catalog* catalog = OpenCatalog(request.catalog_dirs, holder, output.errors);
  if (catalog == nullptr) {
    output.exit_code = 2;
    return output;
  }
  if (request.json) {
    nlohmann::ordered_json servers = nlohmann::ordered_json::array();
    for (const CatalogServer& s : catalog->servers()) {
      nlohmann::ordered_json j = ServerHeader(s);
      j["tools"] = s.tools.size();
      nlohmann::ordered_json categories = nlohmann::ordered_json::object();
      std::array<size_t, 6> counts = CountCategories(s);
      for (Category c : kCategories) categories[std::string(CategoryName(c))] = counts[static_cast<size_t>(c)];
      j["categories"] = categories;
      servers.push_back(std::move(j));
    }
    output.out = EscapeJsonText(servers.dump(2) + "\n");
    return output;
  }
  size_t id_width = 2, name_width = 4, tools = 0;
  for (const CatalogServer& s : catalog->servers()) {
    id_width = std::max(id_width, utf8::CodePoints(Escaped(s.id)));
    name_width = std::max(name_width, utf8::CodePoints(Escaped(s.name)));
    tools += s.tools.size();
  }
  std::string& out = output.out;
  out += Cell("ID", id_width) + Cell("NAME", name_width) + "TOOLS";
  for (Category c : kCategories) out += "  " + Upper(CategoryName(c));
  out += "\n";
  for (const CatalogServer& s : catalog->servers()) {
    out += Cell(Escaped(s.id), id_width) + Cell(Escaped(s.name), name_width) +
           Count(s.tools.size(), "TOOLS");
    std::array<size_t, 6> counts = CountCategories(s);
    for (Category c : kCategories) out += "  " + Count(counts[static_cast<size_t>(c)], CategoryName(c));
    out += "\n";
  }
  out += std::to_string(catalog->servers().size()) + " servers, " + std::to_string(tools) + " tools";
  const std::string date = request.bundled_date.empty() ? "unknown" : request.bundled_date;
  out += request.catalog_dirs.empty() ? " (bundled catalog, last changed " + date + ").\n"
                                      : " (bundled catalog last changed " + date + ", with --catalog files).\n";
  return output;
}

CommandOutput RunCatalogShow(const CatalogShowRequest& request) {
  CommandOutput output;
  std::unique_ptr<Catalog> holder;
  const Catalog* catalog = OpenCatalog(request.catalog_dirs, holder, output.errors);
  if (catalog == nullptr) {
    output.exit_code = 2;
    return output;
  }
  const CatalogServer* server = catalog->Find(request.server);
  if (server == nullptr) {
    output.errors.push_back(UnknownServerMessage(*catalog, request.server));
    output.exit_code = 2;
    return output;
  }
  if (request.json) {
    nlohmann::ordered_json j = ServerHeader(*server);
    nlohmann::ordered_json tools = nlohmann::ordered_json::array();
    for (const CatalogTool& t : server->tools) tools.push_back(ToolJson(t));
    j["tools"] = std::move(tools);
    output.out = EscapeJsonText(j.dump(2) + "\n");
    return output;
  }
  std::string& out = output.out;
  // Everything but the counts may come from a --catalog file: escaped (mcpolicy/escape.h).
  out += Escaped(server->id) + ": " + Escaped(server->name) + "\n";
  out += "repository: " + Escaped(server->repository) + " at " + Escaped(server->commit) + "\n";
  if (!server->source_path.empty()) out += "tools defined in: " + Escaped(server->source_path) + "\n";
  if (!server->aliases.empty()) {
    out += "aliases:";
    for (size_t i = 0; i < server->aliases.size(); ++i) {
      out += (i ? ", " : " ") + Escaped(server->aliases[i]);
    }
    out += "\n";
  }
  if (server->origin != "bundled") out += "from: " + Escaped(server->origin) + "\n";
  out += std::to_string(server->tools.size()) + " tools: " + CategorySummary(CountCategories(*server)) + "\n\n";

  size_t name_width = 4;
  for (const CatalogTool& t : server->tools) {
    name_width = std::max(name_width, utf8::CodePoints(Escaped(t.name)));
  }
  std::string indent(name_width + 2 + 13 + 10, ' ');
  out += Cell("TOOL", name_width) + Cell("CATEGORY", 11) + Cell("RISK", 8) + "SUMMARY\n";
  for (const CatalogTool& t : server->tools) {
    out += Cell(Escaped(t.name), name_width) + Cell(CategoryName(t.category), 11) +
           Cell(RiskName(RiskOf(t.category)), 8) + Escaped(t.summary) + "\n";
    std::string ops = DescribeOperations(t);
    if (!ops.empty()) out += indent + Escaped(ops) + "\n";
  }
  return output;
}

}  // namespace mcpolicy
