// mcpolicy convert: a policy rewritten in the other dialect (PolicyLayer hosted JSON <-> Intercept
// YAML) through the neutral policy model: the file is read into the model as lint reads it, and
// the target text is written from the model alone, never from the source text.
//
// Each construct the target dialect cannot say (a spend cap, on_deny text, require_approval, a
// deny rule, a counter shared across tools, ...) is a finding (rule "no-equivalent", a warning)
// at the construct's line and column, never dropped silently; docs/convert.md lists them and what
// is written instead. Without `allow_loss` such a finding stops the conversion (exit 1, nothing
// written); with it the policy is written without those constructs (exit 0).
//
// Input the gateway itself would refuse (JSON or YAML that does not parse, a schema, duplicate-key
// or invalid-rule error) is not converted: one message with file:line:col, exit 2.
#ifndef MCPOLICY_CONVERT_H_
#define MCPOLICY_CONVERT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "mcpolicy/diagnostic.h"
#include "mcpolicy/output_dialect.h"

namespace mcpolicy {

struct ConvertRequest {
  std::string path;            // the policy ("-": standard input)
  std::string stdin_filename;  // the name "-" is reported under ("<stdin>" when empty)
  OutputDialect to = OutputDialect::kIntercept;
  bool allow_loss = false;
  uint64_t max_bytes = 64ull << 20;
  std::string output_file;  // where the caller writes (-o): refused when it is the input
};

struct ConvertOutput {
  std::string policy;                 // the converted policy; empty unless exit_code is 0
  std::vector<Diagnostic> losses;     // constructs with no equivalent, in file order
  std::string report;                 // `losses` as text findings (source line and caret)
  std::vector<std::string> errors;    // why nothing was converted
  int exit_code = 0;                  // 0 written, 1 losses without allow_loss, 2 failed
};

ConvertOutput RunConvert(const ConvertRequest& request);

}  // namespace mcpolicy

#endif  // MCPOLICY_CONVERT_H_
