#include "fix/driver.h"

#include <algorithm>
#include <map>

#include "mcpolicy/escape.h"
#include "mcpolicy/fix.h"
#include "mcpolicy/io.h"
#include "mcpolicy/rules.h"

namespace mcpolicy {
namespace fix {

Passes RunPasses(const std::vector<std::string>& paths, LintOptions options,
                 std::map<std::string, std::string>& contents,
                 const std::function<std::string(const std::string&)>& input_of,
                 bool unsafe_fixes) {
  options.contents = &contents;
  Passes out;
  for (int pass = 0;; ++pass) {
    out.last = LintPaths(paths, options);
    if (pass == 0) out.first = out.last;
    if (!out.last.errors.empty()) return out;
    std::map<std::string, std::vector<const Diagnostic*>> findings;
    for (const Diagnostic& d : out.last.diagnostics) {
      if (d.suppression.empty() && FixApplies(d, unsafe_fixes) && !out.not_fixed.count(d.path)) {
        findings[d.path].push_back(&d);
      }
    }
    bool changed = false;
    for (const auto& [display, file_findings] : findings) {
      std::string input = input_of(display);
      if (!contents.count(input)) {
        ReadResult read = ReadInput(input, options.max_bytes);
        if (!read.ok) continue;  // the next lint reports it
        contents[input] = std::move(read.data);
        out.stamps[input] = read.stamp;
      }
      out.originals.try_emplace(display, contents[input]);
      PassOutcome outcome = FixPass(contents[input], file_findings, input);
      if (!outcome.error.empty()) {
        out.not_fixed[display] = outcome.error;
        continue;
      }
      if (outcome.text == contents[input]) continue;
      contents[input] = std::move(outcome.text);
      changed = true;
    }
    if (!changed) return out;
    if (pass + 1 == kMaxPasses) {
      out.error = "the fixes did not settle after " + std::to_string(kMaxPasses) +
                  " passes, so nothing was written (please report this)";
      return out;
    }
  }
}

}  // namespace fix

}  // namespace mcpolicy
