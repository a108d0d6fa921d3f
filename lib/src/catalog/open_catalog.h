// The catalog a command works with: the bundled one, or bundled plus --catalog directories.
#ifndef MCPOLICY_CATALOG_OPEN_CATALOG_H_
#define MCPOLICY_CATALOG_OPEN_CATALOG_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "mcpolicy/catalog.h"

namespace mcpolicy {

// The bundled catalog when `dirs` is empty, else a loaded one kept in `holder`. nullptr after
// appending one line per problem ("file:line:col: message") to `errors`.
const Catalog* OpenCatalog(const std::vector<std::string>& dirs, std::unique_ptr<Catalog>& holder,
                           std::vector<std::string>& errors);

// `unknown catalog server "x"; did you mean "y"?` (the suggestion only when there is one).
std::string UnknownServerMessage(const Catalog& catalog, std::string_view name);

}  // namespace mcpolicy

#endif  // MCPOLICY_CATALOG_OPEN_CATALOG_H_
