// Uncatalogued tools as catalog entries: the multiplexer reading of an operation enum, and the
// category the heuristic gives a tool from everything its tools/list entry offers. recommend and
// `lint --tools` both go through here, so a policy recommend writes from a dump lints clean when
// lint is given the same dump.
#ifndef MCPOLICY_CATALOG_TOOLS_SERVER_H_
#define MCPOLICY_CATALOG_TOOLS_SERVER_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "mcpolicy/catalog.h"
#include "mcpolicy/classify.h"

namespace mcpolicy {

// Each operation value and its category, in the schema's order.
using ToolOperations = std::vector<std::pair<std::string, Category>>;

// The multiplexer reading of `tool`: an input-schema property the lexicon lists as an operation
// selector (such as "action") with at least two enum values, every one naming an operation. The
// selector and each value's category, or nullopt (also when the classifier is not ok()).
std::optional<std::pair<std::string, ToolOperations>> OperationsOf(const Classifier& classifier,
                                                                   const ToolInfo& tool);

// `tool` as a catalog entry: a multiplexer's category is its worst operation's (CategoryRank),
// as the catalog requires. Any other tool gets the category the classifier gives from its name,
// description, schema and hints, unless its name alone reads riskier (DangerRank): a dump is the
// server's own word, and a gentle description does not talk `delete_everything` down. This is the
// category recommend's name floor protects, and the one lint judges without a dump. The summary
// is the description's first sentence.
CatalogTool HeuristicCatalogTool(const Classifier& classifier, const ToolInfo& tool);

}  // namespace mcpolicy

#endif  // MCPOLICY_CATALOG_TOOLS_SERVER_H_
