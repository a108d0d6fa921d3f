// DiffGit: every policy `git diff --name-status -M BASE` names (hosted JSON or Intercept YAML), BASE
// against the working tree.
#include <algorithm>
#include <filesystem>
#include <set>

#include "config/resolver.h"
#include "diff/input.h"
#include "diff/sides.h"
#include "lint/recognise.h"
#include "mcpolicy/diff.h"
#include "mcpolicy/io.h"
#include "mcpolicy/json.h"
#include "mcpolicy/rules.h"
#include "yaml/recognise.h"
#include "yaml/tree.h"

namespace mcpolicy {
namespace {

namespace fs = std::filesystem;

constexpr uint64_t kMaxListing = 64ull << 20;

// One entry of `git diff --name-status -z`: paths relative to the repository's root.
struct GitChange {
  char status = 'M';     // A added, D deleted, M modified, R renamed, C copied, T type changed
  std::string old_path;  // "" when added
  std::string new_path;  // "" when deleted
};

// Parses `git diff --name-status -z` output: "STATUS\0PATH\0", or for renames and copies
// "RNNN\0OLD\0NEW\0". False on anything else.
bool ParseNameStatus(const std::string& out, std::vector<GitChange>& changes) {
  std::vector<std::string_view> fields;
  std::string_view rest = out;
  while (!rest.empty()) {
    size_t nul = rest.find('\0');
    if (nul == std::string_view::npos) return false;
    fields.push_back(rest.substr(0, nul));
    rest.remove_prefix(nul + 1);
  }
  for (size_t i = 0; i < fields.size();) {
    std::string_view status = fields[i++];
    if (status.empty()) return false;
    GitChange change;
    change.status = status[0];
    bool two = change.status == 'R' || change.status == 'C';
    if (i + (two ? 2 : 1) > fields.size()) return false;
    std::string first(fields[i++]);
    if (two) {
      change.old_path = first;
      change.new_path = std::string(fields[i++]);
    } else if (change.status == 'A') {
      change.new_path = first;
    } else if (change.status == 'D') {
      change.old_path = first;
    } else {
      change.old_path = change.new_path = first;
    }
    changes.push_back(std::move(change));
  }
  return true;
}

// A root-relative path as the working directory names it (relative when below it).
std::string Display(const fs::path& top, const std::string& root_relative) {
  std::error_code ec;
  fs::path absolute = (top / root_relative).lexically_normal();
  fs::path cwd = fs::current_path(ec);
  std::string relative = absolute.lexically_relative(cwd).generic_string();
  if (ec || relative.empty()) return absolute.generic_string();
  return relative;
}

std::string FileName(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Whether a side that was read is a policy; "" when it is, else why not. A side that does not
// parse is left to the diff, which reports it.
std::string NotAPolicy(const diff::SideText& side, uint64_t max_bytes) {
  if (!side.ok || side.absent) return "";
  if (yaml::ReadsAsIntercept(side.path, side.data)) {
    yaml::ParseOptions options;
    options.max_bytes = max_bytes;
    yaml::Tree tree = yaml::Tree::Parse(side.data, options);
    if (!tree.ok()) return "";
    yaml::Recognition r = yaml::RecogniseInterceptPolicy(tree);
    return r.likeness == yaml::Likeness::kNotPolicy ? "not an Intercept policy (" + r.reason + ")"
                                                    : "";
  }
  json::ParseOptions options;
  options.max_bytes = max_bytes;
  json::Document doc = json::Document::Parse(side.data, options);
  if (!doc.ok()) return "";
  Recognition r = Recognise(doc);
  return r.kind == FileKind::kPolicy ? "" : r.reason;
}

}  // namespace

DiffSet DiffGit(const std::string& base, const std::vector<std::string>& paths,
                const DiffOptions& options) {
  DiffSet set;
  set.base = base;
  if (base.empty() || base[0] == '-') {
    set.errors.push_back("--git " + base + ": expected a revision (a branch, tag or commit)");
    return set;
  }
  if (!diff::RunGit({"rev-parse", "--verify", "--quiet", base + "^{commit}"}, 4096).ok) {
    std::string fetch = "fetch it first";
    if (base.rfind("origin/", 0) == 0 && base.size() > 7) {
      std::string branch = base.substr(7);
      fetch += " (git fetch --depth=1 origin +refs/heads/" + branch + ":refs/remotes/origin/" +
               branch + ")";
    }
    set.errors.push_back("--git " + base + ": not a commit in this repository; a shallow CI "
                         "checkout may lack it: " + fetch +
                         ", or check out the whole history (docs/diff.md)");
    return set;
  }
  diff::GitOutput top = diff::RunGit({"rev-parse", "--show-toplevel"}, 1 << 16);
  if (!top.ok) {
    set.errors.push_back("--git " + base + ": " + top.error);
    return set;
  }
  while (!top.out.empty() && (top.out.back() == '\n' || top.out.back() == '\r')) top.out.pop_back();
  fs::path root(top.out);
  // Renames are found over the whole tree: with the PATHs as a pathspec, git would list a file
  // moved in from outside them as added. The PATHs then choose the changes that touch them.
  std::vector<GitChange> changes;
  std::vector<std::string> args = {"diff", "--name-status", "-z", "-M", "--no-ext-diff", base, "--"};
  diff::GitOutput listing = diff::RunGit(args, kMaxListing);
  if (!listing.ok || !ParseNameStatus(listing.out, changes)) {
    set.errors.push_back("git diff --name-status " + base + ": " +
                         (listing.ok ? "unexpected output" : listing.error));
    return set;
  }
  if (!paths.empty()) {
    args = {"diff", "--name-only", "-z", "--no-renames", "--no-ext-diff", base, "--"};
    args.insert(args.end(), paths.begin(), paths.end());
    diff::GitOutput chosen = diff::RunGit(args, kMaxListing);
    if (!chosen.ok) {
      set.errors.push_back("git diff --name-only " + base + ": " + chosen.error);
      return set;
    }
    std::set<std::string, std::less<>> named;
    for (size_t start = 0, nul; (nul = chosen.out.find('\0', start)) != std::string::npos;
         start = nul + 1) {
      named.insert(chosen.out.substr(start, nul - start));
    }
    std::erase_if(changes, [&](const GitChange& c) {
      return !named.contains(c.new_path) && !named.contains(c.old_path);
    });
  }
  std::unique_ptr<Catalog> holder;
  const Catalog* catalog = diff::OpenDiffCatalog(options, holder, set.errors);
  if (!catalog) return set;
  ConfigResolver::Settings settings{options.config_file, options.no_config, {}, {}, AllRuleNames()};
  settings.catalog = catalog;
  ConfigResolver resolver(std::move(settings));
  for (GitChange& change : changes) {
    const std::string& name_path = change.new_path.empty() ? change.old_path : change.new_path;
    std::string display = Display(root, name_path);
    std::string file_name = FileName(name_path);
    if (!(HasPolicyExtension(file_name) || yaml::HasYamlExtension(file_name)) ||
        file_name == kConfigFileName) {
      continue;
    }
    if (change.status == 'U') {
      set.errors.push_back(display + ": unmerged; resolve the conflict first");
      continue;
    }
    if (const Config* config = resolver.Peek(display)) {
      if (std::string glob = config->ExcludedBy(display); !glob.empty()) {
        set.skipped.push_back(display + ": excluded by " + config->path + " (\"" + glob + "\")");
        continue;
      }
    }
    diff::SideText old_side;
    diff::SideText new_side;
    if (change.status == 'A' || change.status == 'C') {  // a copy is a new policy too
      old_side.ok = old_side.absent = true;
      old_side.display = old_side.path = display;
    } else {
      old_side = diff::ReadGitBlob(base, change.old_path, Display(root, change.old_path),
                                   options.max_bytes);
    }
    if (change.status == 'D') {
      new_side.ok = new_side.absent = true;
      new_side.display = new_side.path = display;
    } else {
      new_side = diff::ReadSide(display, options.max_bytes, "", /*missing_is_absent=*/true);
    }
    std::string old_reason = NotAPolicy(old_side, options.max_bytes);
    std::string new_reason = NotAPolicy(new_side, options.max_bytes);
    bool old_policy = !old_side.absent && old_reason.empty();
    bool new_policy = !new_side.absent && new_reason.empty();
    if (!old_policy && !new_policy && old_side.ok && new_side.ok) {
      set.skipped.push_back(display + ": " + (new_reason.empty() ? old_reason : new_reason));
      continue;
    }
    DiffResult result = diff::DiffSides(std::move(old_side), std::move(new_side), options,
                                        *catalog, diff::LookupWith(resolver));
    if (!result.errors.empty()) {
      set.errors.insert(set.errors.end(), result.errors.begin(), result.errors.end());
      continue;
    }
    set.files.push_back(std::move(result));
  }
  std::stable_sort(set.files.begin(), set.files.end(), [](const DiffResult& a, const DiffResult& b) {
    return a.path() < b.path();
  });
  return set;
}

}  // namespace mcpolicy
