#include "lint/configuration.h"

#include <algorithm>
#include <filesystem>

#include "mcpolicy/io.h"
#include "mcpolicy/rules.h"
#include "mcpolicy/json.h"
#include "mcpolicy/rules.h"
#include "util/sink.h"

namespace mcpolicy {
namespace {

namespace fs = std::filesystem;

constexpr size_t kMaxScannedFiles = 100000;

ConfigResolver::Settings ResolverSettings(const LintOptions& options) {
  return {options.config_file, options.no_config, options.enable, options.disable, AllRuleNames()};
}

void CheckRuleNames(const char* flag, const std::vector<std::string>& names,
                    std::vector<std::string>& errors) {
  for (const std::string& name : names) {
    if (!FindRule(name)) errors.push_back(std::string(flag) + ": " + UnknownRuleMessage(name));
  }
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

// "rules: loose-limit; files: policies/*.json; pointer: /tools/execute_flow".
std::string Describe(const Suppression& s) {
  std::string out = "rules: " + Join(s.rules) + "; files: " + Join(s.files);
  if (!s.pointer.empty()) out += "; pointer: " + s.pointer;
  return out;
}

// Files below `directory` (relative, '/'-separated), for telling a suppression whose globs match
// no file from one whose files were not linted this time. .git and node_modules are not entered.
std::vector<std::string> FilesBelow(const std::string& directory) {
  std::vector<std::string> out;
  std::error_code ec;
  fs::recursive_directory_iterator it(directory, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator() && out.size() < kMaxScannedFiles;
       it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (it->is_directory(ec)) {
      if (name == ".git" || name == "node_modules") it.disable_recursion_pending();
      continue;
    }
    out.push_back(it->path().lexically_relative(directory).generic_string());
  }
  return out;
}

}  // namespace

LintConfiguration::LintConfiguration(const LintOptions& options)
    : use_suppressions_(!options.no_suppressions),
      today_(options.today.empty() ? LocalDate() : options.today),
      write_baseline_file_(options.write_baseline_file),
      resolver_(ResolverSettings(options)) {
  CheckRuleNames("--enable", options.enable, errors_);
  CheckRuleNames("--disable", options.disable, errors_);
  for (const std::string& name : options.enable) {
    if (std::find(options.disable.begin(), options.disable.end(), name) != options.disable.end()) {
      errors_.push_back("rule \"" + name + "\" is both enabled and disabled");
    }
  }
  if (!IsIsoDate(today_)) {
    errors_.push_back("invalid date for today \"" + today_ +
                      "\" (expected YYYY-MM-DD; set by MCPOLICY_TODAY)");
  }
  if (!options.baseline_file.empty()) {
    BaselineResult loaded = LoadBaseline(options.baseline_file);
    errors_.insert(errors_.end(), loaded.errors.begin(), loaded.errors.end());
    baseline_ = std::move(loaded.baseline);
  }
}

void LintConfiguration::Apply(const Config& config, const std::string& path,
                              std::vector<Diagnostic>& diagnostics,
                              std::vector<SuppressionUse>& uses) const {
  std::erase_if(diagnostics, [&](const Diagnostic& d) { return !config.IsEnabled(d.rule); });
  for (Diagnostic& d : diagnostics) d.severity = config.SeverityOf(d.rule, d.severity);
  if (!use_suppressions_ || config.suppressions.empty()) return;
  std::string relative = config.RelativePath(path);
  for (size_t i = 0; i < config.suppressions.size(); ++i) {
    const Suppression& s = config.suppressions[i];
    if (!s.active(today_) || !s.CoversFile(relative)) continue;
    bool matched = false;
    for (Diagnostic& d : diagnostics) {
      if (d.suppression.empty() && s.Covers(relative, d.rule, d.pointer)) {
        d.suppression = s.reason;
        matched = true;
      }
    }
    uses.push_back({&config, i, matched});
  }
}

void LintConfiguration::ReportSuppressions(const Config& config,
                                           const std::vector<SuppressionUse>& uses,
                                           std::vector<Diagnostic>& out) const {
  if (!config.document || config.suppressions.empty()) return;
  size_t n = config.suppressions.size();
  std::vector<char> covered(n, 0), matched(n, 0);
  for (const SuppressionUse& u : uses) {
    if (u.config != &config) continue;
    covered[u.index] = 1;
    matched[u.index] |= u.matched;
  }
  std::optional<std::vector<std::string>> existing;  // scanned once, when first needed
  std::vector<Diagnostic> found;
  DiagnosticSink sink(config.path, config.document.get(), found, DefaultSeverity);
  for (size_t i = 0; i < n; ++i) {
    const Suppression& s = config.suppressions[i];
    if (!s.has_reason()) {
      sink.Report("suppression-without-reason", s.node,
                  "suppression has no reason, so it is not applied (" + Describe(s) +
                      "); add a \"reason\" saying why these findings are acceptable");
    } else if (s.expired(today_)) {
      sink.Report("expired-suppression", s.expires_node,
                  "suppression expired on " + s.expires + " (" + Describe(s) +
                      "); its findings are reported again: fix them, or set a later \"expires\" "
                      "if the reason still holds");
    } else if (!matched[i] && covered[i]) {
      sink.Report("unused-suppression", s.node,
                  "suppression matched no finding (" + Describe(s) +
                      "); remove it, or correct its files, pointer or rules");
    } else if (!matched[i]) {
      // No linted file was covered: unused only if no file at all matches (else that file was
      // simply not linted this time, as under pre-commit).
      if (!existing) existing = FilesBelow(config.directory);
      bool any = std::any_of(existing->begin(), existing->end(),
                             [&](const std::string& f) { return s.CoversFile(f); });
      if (!any) {
        sink.Report("unused-suppression", s.node,
                    "suppression matches no file (" + Describe(s) +
                        "); correct its globs, which are relative to the configuration's "
                        "directory, or remove it");
      }
    }
  }
  for (Diagnostic& d : found) {
    if (!config.IsEnabled(d.rule)) continue;
    d.severity = config.SeverityOf(d.rule, d.severity);
    out.push_back(std::move(d));
  }
}

void LintConfiguration::Finish(const std::vector<SuppressionUse>& uses, LintResult& result) {
  std::vector<std::string> config_errors = resolver_.errors();
  result.errors.insert(result.errors.end(), config_errors.begin(), config_errors.end());
  for (const Config* config : resolver_.used()) {
    result.configs.push_back(config->path);
    if (use_suppressions_) ReportSuppressions(*config, uses, result.diagnostics);
  }
  if (!write_baseline_file_.empty()) {
    if (!result.errors.empty()) {
      result.errors.push_back("baseline not written to " + write_baseline_file_ +
                              ": not every file could be checked");
      return;
    }
    std::string directory = BaselineDirectory(write_baseline_file_);
    std::string error =
        WriteFileAtomically(write_baseline_file_, FormatBaseline(result.diagnostics, directory));
    if (!error.empty()) {
      result.errors.push_back(error);
      return;
    }
    // The new baseline accepts every finding it recorded.
    size_t before = result.diagnostics.size();
    std::erase_if(result.diagnostics, [](const Diagnostic& d) { return d.suppression.empty(); });
    result.baselined = before - result.diagnostics.size();
    return;
  }
  if (baseline_) result.baselined = ApplyBaseline(*baseline_, result.diagnostics);
}

}  // namespace mcpolicy
