// The catalog of known MCP servers: every tool of each, with its category, read from
// catalog/servers/*.json (embedded in the binary) and from user directories given with --catalog,
// whose files take precedence over bundled ones with the same id.
#ifndef MCPOLICY_CATALOG_H_
#define MCPOLICY_CATALOG_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mcpolicy/classify.h"

namespace mcpolicy {

struct CatalogTool {
  std::string name;
  Category category = Category::kOther;
  std::string summary;
  ToolHints hints;  // only what the server declares
  // A multiplexer: the argument that selects the operation, and each value's category, in the
  // file's order. Empty argument: not a multiplexer.
  std::string operation_argument;
  std::vector<std::pair<std::string, Category>> operations;
  // Set only on entries the heuristic made from a tools/list dump: the category is a guess.
  bool uncertain = false;
};

// A multiplexer's operations grouped by category, worst first, values in file order:
// `action: delete (destructive); pause, kill, change_status (execute); get (read)`. At most
// `limit` values are named per group, then "+N more". Empty when the tool is not a multiplexer.
std::string DescribeOperations(const CatalogTool& tool, size_t limit = SIZE_MAX);

struct CatalogServer {
  std::string id;  // "kestra-io/mcp-server-python"
  std::string name;
  std::string repository;
  std::string commit;
  std::string source_path;
  std::vector<std::string> aliases;
  std::vector<CatalogTool> tools;
  std::string origin;  // "bundled" or the user file it came from

  // The tool with exactly this name, or nullptr (binary search over a sorted index).
  const CatalogTool* FindTool(std::string_view tool_name) const;
  std::vector<uint32_t> index_;  // tools sorted by name (built by the loader)
  // A bundled server is first known from the embedded index only (id, aliases, tool names);
  // the Catalog parses its file (embedded_path_) before handing the server out.
  std::string_view embedded_path_;
  bool loaded_ = true;
};


// How well a set of tool names matches one server.
struct ServerMatch {
  const CatalogServer* server = nullptr;
  size_t matched = 0;  // names the server has
  size_t total = 0;    // names looked up
};

struct CatalogLoadError {
  std::string path;
  uint32_t line = 0;  // 0 when the error concerns the whole file or directory
  uint32_t column = 0;
  std::string message;
  // "path:line:col: message", or "path: message" without a position.
  std::string ToString() const;
};

// Parses and checks one catalog file: JSON syntax, duplicate keys, schemas/catalog.schema.json,
// tool names unique in the server, and each multiplexer's category equal to its worst
// operation's. `server` is filled (origin = `path`) only when the list of errors is empty.
std::vector<CatalogLoadError> ParseCatalogFile(const std::string& path, std::string text,
                                               CatalogServer* server);

class Catalog {
 public:
  // The bundled catalog only. Parsed on first use (thread-safe); shared and immutable afterwards.
  // Bundled files are trusted here: the unit tests check them against the schema.
  static const Catalog& Bundled();

  // Bundled servers plus every *.json file in each of `user_dirs` (a directory, not searched
  // recursively, or one file; same schema, schemas/catalog.schema.json; checked). A user file
  // whose id matches a bundled server replaces it; two user files with one id are an error.
  // Errors name the file, line and column; the catalog is returned even then, without the bad
  // files.
  static std::pair<std::unique_ptr<Catalog>, std::vector<CatalogLoadError>> Load(
      const std::vector<std::string>& user_dirs);

  // Every server, sorted by id (bundled ones are parsed first, if not yet).
  std::span<const CatalogServer> servers() const;

  // By exact id, then by alias (case-insensitive); nullptr when unknown.
  const CatalogServer* Find(std::string_view id_or_alias) const;
  // "did you mean" over ids and aliases, or "".
  std::string Suggest(std::string_view id_or_alias) const;

  // The server sharing the most names with `tool_names` (ties: the smaller server, then id), if
  // at least half of the names and at least one are its own.
  std::optional<ServerMatch> Infer(const std::vector<std::string_view>& tool_names) const;

  // Every server that has a tool with exactly this name, in id order.
  std::vector<const CatalogServer*> ServersWithTool(std::string_view tool_name) const;

 private:
  void BuildIndexes();
  // Parses a bundled server known so far only from the index; returns it. Thread-safe.
  const CatalogServer* Loaded(const CatalogServer* server) const;

  // mutable: bundled servers are completed on first use (under load_mutex_), which changes no
  // observable answer.
  mutable std::vector<CatalogServer> servers_;
  mutable std::unique_ptr<std::mutex> load_mutex_ = std::make_unique<std::mutex>();
  // (server, tool) index pairs sorted by tool name, then server: the reverse index Infer uses.
  std::vector<std::pair<uint32_t, uint32_t>> by_tool_;
  friend class CatalogLoader;
};

// A server known from its own `tools/list` dump rather than a catalog file (`lint --tools`).
struct ToolsServerRequest {
  std::string path;     // the dump, in any form `classify --tools` reads; "-" = standard input
  std::string display;  // how the dump is named in the id and in errors ("" = path, or <stdin>)
  uint64_t max_bytes = 64ull << 20;
  // Tools this catalog server has keep their catalog entry, as in `recommend --server S --tools F`.
  // When null, `catalog` (if given) is asked which server the dump's names are from, as recommend
  // does, and that server's entries are used.
  const CatalogServer* known = nullptr;
  const Catalog* catalog = nullptr;
};

struct ToolsServerResult {
  // id "tools from dump.json"; every tool of the dump, first of each name, in dump order: a
  // catalog entry of `known`, else the heuristic's reading (category, hints, a summary from the
  // description, and a multiplexer's operations, the same reading recommend uses). Null when
  // `errors` is not empty.
  std::unique_ptr<CatalogServer> server;
  const CatalogServer* known = nullptr;  // the catalog server whose entries were used, if any
  std::vector<std::string> errors;       // "file:line:col: message"; a skipped entry is one
  std::vector<std::string> warnings;     // names listed more than once
};
ToolsServerResult ServerFromTools(const ToolsServerRequest& request);

}  // namespace mcpolicy

#endif  // MCPOLICY_CATALOG_H_
