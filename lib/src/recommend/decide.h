// Deciding one tool's rule: from its catalog entry, or from the heuristic for a tool the catalog
// does not know.
#ifndef MCPOLICY_RECOMMEND_DECIDE_H_
#define MCPOLICY_RECOMMEND_DECIDE_H_

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "catalog/tools_server.h"
#include "mcpolicy/classify.h"
#include "mcpolicy/recommend.h"

namespace mcpolicy {

namespace classify {
class Lexicon;
}

namespace recommend {

using Operations = ToolOperations;

// Applies the tier to a tool whose `argument` selects one of `operations`: values whose
// treatment is hide go to `denied`; the tool is limited like its strictest permitted operation,
// or hidden when no operation is permitted.
void DecideMultiplexer(const std::string& argument, const Operations& operations, Tier tier,
                       const TreatmentOverrides& overrides, ToolDecision& decision);

// Decides tools the catalog does not know.
class HeuristicDecider {
 public:
  HeuristicDecider();
  ~HeuristicDecider();
  // False when the embedded lexicon is unusable; error() says why.
  bool ok() const { return classifier_.ok(); }
  const std::string& error() const { return classifier_.error(); }

  // A tool whose input schema has an operation selector (a property the lexicon lists, such as
  // "action") with at least two values, every one naming an operation, is decided as a
  // multiplexer from those values. Any other tool is treated by the category the classifier
  // gives from everything it offers, or by its name's alone when that is treated more strictly
  // (lint judges an uncatalogued tool by its name, so a gentler rule would be flagged). With
  // the dump, lint reads the tool through HeuristicCatalogTool, whose category is never riskier
  // than the rule chosen here allows.
  ToolDecision Decide(const ToolInfo& tool, Tier tier, const TreatmentOverrides& overrides) const;

  // The multiplexer reading of `tool` (mcpolicy::OperationsOf, which lint --tools uses too).
  std::optional<std::pair<std::string, Operations>> OperationsOf(const ToolInfo& tool) const;

 private:
  Classifier classifier_;
};

}  // namespace recommend
}  // namespace mcpolicy

#endif  // MCPOLICY_RECOMMEND_DECIDE_H_
