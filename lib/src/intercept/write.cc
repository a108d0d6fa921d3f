// The Intercept YAML writer (layout in write.h).
#include "intercept/write.h"

#include <charconv>
#include <cmath>

#include "mcpolicy/escape.h"
#include "util/text.h"
#include "yaml/emit.h"

namespace mcpolicy::intercept {
namespace {

// A comment line: escaped, so it can neither end early nor carry control characters.
void AppendComment(std::string& out, std::string_view indent, std::string_view text) {
  out += indent;
  out += text.empty() ? "#" : "# ";
  AppendEscaped(out, text);
  out += '\n';
}

void AppendRule(std::string& out, const Rule& rule) {
  const std::string item = "      - ";
  const std::string field = "        ";
  std::string lead = item;
  // Writes "name: " (the value follows on the line) or, for a block value, "name:" and a newline.
  auto key = [&](std::string_view name, bool block = false) {
    out += lead;
    out += name;
    out += block ? ":\n" : ": ";
    lead = field;
  };
  key("name");
  out += yaml::Scalar(rule.name) + "\n";
  if (rule.action != Action::kEvaluate) {
    key("action");
    out += std::string(ActionName(rule.action)) + "\n";
  }
  if (rule.rate_limit) {
    key("rate_limit");
    out += std::to_string(rule.rate_limit->count) + "/" +
           std::string(WindowName(rule.rate_limit->window)) + "\n";
  }
  if (!rule.conditions.empty()) {
    key("conditions", true);
    for (const Condition& c : rule.conditions) {
      out += field + "  - path: " + yaml::Scalar(c.path) + "\n";
      out += field + "    op: " + yaml::Scalar(c.op) + "\n";
      if (c.value.type != Operand::Type::kMissing) {
        out += field + "    value: " + OperandText(c.value) + "\n";
      }
    }
  }
  if (rule.state) {
    const State& s = *rule.state;
    key("state", true);
    out += field + "  counter: " + yaml::Scalar(s.counter) + "\n";
    out += field + "  window: " + std::string(WindowName(s.window)) + "\n";
    if (s.increment_written) out += field + "  increment: " + std::to_string(s.increment) + "\n";
    if (!s.increment_from.empty()) {
      out += field + "  increment_from: " + yaml::Scalar(s.increment_from) + "\n";
    }
  }
  if (rule.on_deny) {
    key("on_deny");
    out += yaml::DoubleQuoted(*rule.on_deny) + "\n";
  }
  if (rule.approval_timeout) {
    key("approval_timeout");
    out += yaml::Scalar(rule.approval_timeout->text) + "\n";
  }
}

}  // namespace

std::string NumberText(double value) {
  if (std::isnan(value)) return ".nan";
  if (std::isinf(value)) return value < 0 ? "-.inf" : ".inf";
  char buffer[32];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return ec == std::errc() ? std::string(buffer, end) : FormatNumber(value);
}

std::string OperandText(const Operand& o) {
  switch (o.type) {
    case Operand::Type::kMissing:
    case Operand::Type::kNull: return "null";
    case Operand::Type::kBool: return o.boolean ? "true" : "false";
    case Operand::Type::kInt:
    case Operand::Type::kFloat: return NumberText(o.number);
    case Operand::Type::kString: return yaml::Scalar(o.text);
    case Operand::Type::kList: {
      std::string out = "[";
      for (size_t i = 0; i < o.items.size(); ++i) out += (i ? ", " : "") + OperandText(o.items[i]);
      return out + "]";
    }
    case Operand::Type::kMap: break;
  }
  return "{}";
}

std::string Write(const InterceptPolicy& policy, const WriteLayout& layout) {
  std::string out;
  out.reserve(256 + 64 * policy.tools.size());
  for (const std::string& line : layout.header) AppendComment(out, "", line);
  out += "version: " + yaml::DoubleQuoted(policy.version.empty() ? "1" : policy.version) + "\n";
  if (!policy.description.empty()) out += "description: " + yaml::DoubleQuoted(policy.description) + "\n";
  if (policy.default_written) {
    out += std::string("default: ") + (policy.default_policy == Default::kDeny ? "deny" : "allow") + "\n";
  }
  if (!policy.hide.empty()) {
    out += "hide:\n";
    for (size_t i = 0; i < policy.hide.size(); ++i) {
      if (i < layout.hide_comments.size()) {
        for (const std::string& line : layout.hide_comments[i]) AppendComment(out, "  ", line);
      }
      out += "  - " + yaml::Scalar(policy.hide[i].name) + "\n";
    }
  }
  if (policy.tools.empty()) {
    out += "tools: {}\n";
  } else {
    out += "tools:\n";
    for (size_t i = 0; i < policy.tools.size(); ++i) {
      const Tool& tool = policy.tools[i];
      if (i < layout.tool_comments.size()) {
        for (const std::string& line : layout.tool_comments[i]) AppendComment(out, "  ", line);
      }
      out += "  " + yaml::Scalar(tool.name) + ":\n";
      if (tool.rules.empty()) {
        out += "    rules: []\n";
        continue;
      }
      out += "    rules:\n";
      for (const Rule& rule : tool.rules) AppendRule(out, rule);
    }
  }
  if (policy.approvals) {
    const Approvals& a = *policy.approvals;
    out += "approvals:\n";
    if (a.default_timeout) out += "  default_timeout: " + yaml::Scalar(a.default_timeout->text) + "\n";
    if (a.dedupe_window) out += "  dedupe_window: " + yaml::Scalar(a.dedupe_window->text) + "\n";
    if (!a.webhook_url.empty()) {
      out += "  notify:\n    webhook:\n      url: " + yaml::DoubleQuoted(a.webhook_url) + "\n";
    }
  }
  return out;
}

}  // namespace mcpolicy::intercept
