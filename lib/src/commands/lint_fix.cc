// lint --fix and lint --diff over files: run the fix passes, then write the fixed files atomically
// (or print them as a unified diff) and report what remains.
#include "commands/lint_fix.h"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "fix/driver.h"
#include "mcpolicy/escape.h"
#include "mcpolicy/fix.h"
#include "mcpolicy/io.h"
#include "util/text.h"

namespace mcpolicy {
namespace {

void AppendLines(std::vector<std::string>& out, const std::string& text) {
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
}

// `result` with `path`'s findings as `first` had them: the file was not written, so nothing in
// it was fixed.
void KeepUnfixed(const LintResult& first, const std::string& path, LintResult& result) {
  std::erase_if(result.diagnostics, [&](const Diagnostic& d) { return d.path == path; });
  for (const Diagnostic& d : first.diagnostics) {
    if (d.path == path) result.diagnostics.push_back(d);
  }
  std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(), DiagnosticLess);
}

CommandOutput Failed(std::string message) {
  CommandOutput output;
  output.errors.push_back(std::move(message));
  output.exit_code = 2;
  return output;
}

}  // namespace

CommandOutput RunLintFix(const LintRequest& request) {
  std::vector<std::string> paths = request.paths;
  if (paths.empty()) paths.push_back(".");
  if (!request.lint.write_baseline_file.empty()) {
    return Failed("--fix and --diff cannot be combined with --write-baseline");
  }
  bool from_stdin = false;
  for (const std::string& p : paths) from_stdin |= p == "-";
  if (from_stdin && request.fix && !request.diff && paths.size() != 1) {
    return Failed("--fix with standard input prints the fixed policy: pass - as the only path");
  }
  LintOptions options = request.lint;
  options.writing = true;
  std::map<std::string, std::string> contents;  // input path -> text as fixed so far
  std::string stdin_name = options.stdin_filename.empty() ? "<stdin>" : options.stdin_filename;
  if (from_stdin) {
    ReadResult read = ReadInput("-", options.max_bytes);
    if (!read.ok) return Failed(stdin_name + read.error.substr(read.error.find(':')));
    contents["-"] = std::move(read.data);
  }
  auto input_of = [&](const std::string& display) {
    return from_stdin && display == stdin_name ? std::string("-") : display;
  };

  fix::Passes passes = fix::RunPasses(paths, options, contents, input_of, request.unsafe_fixes);
  if (!passes.error.empty()) return Failed(passes.error);
  const LintResult& first = passes.first;
  LintResult& result = passes.last;
  std::map<std::string, std::string>& originals = passes.originals;

  CommandOutput output;
  output.errors = result.errors;
  for (const std::string& warning : first.warnings) {
    output.notes.push_back("mcpolicy: warning: " + Escaped(warning));
  }
  for (const auto& [display, why] : passes.not_fixed) {
    output.notes.push_back("mcpolicy: " + Escaped(display) + ": not fixed: " + Escaped(why));
  }
  if (!result.errors.empty()) {  // as lint reports it; nothing is fixed
    output.out = FormatReport(result, request.output.format, request.output.report);
    output.exit_code = 2;
    return output;
  }
  std::vector<std::string> changed;  // display paths, sorted
  for (const auto& [display, original] : originals) {
    if (contents[input_of(display)] == original) continue;
    if (fix::Broke(first.diagnostics, result.diagnostics, display)) {
      return Failed(display + ": internal error: the fixed policy would add invalid-json, "
                    "invalid-yaml, schema, invalid-rule or duplicate-key findings, so nothing was written (please report this)");
    }
    changed.push_back(display);
  }

  if (request.diff) {
    for (const std::string& display : changed) {
      output.out += UnifiedDiff(display, originals[display], contents[input_of(display)]);
    }
    output.exit_code = changed.empty() ? 0 : 1;
    return output;
  }
  bool write_failed = false;
  for (const std::string& display : changed) {
    std::string input = input_of(display);
    if (input != "-") {
      // A finding counts as fixed only once the file is replaced: a file left alone is
      // reported as it is.
      WriteOptions write;
      auto stamp = passes.stamps.find(input);
      if (stamp != passes.stamps.end() && stamp->second.valid) write.expected = &stamp->second;
      std::string error = WriteFileAtomically(input, contents[input], write);
      if (!error.empty()) {
        output.errors.push_back(error);
        KeepUnfixed(first, display, result);
        write_failed = true;
        continue;
      }
    }
    output.notes.push_back("fixed " +
                            Plural(fix::CountFixed(first.diagnostics, result.diagnostics, display),
                                   "finding") +
                            " in " + Escaped(display));
  }
  std::string report = FormatReport(result, request.output.format, request.output.report);
  if (from_stdin) {
    output.out = contents["-"];
    AppendLines(output.notes, report);
  } else {
    output.out = std::move(report);
  }
  output.exit_code = write_failed ? 2
                                  : ExitCode(result, request.output.fail_level,
                                             request.output.exit_zero);
  return output;
}

}  // namespace mcpolicy
