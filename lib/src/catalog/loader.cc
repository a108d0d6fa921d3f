// Loading catalog files: the embedded ones lazily on first use, users' from --catalog
// directories with every check (syntax, duplicate keys, schema, consistency) reported by position.
#include <algorithm>
#include <charconv>
#include <filesystem>
#include <map>
#include <mutex>
#include <system_error>

#include "mcpolicy/catalog.h"
#include "mcpolicy/embedded.h"
#include "mcpolicy/io.h"
#include "mcpolicy/json.h"
#include "mcpolicy/schema.h"
#include "util/text.h"

namespace mcpolicy {
namespace {

constexpr std::string_view kServersDir = "catalog/servers/";
constexpr uint64_t kMaxCatalogFile = 64ull << 20;

const Schema* CatalogSchema() { return EmbeddedSchema("schemas/catalog.schema.json"); }

CatalogLoadError ErrorAt(const std::string& path, const json::Document& doc, uint32_t offset,
                         std::string message) {
  json::Location loc = doc.Locate(offset);
  return {path, loc.line, loc.column, std::move(message)};
}

ToolHints HintsOf(json::Value annotations) {
  ToolHints hints;
  auto flag = [&](std::string_view key) -> std::optional<bool> {
    json::Value v = annotations.Find(key);
    if (!v.is_bool()) return std::nullopt;
    return v.as_bool();
  };
  if (!annotations.is_object()) return hints;
  hints.read_only = flag("readOnlyHint");
  hints.destructive = flag("destructiveHint");
  hints.idempotent = flag("idempotentHint");
  hints.open_world = flag("openWorldHint");
  return hints;
}

// Fills `server` from a schema-valid document; reports what the schema cannot express.
void ReadServer(const std::string& path, const json::Document& doc, CatalogServer& server,
                std::vector<CatalogLoadError>& errors) {
  json::Value root = doc.root();
  server.id = std::string(root.Find("id").string_or_empty());
  server.name = std::string(root.Find("name").string_or_empty());
  server.repository = std::string(root.Find("repository").string_or_empty());
  server.commit = std::string(root.Find("commit").string_or_empty());
  server.source_path = std::string(root.Find("source_path").string_or_empty());
  for (json::Value a : root.Find("aliases").elements()) {
    server.aliases.emplace_back(a.string_or_empty());
  }
  std::map<std::string_view, json::Value> seen;
  for (json::Value t : root.Find("tools").elements()) {
    CatalogTool tool;
    json::Value name = t.Find("name");
    tool.name = std::string(name.string_or_empty());
    auto [it, fresh] = seen.emplace(name.as_string(), name);
    if (!fresh) {
      errors.push_back(ErrorAt(path, doc, name.offset(),
                               "tool " + JsonQuoted(tool.name) + " is listed twice (first at line " +
                                   std::to_string(it->second.location().line) + ")"));
    }
    json::Value category = t.Find("category");
    tool.category = ParseCategory(category.as_string()).value_or(Category::kOther);
    tool.summary = std::string(t.Find("summary").string_or_empty());
    tool.hints = HintsOf(t.Find("annotations"));
    json::Value ops = t.Find("operations");
    if (ops.is_object()) {
      tool.operation_argument = std::string(ops.Find("argument").string_or_empty());
      Category worst = Category::kOther;
      for (json::Member m : ops.Find("values").members()) {
        Category c = ParseCategory(m.value.as_string()).value_or(Category::kOther);
        tool.operations.emplace_back(std::string(m.name()), c);
        if (CategoryRank(c) > CategoryRank(worst)) worst = c;
      }
      if (worst != tool.category) {
        errors.push_back(ErrorAt(path, doc, category.offset(),
                                 "tool " + JsonQuoted(tool.name) + " is " +
                                     JsonQuoted(CategoryName(tool.category)) +
                                     " but its worst operation is " + JsonQuoted(CategoryName(worst)) +
                                     "; a multiplexer takes its worst operation's category"));
      }
    }
    server.tools.push_back(std::move(tool));
  }
}

}  // namespace

class CatalogLoader {
 public:
  static std::unique_ptr<Catalog> Make(std::vector<CatalogServer> servers) {
    auto catalog = std::make_unique<Catalog>();
    catalog->servers_ = std::move(servers);
    catalog->BuildIndexes();
    return catalog;
  }

  // With the orders the build-time index recorded (servers by id, each server's index_, and
  // `by_tool`), checked in one linear pass; BuildIndexes sorts afresh when they do not hold.
  static std::unique_ptr<Catalog> MakeSorted(std::vector<CatalogServer> servers,
                                             std::vector<std::pair<uint32_t, uint32_t>> by_tool) {
    auto catalog = std::make_unique<Catalog>();
    catalog->servers_ = std::move(servers);
    if (Sorted(catalog->servers_, by_tool)) {
      catalog->by_tool_ = std::move(by_tool);
    } else {
      catalog->BuildIndexes();
    }
    return catalog;
  }

 private:
  static bool Sorted(const std::vector<CatalogServer>& servers,
                     const std::vector<std::pair<uint32_t, uint32_t>>& by_tool) {
    size_t total = 0;
    for (size_t s = 0; s < servers.size(); ++s) {
      const CatalogServer& server = servers[s];
      if (s > 0 && !(servers[s - 1].id < server.id)) return false;
      if (server.index_.size() != server.tools.size()) return false;
      std::vector<bool> seen(server.tools.size());
      for (size_t k = 0; k < server.index_.size(); ++k) {
        uint32_t t = server.index_[k];
        if (t >= server.tools.size() || seen[t]) return false;
        seen[t] = true;
        if (k > 0 && server.tools[t].name < server.tools[server.index_[k - 1]].name) return false;
      }
      total += server.tools.size();
    }
    if (by_tool.size() != total) return false;
    const std::string* previous = nullptr;
    for (const auto& [s, t] : by_tool) {
      if (s >= servers.size() || t >= servers[s].tools.size()) return false;
      const std::string& name = servers[s].tools[t].name;
      if (previous && name < *previous) return false;
      previous = &name;
    }
    return true;
  }
};

std::vector<CatalogLoadError> ParseCatalogFile(const std::string& path, std::string text,
                                               CatalogServer* server) {
  std::vector<CatalogLoadError> errors;
  json::Document doc = json::Document::Parse(std::move(text));
  if (!doc.ok()) {
    errors.push_back(ErrorAt(path, doc, doc.error()->offset, "not valid JSON: " + doc.error()->message));
    return errors;
  }
  for (const json::DuplicateKey& d : doc.duplicates()) {
    json::Value first(&doc, d.first), second(&doc, d.second);
    errors.push_back(ErrorAt(path, doc, second.offset(),
                             "duplicate key " + JsonQuoted(second.as_string()) + " (first at line " +
                                 std::to_string(first.location().line) + ")"));
  }
  const Schema* schema = CatalogSchema();
  if (schema == nullptr) {
    errors.push_back({path, 0, 0, "the embedded catalog schema does not compile (a packaging bug)"});
    return errors;
  }
  for (const SchemaError& e : schema->Validate(doc.root())) {
    errors.push_back(ErrorAt(path, doc, json::Value(&doc, e.node).offset(), e.message));
  }
  if (!errors.empty()) return errors;
  CatalogServer parsed;
  ReadServer(path, doc, parsed, errors);
  if (errors.empty() && server != nullptr) {
    parsed.origin = path;
    *server = std::move(parsed);
  }
  return errors;
}

namespace {

// Parses one embedded catalog file into `server`.
void ParseBundled(std::string_view path, std::string_view data, CatalogServer& server) {
  // Checked against the schema by the unit tests; here only parsed.
  json::Document doc = json::Document::Parse(std::string(data));
  if (!doc.ok()) return;
  std::vector<CatalogLoadError> ignored;
  ReadServer(std::string(path), doc, server, ignored);
}

// Servers from the embedded index (generated/catalog-index.tsv): ids, aliases and tool names
// only, so start-up parses no catalog file. Empty when the index is missing.
// Space-separated unsigned numbers; stops at the first that does not parse.
std::vector<uint32_t> Numbers(std::string_view text) {
  std::vector<uint32_t> out;
  const char* p = text.data();
  const char* end = p + text.size();
  while (p < end) {
    uint32_t n = 0;
    auto [next, ec] = std::from_chars(p, end, n);
    if (ec != std::errc()) break;
    out.push_back(n);
    p = next + (next < end && *next == ' ');
  }
  return out;
}

struct Index {
  std::vector<CatalogServer> servers;
  std::vector<std::pair<uint32_t, uint32_t>> by_tool;  // as Catalog::by_tool_
};

Index ReadIndex() {
  Index out;
  std::vector<CatalogServer>& servers = out.servers;
  std::string_view index = embedded::Find("generated/catalog-index.tsv");
  while (!index.empty()) {
    size_t end = index.find('\n');
    std::string_view line = index.substr(0, end);
    index.remove_prefix(end == std::string_view::npos ? index.size() : end + 1);
    if (line.size() < 2 || line[1] != '\t') continue;
    std::string_view rest = line.substr(2);
    if (line[0] == 'S') {
      size_t tab = rest.find('\t');
      if (tab == std::string_view::npos) continue;
      CatalogServer& server = servers.emplace_back();
      server.embedded_path_ = embedded::Find(rest.substr(0, tab)).empty() ? std::string_view()
                                                                          : rest.substr(0, tab);
      server.id = std::string(rest.substr(tab + 1));
      server.origin = "bundled";
      server.loaded_ = false;
    } else if (servers.empty()) {
      continue;
    } else if (line[0] == 'A') {
      servers.back().aliases.emplace_back(rest);
    } else if (line[0] == 'T') {
      servers.back().tools.emplace_back().name = std::string(rest);
    } else if (line[0] == 'O') {
      servers.back().index_ = Numbers(rest);
      servers.back().tools.reserve(servers.back().index_.size());
    } else if (line[0] == 'R') {
      std::vector<uint32_t> pairs = Numbers(rest);
      out.by_tool.reserve(pairs.size() / 2);
      for (size_t k = 0; k + 1 < pairs.size(); k += 2) out.by_tool.emplace_back(pairs[k], pairs[k + 1]);
    }
  }
  return out;
}

}  // namespace

const CatalogServer* Catalog::Loaded(const CatalogServer* server) const {
  if (server == nullptr) return nullptr;
  std::lock_guard<std::mutex> lock(*load_mutex_);
  if (server->loaded_) return server;
  auto& target = const_cast<CatalogServer&>(*server);
  CatalogServer parsed;
  ParseBundled(target.embedded_path_, embedded::Find(target.embedded_path_), parsed);
  // The index listed the same tools in the same order, so index_ and by_tool_ stay valid;
  // a file that does not match its index (impossible after a build) keeps the names only.
  if (parsed.id == target.id && parsed.tools.size() == target.tools.size()) {
    target.name = std::move(parsed.name);
    target.repository = std::move(parsed.repository);
    target.commit = std::move(parsed.commit);
    target.source_path = std::move(parsed.source_path);
    target.tools = std::move(parsed.tools);
  }
  target.loaded_ = true;
  return server;
}

std::span<const CatalogServer> Catalog::servers() const {
  for (const CatalogServer& s : servers_) Loaded(&s);
  return servers_;
}

const Catalog& Catalog::Bundled() {
  static std::once_flag once;
  static const Catalog* bundled = nullptr;
  std::call_once(once, [] {
    Index index = ReadIndex();
    std::vector<CatalogServer>& servers = index.servers;
    if (servers.empty()) {
      // No index embedded: parse every file now.
      for (const embedded::File& f : embedded::Files()) {
        if (!f.path.starts_with(kServersDir) || !f.path.ends_with(".json")) continue;
        CatalogServer& server = servers.emplace_back();
        ParseBundled(f.path, f.data, server);
        server.origin = "bundled";
      }
    }
    bundled = CatalogLoader::MakeSorted(std::move(servers), std::move(index.by_tool)).release();
  });
  return *bundled;
}

std::pair<std::unique_ptr<Catalog>, std::vector<CatalogLoadError>> Catalog::Load(
    const std::vector<std::string>& user_dirs) {
  std::vector<CatalogLoadError> errors;
  std::span<const CatalogServer> bundled = Bundled().servers();  // parses every bundled file
  std::vector<CatalogServer> servers(bundled.begin(), bundled.end());
  std::map<std::string, std::string> user_ids;  // id -> the user file that defined it
  for (const std::string& dir : user_dirs) {
    std::error_code ec;
    std::vector<std::string> files;
    if (std::filesystem::is_directory(dir, ec)) {
      for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        std::string name = entry.path().filename().string();
        if (name.ends_with(".json") && !name.starts_with(".")) files.push_back(entry.path().string());
      }
      if (ec) errors.push_back({dir, 0, 0, ec.message()});
      std::sort(files.begin(), files.end());
    } else {
      files.push_back(dir);  // ReadInput explains a missing path or a non-file
    }
    for (const std::string& file : files) {
      ReadResult read = ReadInput(file, kMaxCatalogFile);
      if (!read.ok) {
        errors.push_back({file, 0, 0, read.error.substr(std::min(read.error.size(), file.size() + 2))});
        continue;
      }
      CatalogServer server;
      std::vector<CatalogLoadError> file_errors = ParseCatalogFile(file, std::move(read.data), &server);
      if (!file_errors.empty()) {
        errors.insert(errors.end(), file_errors.begin(), file_errors.end());
        continue;
      }
      auto [it, fresh] = user_ids.emplace(server.id, file);
      if (!fresh) {
        errors.push_back({file, 0, 0, "server " + JsonQuoted(server.id) + " is also defined in " + it->second});
        continue;
      }
      auto same = std::find_if(servers.begin(), servers.end(),
                               [&](const CatalogServer& s) { return s.id == server.id; });
      if (same != servers.end()) {
        *same = std::move(server);
      } else {
        servers.push_back(std::move(server));
      }
    }
  }
  return {CatalogLoader::Make(std::move(servers)), std::move(errors)};
}

}  // namespace mcpolicy
