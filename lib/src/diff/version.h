// One version of a policy for diff, read in its own dialect (PolicyLayer's hosted JSON or
// Intercept YAML, chosen as lint chooses) and normalised into the neutral model, with what the
// comparison needs from the dialect: positions (a SourceMap), condition values in one canonical
// form whichever dialect wrote them, and the words its messages use.
#ifndef MCPOLICY_DIFF_VERSION_H_
#define MCPOLICY_DIFF_VERSION_H_

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>

#include "intercept/model.h"
#include "intercept/read.h"
#include "mcpolicy/json.h"
#include "mcpolicy/policy.h"
#include "mcpolicy/source_map.h"

namespace mcpolicy::diff {

enum class Dialect : uint8_t { kHostedJson, kIntercept };

// The words a diff message uses for the parts of a policy, in one dialect's keys.
struct DiffWording {
  std::string_view default_subject;    // "default", "default:"
  std::string_view all_tools_subject;  // "all_tools", "\"*\" rules"
  std::string_view all_tools_state;    // "all_tools", "\"*\" rate_limit" (after "no limit of its own (")
  std::string_view hidden;             // "hidden", "hidden (in hide:)"
  std::string_view hidden_by_all;      // "hidden (by \"*\")", "hidden (by \"*\" in hide:)"
  std::string_view denied_by_default;  // "denied by default", "denied (default: deny)"
  std::string_view denied_by_rule;     // "denied by a rule", "denied by an action: deny rule"
  std::string_view require_list;       // "require", "evaluate rule:"
  std::string_view deny_if_list;       // "deny_if", "require_approval rule:"
  std::string_view stopped_by;         // "a condition", "a rule's conditions or approval"
};
const DiffWording& WordingOf(Dialect dialect);

class Version {
 public:
  std::string display;  // the path findings are reported at
  std::string path;     // the file the configuration is looked up for
  bool absent = false;  // compared as an empty policy that lets nothing through

  // Reads `text` in the dialect ReadsAsIntercept gives `dialect_path` (an absent side is an
  // empty hosted policy). On failure returns one message, "path:line:col: invalid YAML: ...".
  std::string Load(std::string text, const std::string& dialect_path, uint64_t max_bytes);

  Dialect dialect() const { return dialect_; }
  const Policy& policy() const { return model_ ? model_->policy : hosted_; }
  const SourceMap& source() const;
  // The document's root, and the all_tools object or the "*" tool's rules (kNoLoc when none).
  LocId root_loc() const { return root_loc_; }
  LocId all_tools_loc() const { return all_tools_loc_; }
  // A condition's value in a form that does not depend on formatting or dialect: strings
  // JSON-quoted, numbers as shortest doubles, arrays "[a, b]", object keys sorted. "" when the
  // condition has no value.
  std::string ValueText(const Condition& condition) const;

 private:
  Dialect dialect_ = Dialect::kHostedJson;
  std::unique_ptr<json::Document> doc_;
  Policy hosted_;
  std::unique_ptr<intercept::ReadResult> read_;
  std::unique_ptr<intercept::TreeSource> tree_source_;
  std::unique_ptr<intercept::Model> model_;
  std::unordered_map<LocId, const intercept::Operand*> operands_;  // by condition node
  LocId root_loc_ = 0;
  LocId all_tools_loc_ = kNoLoc;
};

}  // namespace mcpolicy::diff

#endif  // MCPOLICY_DIFF_VERSION_H_
