// The entry point of the Intercept YAML dialect: a file's text in, its tree, its policy as plain
// data and every finding out. Findings cover the YAML itself (invalid-yaml, duplicate-key), each
// check Intercept's own validator makes (schema, invalid-rule) and what that validator lets pass
// (unknown and misspelt keys, hosted-JSON keys in YAML, dead entries, invalid tool names).
#ifndef MCPOLICY_INTERCEPT_READ_H_
#define MCPOLICY_INTERCEPT_READ_H_

#include <string>
#include <string_view>
#include <vector>

#include "intercept/policy.h"
#include "intercept/report.h"
#include "mcpolicy/diagnostic.h"
#include "yaml/recognise.h"
#include "yaml/tree.h"

namespace mcpolicy::intercept {

struct ReadResult {
  yaml::Tree tree;
  InterceptPolicy policy;  // as much as could be read; empty when the YAML did not parse
  std::vector<Diagnostic> diagnostics;  // sorted by DiagnosticLess
  yaml::Recognition recognition;        // whether the content looks like an Intercept policy
  bool parsed = false;                  // the YAML parsed (findings may still be errors)
};

// `path` names the file in findings; `text` is its content.
ReadResult Read(std::string_view path, std::string text, const yaml::ParseOptions& options = {});

// The shape half of Read: fills `policy` from `tree`, reporting type, value and key findings.
void ReadPolicy(const yaml::Tree& tree, Reporter& reporter, InterceptPolicy& policy);

// The semantic half: the validator's cross-field checks, regexes, counters, dead entries.
void CheckPolicy(const yaml::Tree& tree, const InterceptPolicy& policy, Reporter& reporter);

// Parses a Go duration ("300ms", "1.5h", "2h45m"); false when `text` is not one.
bool ParseGoDuration(std::string_view text, double* seconds);

}  // namespace mcpolicy::intercept

#endif  // MCPOLICY_INTERCEPT_READ_H_
