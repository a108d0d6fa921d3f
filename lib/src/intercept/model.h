// The Intercept dialect's row parts that the rest of mcpolicy sees: its policy mapped onto the
// neutral model (so every risk rule judges YAML exactly as it judges JSON), its tree as a
// SourceMap, and its wording of advice in YAML keys.
//
// How Intercept's constructs map (docs/intercept.md):
//   default omitted            -> allow (Intercept's default), marked as not written
//   hide                       -> hide entries
//   rate_limit: N/window       -> a limit of N calls per window, counted per tool
//   state + `state.T.C lt N`   -> a limit of N (lte: N+1) per window; with increment_from it is a
//                                 spend cap: a limit with no call count (it guards, it is no rate)
//   evaluate rule conditions   -> `require` (every one must hold for the call to pass)
//   deny rule, no conditions   -> the tool is denied by a rule (unreachable)
//   require_approval rule      -> without conditions every call waits for a person (a guard on
//                                 every operation); with conditions, calls matching them do
//                                 (guards, like hosted JSON's deny_if)
//   "*" rules                  -> rate limits become limits on every tool (all_tools)
#ifndef MCPOLICY_INTERCEPT_MODEL_H_
#define MCPOLICY_INTERCEPT_MODEL_H_

#include <deque>
#include <string>
#include <vector>

#include "intercept/policy.h"
#include "mcpolicy/policy.h"
#include "mcpolicy/source_map.h"
#include "policy/wording.h"
#include "yaml/tree.h"

namespace mcpolicy::intercept {

// A yaml::Tree as a SourceMap: a LocId is a node index.
class TreeSource final : public SourceMap {
 public:
  explicit TreeSource(const yaml::Tree& tree) : tree_(tree) {}
  std::string_view SourceText() const override { return tree_.text(); }
  TextPoint Locate(uint32_t offset) const override;
  std::string_view LineText(uint32_t line) const override { return tree_.LineText(line); }
  uint32_t BeginOffset(LocId id) const override { return tree_.node(id).begin.offset; }
  uint32_t EndOffset(LocId id) const override { return tree_.node(id).end; }
  std::string PointerOf(LocId id) const override;

 private:
  void BuildParents() const;

  const yaml::Tree& tree_;
  // Parent node and the key or index that leads to each node, built on the first PointerOf.
  mutable std::vector<uint32_t> parent_;
  mutable std::vector<std::string> token_;
};

// The neutral model of an Intercept policy. It views `source` (names, counters, paths, values)
// and the value lists it owns: keep `source` alive and do not move the Model after Map.
struct Model {
  Policy policy;
  std::deque<std::vector<std::string_view>> value_lists;  // each condition's string values
};
void Map(const InterceptPolicy& source, Model& model);

const PolicyWording& InterceptWording();

}  // namespace mcpolicy::intercept

#endif  // MCPOLICY_INTERCEPT_MODEL_H_
