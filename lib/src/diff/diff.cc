// DiffInputs and DiffTexts: read, parse, choose one server, resolve both versions, compare.
#include "mcpolicy/diff.h"

#include <algorithm>
#include <memory>
#include <tuple>

#include "config/resolver.h"
#include "diff/compare.h"
#include "diff/input.h"
#include "mcpolicy/catalog.h"
#include "mcpolicy/config.h"
#include "mcpolicy/json.h"
#include "mcpolicy/policy.h"
#include "mcpolicy/rules.h"
#include "rules/runner.h"

namespace mcpolicy {

std::optional<DiffFormat> ParseDiffFormat(std::string_view name) {
  if (name == "text") return DiffFormat::kText;
  if (name == "json") return DiffFormat::kJson;
  if (name == "github") return DiffFormat::kGithub;
  return std::nullopt;
}

std::string_view ChangeKindName(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::kBecameReachable:
      return "became-reachable";
    case ChangeKind::kBecameUnreachable:
      return "became-unreachable";
    case ChangeKind::kLeftHide:
      return "left-hide";
    case ChangeKind::kHidden:
      return "hidden";
    case ChangeKind::kLostLimit:
      return "lost-limit";
    case ChangeKind::kGainedLimit:
      return "gained-limit";
    case ChangeKind::kLoosenedLimit:
      return "loosened-limit";
    case ChangeKind::kTightenedLimit:
      return "tightened-limit";
    case ChangeKind::kLostGuard:
      return "lost-guard";
    case ChangeKind::kGainedGuard:
      return "gained-guard";
    case ChangeKind::kDefaultAllow:
      return "default-allow";
    case ChangeKind::kDefaultDeny:
      return "default-deny";
    case ChangeKind::kLostAllToolsLimit:
      return "lost-all-tools-limit";
    case ChangeKind::kGainedAllToolsLimit:
      return "gained-all-tools-limit";
    case ChangeKind::kLoosenedAllToolsLimit:
      return "loosened-all-tools-limit";
    case ChangeKind::kTightenedAllToolsLimit:
      return "tightened-all-tools-limit";
  }
  return "unknown";
}

bool DiffResult::increased() const {
  return std::any_of(changes.begin(), changes.end(),
                     [](const DiffChange& c) { return c.increase; });
}

bool DiffChangeLess(const DiffChange& a, const DiffChange& b) {
  auto key = [](const DiffChange& c) {
    return std::make_tuple(!c.increase, -static_cast<int>(c.risk), std::string_view(c.tool),
                           static_cast<int>(c.kind), c.new_position.line, c.new_position.column,
                           std::string_view(c.message));
  };
  return key(a) < key(b);
}

namespace {

struct Version {
  std::string display;
  std::string path;  // for the configuration lookup
  std::unique_ptr<json::Document> doc;
  Policy policy;
};

// Parses one version; on failure returns the message (path:line:col where there is one).
std::string Load(Version& v, std::string text, uint64_t max_bytes) {
  json::ParseOptions options;
  options.max_bytes = max_bytes;
  v.doc = std::make_unique<json::Document>(json::Document::Parse(std::move(text), options));
  if (!v.doc->ok()) {
    const json::ParseError& e = *v.doc->error();
    json::Location at = v.doc->Locate(e.offset);
    return v.display + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) +
           ": invalid JSON: " + e.message;
  }
  if (!v.doc->root().is_object()) {
    return v.display + ":1:1: not a policy: the top level is " +
           std::string(json::TypeName(v.doc->root().type())) + ", not an object";
  }
  v.policy = ReadPolicy(*v.doc);
  return "";
}

// Both versions parsed; `config` maps the new path to a server unless options.server is set.
DiffResult Compare(Version& before, Version& after, const DiffOptions& options,
                   const Config& config) {
  DiffResult result;
  result.old_path = before.display;
  result.new_path = after.display;
  std::unique_ptr<Catalog> user_catalog;
  const Catalog* catalog = &Catalog::Bundled();
  if (!options.catalog_dirs.empty()) {
    auto [loaded, errors] = Catalog::Load(options.catalog_dirs);
    for (const CatalogLoadError& e : errors) result.errors.push_back(e.ToString());
    if (!result.errors.empty()) return result;
    user_catalog = std::move(loaded);
    catalog = user_catalog.get();
  }
  // One server for both versions, inferred from every name either mentions.
  Policy names;
  for (const Policy* p : {&before.policy, &after.policy}) {
    names.tools.insert(names.tools.end(), p->tools.begin(), p->tools.end());
    names.hide.insert(names.hide.end(), p->hide.begin(), p->hide.end());
  }
  std::string error;
  ServerChoice server =
      ChooseServer(names, after.display, options.server, config, *catalog, &error);
  if (!error.empty()) {
    result.errors.push_back(error);
    return result;
  }
  result.server = server.Describe();
  Resolution old_resolution = Resolve(before.policy, server, SharedClassifier);
  Resolution new_resolution = Resolve(after.policy, server, SharedClassifier);
  result.changes = diff::Compare({*before.doc, before.policy, old_resolution},
                                 {*after.doc, after.policy, new_resolution});
  std::sort(result.changes.begin(), result.changes.end(), DiffChangeLess);
  return result;
}

DiffResult Errors(std::vector<std::string> errors) {
  DiffResult result;
  result.errors = std::move(errors);
  return result;
}

}  // namespace

DiffResult DiffTexts(const std::string& old_path, std::string old_text, const std::string& new_path,
                     std::string new_text, const DiffOptions& options) {
  Version before{old_path, old_path, nullptr, {}};
  Version after{new_path, new_path, nullptr, {}};
  std::vector<std::string> errors;
  for (auto [v, text] : {std::pair{&before, &old_text}, {&after, &new_text}}) {
    std::string e = Load(*v, std::move(*text), options.max_bytes);
    if (!e.empty()) errors.push_back(std::move(e));
  }
  if (!errors.empty()) return Errors(std::move(errors));
  return Compare(before, after, options, Config());
}

DiffResult DiffInputs(const std::string& old_input, const std::string& new_input,
                      const DiffOptions& options) {
  if (old_input == "-" && new_input == "-") {
    return Errors(
        {"both inputs are '-': standard input can be read once, so give it for one side only"});
  }
  std::vector<std::string> errors;
  Version versions[2];
  const std::string* inputs[2] = {&old_input, &new_input};
  for (int i = 0; i < 2; ++i) {
    diff::SideText side = diff::ReadSide(*inputs[i], options.max_bytes, options.stdin_filename);
    versions[i].display = side.display;
    versions[i].path = side.path;
    std::string e =
        side.ok ? Load(versions[i], std::move(side.data), options.max_bytes) : side.error;
    if (!e.empty()) errors.push_back(std::move(e));
  }
  if (!errors.empty()) return Errors(std::move(errors));
  // The configuration matters only for its server mapping, and only without --server.
  Config config;
  if (options.server.empty() && !options.no_config) {
    ConfigResolver resolver({options.config_file, false, {}, {}, AllRuleNames()});
    const Config* found = resolver.For(versions[1].path);
    if (!found) return Errors(resolver.errors());
    config = *found;
  }
  return Compare(versions[0], versions[1], options, config);
}

}  // namespace mcpolicy
