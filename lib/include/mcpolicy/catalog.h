// The catalog of known MCP servers: every tool of each, with its category, read from
// catalog/servers/*.json (embedded in the binary) and from user directories given with --catalog,
// whose files take precedence over bundled ones with the same id.
#ifndef MCPOLICY_CATALOG_H_
#define MCPOLICY_CATALOG_H_

#include <memory>
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
};

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
  const CatalogTool* FindTool(std::string_view name) const;
  std::vector<uint32_t> index_;  // tools sorted by name (built by the loader)
};

// How well a set of tool names matches one server.
struct ServerMatch {
  const CatalogServer* server = nullptr;
  size_t matched = 0;  // names the server has
  size_t total = 0;    // names looked up
};

struct CatalogLoadError {
  std::string path;
  uint32_t line = 0;
  uint32_t column = 0;
  std::string message;
};

class Catalog {
 public:
  // The bundled catalog only. Parsed on first use; shared and immutable afterwards.
  static const Catalog& Bundled();

  // Bundled servers plus every *.json file in each of `user_dirs` (same schema,
  // schemas/catalog.schema.json; checked). A user file whose id matches a bundled server replaces
  // it. Errors name the file, line and column.
  static std::pair<std::unique_ptr<Catalog>, std::vector<CatalogLoadError>> Load(
      const std::vector<std::string>& user_dirs);

  std::span<const CatalogServer> servers() const { return servers_; }  // sorted by id

  // By exact id, then by alias (case-insensitive); nullptr when unknown.
  const CatalogServer* Find(std::string_view id_or_alias) const;
  // "did you mean" over ids and aliases, or "".
  std::string Suggest(std::string_view id_or_alias) const;

  // The server sharing the most names with `tool_names` (ties: the smaller server, then id), if
  // at least half of the names and at least one are its own.
  std::optional<ServerMatch> Infer(const std::vector<std::string_view>& tool_names) const;

 private:
  std::vector<CatalogServer> servers_;
  friend class CatalogLoader;
};

}  // namespace mcpolicy

#endif  // MCPOLICY_CATALOG_H_
