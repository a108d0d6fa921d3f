#include "yaml/recognise.h"

#include <string_view>
#include <vector>

#include "util/suggest.h"

namespace mcpolicy::yaml {

namespace {

// Top-level keys that belong to other YAML formats (none of them is an Intercept key).
constexpr std::string_view kForeignKeys[] = {
    "apiVersion", "kind", "metadata", "spec", "data", "stringData",       // Kubernetes
    "services", "volumes", "networks", "configs", "secrets", "x-common",  // compose
    "on", "jobs", "runs", "inputs", "outputs", "permissions", "env",      // GitHub Actions
    "stages", "variables", "include", "image", "before_script", "script", "workflow",  // GitLab CI
    "openapi", "swagger", "paths", "components", "info", "servers",       // OpenAPI
    "repos", "ci", "updates", "registries", "steps", "pipeline", "trigger", "pool",
    "site_name", "nav", "theme", "plugins", "dependencies", "dev_dependencies", "flutter",
    "language", "dist", "matrix", "install", "cache", "hosts", "tasks", "roles", "vars",
    "extends", "rules", "AWSTemplateFormatVersion", "Resources", "Parameters", "Outputs",
};

constexpr std::string_view kPolicyKeys[] = {"version", "tools", "hide", "default", "description",
                                            "approvals"};

bool IsForeign(std::string_view key) {
  for (std::string_view f : kForeignKeys) {
    if (key == f) return true;
  }
  return false;
}

// The policy key `key` misspells (one or two edits, never for very short words), or "".
std::string_view NearMiss(std::string_view key) {
  for (std::string_view p : kPolicyKeys) {
    if (key == p) return p;
  }
  if (key.size() < 4) return {};
  for (std::string_view p : kPolicyKeys) {
    size_t distance = EditDistance(key, p);
    if (distance <= (p.size() >= 7 ? 2u : 1u)) return p;
  }
  return {};
}

}  // namespace

Recognition RecogniseInterceptPolicy(const Tree& tree) {
  Recognition r;
  if (!tree.ok() || tree.root() == kNoNode) {
    r.reason = "not parsed";
    return r;
  }
  uint32_t root = tree.root();
  if (!tree.IsMap(root)) {
    r.reason = "the top level is not a mapping";
    return r;
  }
  int policy = 0, foreign = 0;
  bool structural = false;  // tools, hide or default (or a near-miss of one)
  bool version_one = false;
  std::string first_foreign;
  for (auto [k, v] : tree.Entries(root)) {
    if (!tree.IsScalar(k)) continue;
    std::string_view key = tree.ScalarText(k);
    std::string_view value = tree.IsScalar(v) ? tree.ScalarText(v) : std::string_view();
    std::string_view known = NearMiss(key);
    bool exact = known == key;
    if (known == "version") {
      version_one = exact && value == "1";
      policy += version_one ? 2 : (exact ? 0 : 1);
    } else if (known == "tools") {
      structural = true;
      int with_rules = 0, entries = 0;
      if (tree.IsMap(v)) {
        for (auto [tk, tv] : tree.Entries(v)) {
          ++entries;
          uint32_t rules = kNoNode;
          if (tree.IsMap(tv) && tree.FindKey(tv, "rules", &rules) != kNoNode) ++with_rules;
        }
      }
      policy += tree.IsMap(v) ? (entries > 0 && with_rules * 2 >= entries ? 3 : 1) : 0;
    } else if (known == "hide") {
      structural = true;
      policy += tree.IsSeq(v) ? 2 : 1;
    } else if (known == "default") {
      structural = true;
      policy += (value == "allow" || value == "deny") ? 2 : 1;
    } else if (known == "approvals") {
      policy += 1;
    } else if (key == "all_tools") {
      structural = true;  // PolicyLayer hosted keys written in YAML: still meant as a policy
      policy += 1;
    } else if (IsForeign(key)) {
      foreign += 2;
      if (first_foreign.empty()) first_foreign = std::string(key);
    }
  }
  r.score = policy - foreign;
  if (!structural) {
    r.reason = "no tools, hide or default at the top level";
  } else if (r.score >= 4 || (version_one && r.score >= 3)) {
    r.likeness = Likeness::kPolicy;
    r.reason = "top-level policy keys";
  } else if (r.score >= 1) {
    r.likeness = Likeness::kMaybe;
    r.reason = "some policy keys";
  } else {
    r.reason = "top-level \"" + first_foreign + "\" belongs to another format";
  }
  return r;
}

bool HasYamlExtension(std::string_view path) {
  return path.ends_with(".yaml") || path.ends_with(".yml");
}

bool ReadsAsIntercept(std::string_view path, std::string_view text) {
  if (HasYamlExtension(path)) return true;
  std::string_view body = text;
  if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);
  size_t at = body.find_first_not_of(" \t\r\n");
  if (at != std::string_view::npos && (body[at] == '{' || body[at] == '[')) return false;
  Tree tree = Tree::Parse(std::string(text));
  return tree.ok() && RecogniseInterceptPolicy(tree).likeness == Likeness::kPolicy;
}

}  // namespace mcpolicy::yaml
