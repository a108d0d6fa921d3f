// The lint and validate drivers: expand paths, read and parse each file once, report parse
// errors, duplicate keys and schema violations, in parallel over files.
#include "mcpolicy/lint.h"

#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <mutex>
#include <set>
#include <thread>

#include "config/glob.h"
#include "lint/configuration.h"
#include "lint/dialect_hints.h"
#include "lint/recognise.h"
#include "mcpolicy/embedded.h"
#include "mcpolicy/io.h"
#include "mcpolicy/json.h"
#include "mcpolicy/policy.h"
#include "mcpolicy/schema.h"
#include "rules/runner.h"
#include "mcpolicy/json.h"
#include "mcpolicy/rules.h"
#include "intercept/model.h"
#include "intercept/read.h"
#include "util/sink.h"
#include "yaml/recognise.h"
#include "yaml/tree.h"
#include "util/suggest.h"
#include "util/text.h"

namespace mcpolicy {
namespace {

namespace fs = std::filesystem;

struct Input {
  std::string path;       // as read ("-" for stdin)
  std::string display;    // as reported
  bool explicit_ = true;  // named on the command line (always checked) vs found in a directory
};

// Whether `path` lies inside the directory `root` (both canonical).
bool Inside(const fs::path& path, const fs::path& root) {
  auto [r, p] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
  return r == root.end();
}

// Expands directories into their *.json files (and, with `yaml`, *.yaml and *.yml), sorted, so output order never depends on the
// file system. For writing (lint --fix), a file found through a symlink that leads out of the
// directory given is skipped with a warning unless `follow_symlinks`, and a file named twice
// (through another path, a symlink or a hard link) is kept once.
void ExpandPaths(const std::vector<std::string>& paths, const std::string& stdin_name,
                 std::vector<Input>& inputs, std::vector<std::string>& errors,
                 bool writing = false, bool follow_symlinks = false,
                 std::vector<std::string>* warnings = nullptr, bool yaml = false) {
  for (const std::string& path : paths) {
    if (path == "-") {
      inputs.push_back({"-", stdin_name.empty() ? "<stdin>" : stdin_name, true});
      continue;
    }
    std::error_code ec;
    fs::file_status status = fs::status(path, ec);
    if (!ec && fs::is_directory(status)) {
      std::vector<std::string> found;
      fs::path root = fs::canonical(path, ec);
      fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
      for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (it->is_directory(ec)) {
          if ((name.size() > 1 && name[0] == '.') || name == "node_modules") it.disable_recursion_pending();
          continue;
        }
        bool wanted = HasPolicyExtension(name) || (yaml && yaml::HasYamlExtension(name));
        if (!wanted || name == kConfigFileName || !it->is_regular_file(ec)) {
          continue;
        }
        std::error_code link_ec;
        if (writing && !follow_symlinks && it->is_symlink(link_ec)) {
          fs::path target = fs::canonical(it->path(), link_ec);
          if (link_ec || !Inside(target, root)) {
            if (warnings) {
              std::error_code read_ec;
              std::string text = fs::read_symlink(it->path(), read_ec).generic_string();
              warnings->push_back(it->path().generic_string() + ": is a symbolic link to " +
                                  (link_ec ? "a file that does not exist (" + text + ")" : text) +
                                  ", outside " + path + "; not followed when writing (use "
                                  "--follow-symlinks to fix it too)");
            }
            continue;
          }
        }
        found.push_back(it->path().generic_string());
      }
      if (ec) {
        errors.push_back(path + ": " + ec.message());
      } else if (found.empty()) {
        errors.push_back(path + (yaml ? ": is a directory with no .json, .yaml or .yml files"
                                      : ": is a directory with no .json files") +
                         " (hidden directories and node_modules are not searched)");
      }
      std::sort(found.begin(), found.end());
      for (std::string& f : found) inputs.push_back({f, f, false});
      continue;
    }
    inputs.push_back({path, path, true});
  }
  if (!writing) return;
  std::set<std::pair<dev_t, ino_t>> seen;
  std::erase_if(inputs, [&](const Input& in) {
    struct stat info;
    if (in.path == "-" || stat(in.path.c_str(), &info) != 0) return false;
    return !seen.insert({info.st_dev, info.st_ino}).second;
  });
}

// The --exclude glob (relative to the working directory) covering `path`, or "".
std::string ExcludedByFlag(const std::vector<std::string>& globs, const std::string& path) {
  if (globs.empty() || path == "-") return "";
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  fs::path absolute = fs::absolute(path, ec).lexically_normal();
  std::string relative = absolute.lexically_relative(cwd).generic_string();
  if (ec || relative.empty() || relative.rfind("..", 0) == 0) {
    relative = fs::path(path).lexically_normal().generic_string();
  }
  for (const std::string& glob : globs) {
    if (GlobMatchOrParent(glob, relative)) return glob;
  }
  return "";
}

void ReportParse(const json::Document& doc, DiagnosticSink& sink) {
  const json::ParseError& e = *doc.error();
  sink.ReportAtOffset("invalid-json", e.offset, e.offset + 1, e.message);
}

void ReportDuplicates(const json::Document& doc, DiagnosticSink& sink) {
  for (const json::DuplicateKey& d : doc.duplicates()) {
    json::Value first(&doc, d.first);
    std::string key;
    AppendJsonQuoted(key, json::Value(&doc, d.second).as_string());
    sink.Report("duplicate-key", d.second,
                "duplicate key " + key + " (first at line " + std::to_string(first.location().line) +
                    "); parsers keep the last value but a gateway may keep the first");
  }
}

std::string_view ParentPointer(std::string_view pointer) {
  size_t slash = pointer.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : pointer.substr(0, slash);
}

// A misspelt required key ("defualt") shows up twice: as an unknown key and as a missing one.
// Report it once, at the misspelling, and drop the "missing required key" finding.
void MergeMisspeltRequired(std::vector<SchemaError>& errors) {
  std::vector<bool> drop(errors.size(), false);
  for (SchemaError& e : errors) {
    if (e.keyword != "additionalProperties") continue;
    // Candidates are rendered as JSON strings: compare their contents.
    std::vector<std::string_view> candidates;
    for (std::string_view c : e.candidates) {
      if (c.size() >= 2 && c.front() == '"' && c.back() == '"') candidates.push_back(c.substr(1, c.size() - 2));
    }
    std::string guess = Suggest(e.offending, candidates);
    if (guess.empty()) continue;
    for (size_t i = 0; i < errors.size(); ++i) {
      const SchemaError& r = errors[i];
      if (r.keyword == "required" && r.offending == guess && r.pointer == ParentPointer(e.pointer)) {
        drop[i] = true;
        e.message += " (\"" + guess + "\" is required)";
      }
    }
  }
  size_t kept = 0;
  for (size_t i = 0; i < errors.size(); ++i) {
    if (drop[i]) continue;
    if (kept != i) errors[kept] = std::move(errors[i]);
    ++kept;
  }
  errors.resize(kept);
}

void ReportSchema(const json::Document& doc, const Schema& schema, bool policy_hints,
                  DiagnosticSink& sink) {
  std::vector<SchemaError> errors = schema.Validate(doc.root());
  MergeMisspeltRequired(errors);
  DialectHints hints(doc);
  for (SchemaError& e : errors) {
    std::optional<DialectHint> hint;
    if (policy_hints) hint = hints.For(e);
    if (!hint) {
      sink.Report("schema", e.node, std::move(e.message));
      continue;
    }
    Diagnostic& d = sink.Report("schema", e.node, std::move(hint->message));
    d.remedy = std::move(hint->remedy);
  }
}

const Schema* PolicySchema() { return EmbeddedSchema("schemas/policylayer.schema.json"); }

// What lint adds to validate: the policy rules, with the file's configuration and server.
struct PolicyRun {
  const std::string* server_flag;  // --server, "" for none
  const CatalogServer* tools_server;  // --tools, nullptr for none
  const Config* config;
  PolicyServer* server;  // out: the server the policy was judged against (server "" = none)
  std::string* error;    // out: the server could not be chosen (exit 2)
};

// What lint reports about the server a policy was judged against (nothing when none).
void RecordServer(const std::string& path, const ServerChoice& server, PolicyServer& out) {
  if (!server.server) return;
  static constexpr const char* kSources[] = {"", "--server", "configuration", "inferred", "--tools"};
  out = {path, server.server->id, kSources[static_cast<int>(server.source)], server.matched,
         server.total, server.Describe()};
}

// Checks one parsed file. `schema` is the policy schema for lint, the user's for validate;
// `policy` is set for lint only.
void CheckDocument(const json::Document& doc, const Schema& schema, const PolicyRun* policy,
                   DiagnosticSink& sink) {
  if (!doc.ok()) {
    ReportParse(doc, sink);
    return;
  }
  ReportDuplicates(doc, sink);
  ReportSchema(doc, schema, policy != nullptr, sink);
  if (!policy) return;
  Policy model = ReadPolicy(doc);
  ServerChoice server = ChooseServer(model, sink.path(), *policy->server_flag, *policy->config,
                                     Catalog::Bundled(), policy->error, policy->tools_server);
  if (!policy->error->empty()) {
    *policy->error = sink.path() + ": " + *policy->error;
    return;
  }
  RecordServer(sink.path(), server, *policy->server);
  RunPolicyRules(doc, HostedJsonWording(), model, server, *policy->config, sink);
}

// Runs `work(i)` for every input, on up to `jobs` threads; results are merged by the caller.
template <typename Work>
void ForEachParallel(size_t count, unsigned jobs, Work work) {
  unsigned threads = jobs ? jobs : std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<size_t>(threads, count));
  if (threads <= 1) {
    for (size_t i = 0; i < count; ++i) work(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) {
    pool.emplace_back([&] {
      for (size_t i = next++; i < count; i = next++) work(i);
    });
  }
  for (std::thread& t : pool) t.join();
}

struct FileOutcome {
  std::vector<Diagnostic> diagnostics;
  std::string error;
  std::string skipped;
  bool checked = false;
  std::vector<SuppressionUse> suppressions;
  PolicyServer server;  // lint: the server the policy was judged against (server "" = none)
  bool intercept = false;  // read as Intercept YAML
};

// Lints an Intercept YAML policy: the reader's findings (YAML, Intercept's own checks, keys), then
// every policy rule on its neutral model, worded in YAML. Returns false when the file was skipped
// (`skip_others` and its content is no policy).
bool CheckIntercept(const Input& in, std::string text, bool skip_others, const PolicyRun& policy,
                    FileOutcome& out) {
  intercept::ReadResult read = intercept::Read(in.display, std::move(text));
  if (skip_others && read.parsed && read.recognition.likeness == yaml::Likeness::kNotPolicy) {
    out.skipped = in.display + ": not an Intercept policy (" + read.recognition.reason + ")";
    return false;
  }
  out.diagnostics = std::move(read.diagnostics);
  if (!read.parsed) return true;
  intercept::Model model;
  intercept::Map(read.policy, model);
  ServerChoice server = ChooseServer(model.policy, in.display, *policy.server_flag, *policy.config,
                                     Catalog::Bundled(), policy.error, policy.tools_server);
  if (!policy.error->empty()) {
    *policy.error = in.display + ": " + *policy.error;
    return true;
  }
  RecordServer(in.display, server, *policy.server);
  intercept::TreeSource source(read.tree);
  DiagnosticSink sink(in.display, &source, out.diagnostics, DefaultSeverity);
  RunPolicyRules(source, intercept::InterceptWording(), model.policy, server, *policy.config, sink);
  // The YAML planner carries out hiding, limits, guards and default deny; the other remedies
  // (renames, windows, removals, lowered limits) are written for JSON text only, and kept they
  // would be counted as fixable and never applied.
  for (Diagnostic& d : out.diagnostics) {
    if (!d.remedy) continue;
    const Remedy::Kind kind = d.remedy->kind;
    if (kind != Remedy::Kind::kHide && kind != Remedy::Kind::kAddLimit &&
        kind != Remedy::Kind::kGuard && kind != Remedy::Kind::kDenyByDefault) {
      d.remedy.reset();
    }
  }
  out.intercept = true;
  return true;
}


// policy_mode: lint (policy schema, dialect hints, non-policies skipped) rather than validate.
// `configuration` is null for validate; `server_flag` is lint's --server.
LintResult Run(const std::vector<std::string>& paths, const std::string& stdin_name,
               uint64_t max_bytes, unsigned jobs, const Schema& schema, bool policy_mode,
               bool policies_only, LintConfiguration* configuration,
               const std::string& server_flag = "",
               const std::map<std::string, std::string>* contents = nullptr,
               const CatalogServer* tools_server = nullptr, bool writing = false,
               bool follow_symlinks = false, const std::vector<std::string>& exclude = {},
               DescribeFixes describe_fixes = nullptr) {
  LintResult result;
  std::vector<Input> inputs;
  ExpandPaths(paths, stdin_name, inputs, result.errors, writing, follow_symlinks,
              &result.warnings, policy_mode);
  std::vector<FileOutcome> outcomes(inputs.size());
  ForEachParallel(inputs.size(), jobs, [&](size_t i) {
    const Input& in = inputs[i];
    FileOutcome& out = outcomes[i];
    // Found in a directory or given by the pre-commit hook: linted only when it is a policy.
    const bool by_content = policy_mode && (!in.explicit_ || policies_only);
    if (by_content) {
      std::string glob = ExcludedByFlag(exclude, in.path);
      std::string source = "--exclude";
      if (glob.empty() && configuration) {
        // Looked at without counting as applied: an excluded file's configuration reports
        // nothing about its suppressions.
        const Config* config = configuration->Peek(in.path);
        if (!config) return;  // unusable: Finish reports it
        glob = config->ExcludedBy(in.path);
        source = config->path;
      }
      if (!glob.empty()) {
        out.skipped = in.display + ": excluded by " + source + " (\"" + glob + "\")";
        return;
      }
    }
    auto given = contents ? contents->find(in.path) : std::map<std::string, std::string>::const_iterator();
    ReadResult read = contents && given != contents->end() ? ReadResult{true, given->second, "", {}}
                                                           : ReadInput(in.path, max_bytes);
    if (!read.ok) {
      out.error = in.path == "-" ? in.display + read.error.substr(read.error.find(':')) : read.error;
      return;
    }
    // The dialect: Intercept YAML by extension, or by content when the text is no JSON but a
    // YAML policy; PolicyLayer's hosted JSON otherwise.
    const Config* yaml_config = configuration ? configuration->For(in.path) : nullptr;
    if (policy_mode && yaml::ReadsAsIntercept(in.path, read.data)) {
      if (configuration && !yaml_config) return;
      static const Config kYamlDefaults;
      PolicyRun policy{&server_flag, tools_server, yaml_config ? yaml_config : &kYamlDefaults,
                       &out.server, &out.error};
      if (!CheckIntercept(in, std::move(read.data), !in.explicit_ || policies_only, policy, out)) return;
      if (!out.error.empty()) {
        out.diagnostics.clear();
        return;
      }
      if (yaml_config) {
        configuration->Apply(*yaml_config, in.path == "-" ? in.display : in.path, out.diagnostics,
                             out.suppressions);
      }
      out.checked = true;
      return;
    }
    json::ParseOptions parse_options;
    parse_options.max_bytes = max_bytes;
    json::Document doc = json::Document::Parse(std::move(read.data), parse_options);
    if (policy_mode && doc.ok()) {
      Recognition recognition = Recognise(doc);
      if (recognition.kind != FileKind::kPolicy && by_content) {
        out.skipped = in.display + ": " + recognition.reason;
        return;
      }
      if (recognition.kind == FileKind::kToolsDump) {  // named on the command line
        out.error = in.display + ": " + recognition.reason;
        return;
      }
    }
    // An unusable configuration is reported once, by Finish, not per file.
    const Config* config = configuration ? configuration->For(in.path) : nullptr;
    if (configuration && !config) return;
    DiagnosticSink sink(in.display, &doc, out.diagnostics, DefaultSeverity);
    static const Config kDefaults;
    PolicyRun policy{&server_flag, tools_server, config ? config : &kDefaults, &out.server,
                     &out.error};
    CheckDocument(doc, schema, policy_mode ? &policy : nullptr, sink);
    if (!out.error.empty()) {
      out.diagnostics.clear();
      return;
    }
    if (config) {
      configuration->Apply(*config, in.path == "-" ? in.display : in.path, out.diagnostics,
                           out.suppressions);
    }
    if (describe_fixes && policy_mode && doc.ok()) describe_fixes(doc, out.diagnostics);
    out.checked = true;
  });
  std::vector<SuppressionUse> suppressions;
  for (FileOutcome& o : outcomes) {
    if (!o.error.empty()) result.errors.push_back(std::move(o.error));
    if (!o.skipped.empty()) result.skipped.push_back(std::move(o.skipped));
    result.files_checked += o.checked;
    for (Diagnostic& d : o.diagnostics) result.diagnostics.push_back(std::move(d));
    suppressions.insert(suppressions.end(), o.suppressions.begin(), o.suppressions.end());
    if (!o.server.server.empty()) result.servers.push_back(std::move(o.server));
    if (o.intercept && o.checked) {
      result.intercept_files.push_back(inputs[static_cast<size_t>(&o - outcomes.data())].display);
    }
  }
  std::sort(result.intercept_files.begin(), result.intercept_files.end());
  if (configuration) configuration->Finish(suppressions, result);
  std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(), DiagnosticLess);
  return result;
}

}  // namespace

LintResult LintPaths(const std::vector<std::string>& paths, const LintOptions& options) {
  const Schema* schema = PolicySchema();
  if (!schema) {
    LintResult r;
    r.errors.push_back("internal error: the bundled policy schema does not compile");
    return r;
  }
  LintConfiguration configuration(options);
  if (!configuration.errors().empty()) {
    LintResult r;
    r.errors = configuration.errors();
    return r;
  }
  if (!options.tools_server && !options.server.empty() &&
      !Catalog::Bundled().Find(options.server)) {
    LintResult r;
    std::string error;
    ChooseServer(Policy(), "", options.server, Config(), Catalog::Bundled(), &error);
    r.errors.push_back(error);
    return r;
  }
  return Run(paths, options.stdin_filename, options.max_bytes, options.jobs, *schema, true,
             options.policies_only, &configuration, options.server, options.contents,
             options.tools_server, options.writing, options.follow_symlinks, options.exclude,
             options.describe_fixes);
}

std::vector<std::string> LintInputFiles(const std::vector<std::string>& paths,
                                        const LintOptions& options) {
  std::vector<Input> inputs;
  std::vector<std::string> errors;
  ExpandPaths(paths, options.stdin_filename, inputs, errors, options.writing,
              options.follow_symlinks, nullptr, true);
  std::vector<std::string> files;
  std::set<std::string> directories;
  for (const Input& in : inputs) {
    files.push_back(in.path);
    std::error_code ec;
    fs::path start = in.path == "-" ? fs::current_path(ec) : fs::absolute(in.path, ec).parent_path();
    directories.insert(start.lexically_normal().string());
  }
  if (options.no_config || !options.config_file.empty()) return files;
  // The .mcpolicy.json each file gets, found as ConfigResolver finds it.
  std::set<std::string> configs;
  for (const std::string& start : directories) {
    for (fs::path dir = start;; dir = dir.parent_path()) {
      std::error_code ec;
      fs::path candidate = dir / kConfigFileName;
      if (fs::exists(candidate, ec)) {
        // Relative to the working directory when below it, as ConfigResolver reports it.
        fs::path relative = candidate.lexically_relative(fs::current_path(ec));
        bool below = !ec && !relative.empty() && *relative.begin() != "..";
        configs.insert(below ? relative.string() : candidate.string());
        break;
      }
      if (fs::exists(dir / ".git", ec) || dir == dir.parent_path()) break;
    }
  }
  files.insert(files.end(), configs.begin(), configs.end());
  return files;
}

std::vector<Diagnostic> LintText(const std::string& display_path, std::string text,
                                 const LintOptions& options) {
  std::vector<Diagnostic> out;
  const Schema* schema = PolicySchema();
  if (!schema) return out;
  json::ParseOptions parse_options;
  parse_options.max_bytes = options.max_bytes;
  json::Document doc = json::Document::Parse(std::move(text), parse_options);
  DiagnosticSink sink(display_path, &doc, out, DefaultSeverity);
  static const Config kDefaults;
  PolicyServer server;
  std::string error;
  PolicyRun policy{&options.server, options.tools_server, &kDefaults, &server, &error};
  CheckDocument(doc, *schema, &policy, sink);
  if (options.describe_fixes && doc.ok()) options.describe_fixes(doc, out);
  std::stable_sort(out.begin(), out.end(), DiagnosticLess);
  return out;
}

LintResult ValidatePaths(const std::string& schema_path, const std::vector<std::string>& paths,
                         const ValidateOptions& options) {
  LintResult result;
  ReadResult read = ReadInput(schema_path, options.max_bytes);
  if (!read.ok) {
    result.errors.push_back("cannot read schema: " + read.error);
    return result;
  }
  json::Document doc = json::Document::Parse(std::move(read.data));
  if (!doc.ok()) {
    json::Location loc = doc.Locate(doc.error()->offset);
    result.errors.push_back(schema_path + ":" + std::to_string(loc.line) + ":" +
                            std::to_string(loc.column) + ": schema is not valid JSON: " +
                            doc.error()->message);
    return result;
  }
  SchemaOptions schema_options;
  fs::path dir = fs::path(schema_path).parent_path();
  schema_options.base_directory =
      options.remote_directory.empty() ? (dir.empty() ? "." : dir.string()) : options.remote_directory;
  schema_options.max_document_bytes = options.max_bytes;
  SchemaCompileResult compiled = Schema::Compile(std::move(doc), schema_options);
  if (!compiled.ok()) {
    for (const SchemaCompileError& e : compiled.errors) {
      std::string where = e.source.empty() ? schema_path : e.source;
      result.errors.push_back(where + ":" + std::to_string(e.location.line) + ":" +
                              std::to_string(e.location.column) + ": unusable schema: " + e.message);
    }
    return result;
  }
  return Run(paths, options.stdin_filename, options.max_bytes, options.jobs, *compiled.schema,
             false, false, nullptr);
}

int ExitCode(const LintResult& result, Severity fail_level, bool exit_zero) {
  if (!result.errors.empty()) return 2;
  if (exit_zero) return 0;
  for (const Diagnostic& d : result.diagnostics) {
    if (d.suppression.empty() && d.severity >= fail_level) return 1;
  }
  return 0;
}

}  // namespace mcpolicy
