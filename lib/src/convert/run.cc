// RunConvert: read the policy in its own dialect, refuse what its gateway would refuse, map it onto
// the neutral model, write the other dialect from the model, and report what did not carry over.
#include <algorithm>
#include <set>

#include "convert/emit.h"
#include "intercept/model.h"
#include "intercept/read.h"
#include "mcpolicy/convert.h"
#include "mcpolicy/io.h"
#include "mcpolicy/json.h"
#include "mcpolicy/lint.h"
#include "mcpolicy/policy.h"
#include "mcpolicy/report.h"

namespace mcpolicy {
namespace {

bool YamlPath(std::string_view path) { return path.ends_with(".yaml") || path.ends_with(".yml"); }

bool LooksLikeJson(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  size_t at = text.find_first_not_of(" \t\r\n");
  return at != std::string_view::npos && (text[at] == '{' || text[at] == '[');
}

// Findings that mean the gateway would refuse the file (or mcpolicy could not read it whole).
bool Refusing(const Diagnostic& d) {
  static const std::set<std::string_view> kRules = {"invalid-json", "invalid-yaml", "duplicate-key",
                                                    "schema", "invalid-rule"};
  return d.severity == Severity::kError && kRules.count(d.rule) > 0;
}

// The first refusing finding as one message, or "".
std::string Refusal(const std::vector<Diagnostic>& diagnostics, const std::string& display) {
  std::vector<const Diagnostic*> refusing;
  for (const Diagnostic& d : diagnostics) {
    if (Refusing(d)) refusing.push_back(&d);
  }
  if (refusing.empty()) return "";
  const Diagnostic& d = *refusing.front();
  std::string out = d.path;
  if (d.line > 0) {
    out.append(":").append(std::to_string(d.line)).append(":").append(std::to_string(d.column));
  }
  out.append(": ").append(d.message).append(" [").append(d.rule).append("]");
  if (refusing.size() > 1) {
    out.append(" (and ").append(std::to_string(refusing.size() - 1)).append(" more; 'mcpolicy lint ");
    out.append(display).append("' lists them)");
  }
  out.append("; nothing converted");
  return out;
}

Severity LossSeverity(std::string_view) { return Severity::kWarning; }

}  // namespace

ConvertOutput RunConvert(const ConvertRequest& request) {
  ConvertOutput output;
  auto fail = [&output](std::string message) {
    output.errors.push_back(std::move(message));
    output.exit_code = 2;
    return output;
  };
  const std::string display = request.path == "-" ? (request.stdin_filename.empty() ? "<stdin>" : request.stdin_filename)
                                                  : request.path;
  if (!request.output_file.empty() && request.output_file != "-") {
    std::string conflict = FindOutputConflict({{"", request.path}}, {{"-o", request.output_file}});
    if (!conflict.empty()) return fail(conflict);
  }
  ReadResult read = ReadInput(request.path, request.max_bytes);
  if (!read.ok) {
    if (request.path != "-") return fail(read.error);
    std::string message = display;
    size_t colon = read.error.find(':');
    message.append(colon == std::string::npos ? ": " + read.error : read.error.substr(colon));
    return fail(message);
  }
  const bool yaml = request.path == "-" ? !LooksLikeJson(read.data)
                                         : YamlPath(request.path) || !LooksLikeJson(read.data);
  const OutputDialect from = yaml ? OutputDialect::kIntercept : OutputDialect::kJson;
  if (from == request.to) {
    std::string message = display;
    message.append(": is already ").append(yaml ? "Intercept YAML" : "PolicyLayer hosted JSON");
    message.append("; --to ").append(OutputDialectName(request.to)).append(" has nothing to convert");
    return fail(message);
  }

  std::vector<Diagnostic> losses;
  if (yaml) {
    intercept::ReadResult parsed = intercept::Read(display, std::move(read.data));
    if (std::string refusal = Refusal(parsed.diagnostics, display); !refusal.empty()) return fail(refusal);
    intercept::Model model;
    intercept::Map(parsed.policy, model);
    intercept::TreeSource source(parsed.tree);
    DiagnosticSink sink(display, &source, losses, LossSeverity);
    output.policy = convert::ToJson(model.policy, sink);
  } else {
    LintOptions options;
    options.max_bytes = request.max_bytes;
    if (std::string refusal = Refusal(LintText(display, read.data, options), display); !refusal.empty()) {
      return fail(refusal);
    }
    json::ParseOptions parse_options;
    parse_options.max_bytes = request.max_bytes;
    json::Document doc = json::Document::Parse(std::move(read.data), parse_options);
    Policy policy = ReadPolicy(doc);
    DiagnosticSink sink(display, &doc, losses, LossSeverity);
    output.policy = convert::ToIntercept(policy, sink);
  }
  std::stable_sort(losses.begin(), losses.end(), DiagnosticLess);
  if (!losses.empty()) {
    LintResult result;
    result.diagnostics = losses;
    result.files_checked = 1;
    ReportOptions options;
    options.summary = false;
    output.report = FormatReport(result, ReportFormat::kText, options);
    if (!request.allow_loss) {
      output.policy.clear();
      output.exit_code = 1;
    }
  }
  output.losses = std::move(losses);
  return output;
}

}  // namespace mcpolicy
