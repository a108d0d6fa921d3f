// Files compiled into the binary at build time (schemas/, catalog/, docs/rules/), so the installed
// tool needs no data directory.
#ifndef MCPOLICY_EMBEDDED_H_
#define MCPOLICY_EMBEDDED_H_

#include <span>
#include <string_view>

namespace mcpolicy::embedded {

struct File {
  std::string_view path;  // relative to the project root, e.g. "schemas/policylayer.schema.json"
  std::string_view data;
};

// Every embedded file, sorted by path.
std::span<const File> Files();

// The file at `path`, or an empty view when there is none.
std::string_view Find(std::string_view path);

}  // namespace mcpolicy::embedded

#endif  // MCPOLICY_EMBEDDED_H_
