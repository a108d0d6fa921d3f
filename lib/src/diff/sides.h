// The step every form of diff shares: two sides read (or absent), parsed, resolved against one
// server and compared. DiffInputs, DiffTexts and DiffGit differ only in how they read the sides.
#ifndef MCPOLICY_DIFF_SIDES_H_
#define MCPOLICY_DIFF_SIDES_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "config/resolver.h"
#include "diff/input.h"
#include "mcpolicy/catalog.h"
#include "mcpolicy/config.h"
#include "mcpolicy/diff.h"

namespace mcpolicy::diff {

// The configuration for a policy path, or null with the reasons in `errors`.
using ConfigLookup =
    std::function<const Config*(const std::string& path, std::vector<std::string>* errors)>;

// The catalog the diff resolves against: the bundled one, or with options.catalog_dirs (kept in
// `holder`). Null after adding the problems to `errors`.
const Catalog* OpenDiffCatalog(const DiffOptions& options, std::unique_ptr<Catalog>& holder,
                               std::vector<std::string>& errors);

// Compares two sides. The configuration (for its server mapping; not asked when `lookup` is
// empty, or with --server or --tools) is the new path's, or the old one's when the new side is
// absent.
DiffResult DiffSides(SideText old_side, SideText new_side, const DiffOptions& options,
                     const Catalog& catalog, const ConfigLookup& lookup);

// `resolver.For`, with its errors when the configuration is unusable.
ConfigLookup LookupWith(ConfigResolver& resolver);

}  // namespace mcpolicy::diff

#endif  // MCPOLICY_DIFF_SIDES_H_
