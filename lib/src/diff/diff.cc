// DiffInputs and DiffTexts: read, parse, choose one server, resolve both versions, compare.
#include "mcpolicy/diff.h"

#include <algorithm>
#include <memory>
#include <tuple>

#include "config/resolver.h"
#include "diff/compare.h"
#include "diff/input.h"
#include "diff/sides.h"
#include "diff/version.h"
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
  if (name == "sarif") return DiffFormat::kSarif;
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

std::string_view DiffResult::status() const {
  if (old_absent) return "added";
  if (new_absent) return "removed";
  return old_path == new_path ? "changed" : "renamed";
}

bool DiffSet::increased() const {
  return std::any_of(files.begin(), files.end(),
                     [](const DiffResult& r) { return r.increased(); });
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

// An absent side has no positions, and brings only one direction: a new policy only increases
// (nothing was reachable before), a removed one only decreases.
void ForAbsentSides(const diff::Version& before, const diff::Version& after, DiffResult& result) {
  result.old_absent = before.absent;
  result.new_absent = after.absent;
  if (!before.absent && !after.absent) return;
  std::erase_if(result.changes, [&](const DiffChange& c) {
    return (before.absent && !c.increase) || (after.absent && c.increase);
  });
  for (DiffChange& c : result.changes) {
    DiffPosition& p = before.absent ? c.old_position : c.new_position;
    p.line = p.column = 0;
  }
}

// Both versions parsed; `config` maps the new path to a server unless options.server is set.
DiffResult CompareVersions(const diff::Version& before, const diff::Version& after,
                           const DiffOptions& options, const Catalog& catalog,
                           const Config& config) {
  DiffResult result;
  result.old_path = before.display;
  result.new_path = after.display;
  // One server for both versions, inferred from every name either mentions.
  Policy names;
  for (const Policy* p : {&before.policy(), &after.policy()}) {
    names.tools.insert(names.tools.end(), p->tools.begin(), p->tools.end());
    names.hide.insert(names.hide.end(), p->hide.begin(), p->hide.end());
  }
  std::string error;
  ServerChoice server = ChooseServer(names, after.absent ? before.display : after.display,
                                     options.server, config, catalog, &error,
                                     options.tools_server);
  if (!error.empty()) {
    result.errors.push_back(error);
    return result;
  }
  result.server = server.Describe();
  Resolution old_resolution = Resolve(before.policy(), server, SharedClassifier);
  Resolution new_resolution = Resolve(after.policy(), server, SharedClassifier);
  // Worded in the dialect of the file the changes are reported at.
  const diff::Version& reported = after.absent ? before : after;
  result.changes = diff::Compare({before, old_resolution}, {after, new_resolution},
                                 diff::WordingOf(reported.dialect()));
  ForAbsentSides(before, after, result);
  std::sort(result.changes.begin(), result.changes.end(), DiffChangeLess);
  return result;
}

DiffResult Errors(std::vector<std::string> errors) {
  DiffResult result;
  result.errors = std::move(errors);
  return result;
}

}  // namespace

namespace diff {

const Catalog* OpenDiffCatalog(const DiffOptions& options, std::unique_ptr<Catalog>& holder,
                               std::vector<std::string>& errors) {
  if (options.catalog_dirs.empty()) return &Catalog::Bundled();
  auto [loaded, problems] = Catalog::Load(options.catalog_dirs);
  for (const CatalogLoadError& e : problems) errors.push_back(e.ToString());
  if (!problems.empty()) return nullptr;
  holder = std::move(loaded);
  return holder.get();
}

DiffResult DiffSides(SideText old_side, SideText new_side, const DiffOptions& options,
                     const Catalog& catalog, const ConfigLookup& lookup) {
  if (old_side.ok && new_side.ok && old_side.absent && new_side.absent) {
    return Errors({old_side.display + ", " + new_side.display +
                   ": both sides are absent (/dev/null, a missing file, or a path not in the "
                   "revision), so there is nothing to compare"});
  }
  std::vector<std::string> errors;
  Version versions[2];
  SideText* sides[2] = {&old_side, &new_side};
  for (int i = 0; i < 2; ++i) {
    versions[i].display = sides[i]->display;
    versions[i].path = sides[i]->path;
    versions[i].absent = sides[i]->absent;
    std::string e = sides[i]->ok ? versions[i].Load(std::move(sides[i]->data),
                                                    sides[i]->path, options.max_bytes)
                                 : sides[i]->error;
    if (!e.empty()) errors.push_back(std::move(e));
  }
  if (!errors.empty()) return Errors(std::move(errors));
  // The configuration matters only for its server mapping, and only without --server.
  Config config;
  if (options.server.empty() && !options.tools_server && lookup) {
    const Version& mapped = versions[1].absent ? versions[0] : versions[1];
    const Config* found = lookup(mapped.path, &errors);
    if (!found) return Errors(std::move(errors));
    config = *found;
  }
  return CompareVersions(versions[0], versions[1], options, catalog, config);
}

ConfigLookup LookupWith(ConfigResolver& resolver) {
  return [&resolver](const std::string& path, std::vector<std::string>* errors) {
    const Config* found = resolver.For(path);
    if (!found) *errors = resolver.errors();
    return found;
  };
}

}  // namespace diff

DiffResult DiffTexts(const std::string& old_path, std::string old_text, const std::string& new_path,
                     std::string new_text, const DiffOptions& options) {
  diff::SideText sides[2];
  const std::string* paths[2] = {&old_path, &new_path};
  std::string* texts[2] = {&old_text, &new_text};
  for (int i = 0; i < 2; ++i) {
    sides[i].ok = true;
    sides[i].display = sides[i].path = *paths[i];
    sides[i].data = std::move(*texts[i]);
  }
  std::vector<std::string> errors;
  std::unique_ptr<Catalog> holder;
  const Catalog* catalog = diff::OpenDiffCatalog(options, holder, errors);
  if (!catalog) return Errors(std::move(errors));
  return diff::DiffSides(std::move(sides[0]), std::move(sides[1]), options, *catalog, nullptr);
}

DiffResult DiffInputs(const std::string& old_input, const std::string& new_input,
                      const DiffOptions& options) {
  if (old_input == "-" && new_input == "-") {
    return Errors(
        {"both inputs are '-': standard input can be read once, so give it for one side only"});
  }
  diff::SideText old_side =
      diff::ReadSide(old_input, options.max_bytes, options.stdin_filename, options.new_file);
  diff::SideText new_side =
      diff::ReadSide(new_input, options.max_bytes, options.stdin_filename, options.new_file);
  std::vector<std::string> errors;
  std::unique_ptr<Catalog> holder;
  const Catalog* catalog = diff::OpenDiffCatalog(options, holder, errors);
  if (!catalog) return Errors(std::move(errors));
  ConfigResolver::Settings settings{options.config_file, false, {}, {}, AllRuleNames()};
  settings.catalog = catalog;
  ConfigResolver resolver(std::move(settings));
  return diff::DiffSides(std::move(old_side), std::move(new_side), options, *catalog,
                         options.no_config ? nullptr : diff::LookupWith(resolver));
}

}  // namespace mcpolicy
