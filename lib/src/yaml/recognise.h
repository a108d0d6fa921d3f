// Whether a YAML document is an Intercept policy, judged by its content, so a directory walk can
// lint policy.yaml files and skip CI workflows, compose files and Kubernetes manifests.
#ifndef MCPOLICY_YAML_RECOGNISE_H_
#define MCPOLICY_YAML_RECOGNISE_H_

#include <string>
#include <string_view>

#include "yaml/tree.h"

namespace mcpolicy::yaml {

enum class Likeness : uint8_t {
  kNotPolicy,  // nothing of a policy at the top level, or another tool's file
  kMaybe,      // some policy keys (or near-misses of them) but not enough to be sure
  kPolicy,     // an Intercept policy, perhaps with mistakes
};

struct Recognition {
  Likeness likeness = Likeness::kNotPolicy;
  int score = 0;       // policy evidence minus evidence of other formats
  std::string reason;  // one line: what decided it, for --verbose
};

// Evidence for: top-level `version: "1"`, `tools` (more when its entries hold `rules`), `hide` as a
// list, `default: allow|deny`, `approvals`, and misspellings of those keys (one or two edits).
// Evidence against: the top-level keys of Kubernetes manifests, compose files, GitHub Actions and
// GitLab CI workflows, OpenAPI documents, Ansible playbooks (a list at the top) and the like.
// A tree that failed to parse is kNotPolicy.
Recognition RecogniseInterceptPolicy(const Tree& tree);

// Whether a file name ends in .yaml or .yml.
bool HasYamlExtension(std::string_view path);

// Whether lint reads the file `path` ("-" for standard input) holding `text` as an Intercept policy
// rather than hosted JSON: by its extension (.yaml, .yml), else by content (the first byte that is
// not blank opens no JSON object or array, and the text parses as YAML recognised as kPolicy).
// lint --fix asks the same question to pick the dialect whose text it edits.
bool ReadsAsIntercept(std::string_view path, std::string_view text);

}  // namespace mcpolicy::yaml

#endif  // MCPOLICY_YAML_RECOGNISE_H_
