#include "mcpolicy/embedded.h"

#include <algorithm>

namespace mcpolicy::embedded {

std::string_view Find(std::string_view path) {
  auto files = Files();
  auto it = std::lower_bound(files.begin(), files.end(), path,
                             [](const File& f, std::string_view p) { return f.path < p; });
  if (it == files.end() || it->path != path) return {};
  return it->data;
}

}  // namespace mcpolicy::embedded
