// Version::Load: a side's text in its dialect, parsed, normalised, with canonical condition values.
#include "diff/version.h"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "lint/recognise.h"
#include "util/text.h"
#include "yaml/recognise.h"

namespace mcpolicy::diff {
namespace {

// What an absent side is compared as: a policy that lets nothing through.
constexpr const char* kEmptyPolicy = R"({"version": "1", "default": "deny"})";

constexpr DiffWording kHostedWords = {
    "default",          "all_tools",         "all_tools",
    "hidden",           "hidden (by \"*\")", "denied by default",
    "denied by a rule", "require",           "deny_if",
    "a condition"};

constexpr DiffWording kInterceptWords = {
    "default:",
    "\"*\" rules",
    "\"*\" rate_limit",
    "hidden (in hide:)",
    "hidden (by \"*\" in hide:)",
    "denied (default: deny)",
    "denied by an action: deny rule",
    "rule condition",
    "require_approval condition",
    "a rule's conditions or require_approval"};

// Deeper values are quoted from the source as written: condition values are small, and the cap
// keeps a hostile document from exhausting the stack.
constexpr int kMaxDepth = 32;

void AppendNumber(std::string& out, double number) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.17g", number);
  out += buffer;
}

void AppendCanonical(std::string& out, json::Value v, int depth) {
  const json::Document& doc = v.document();
  if (depth > kMaxDepth) {
    out.append(doc.text(), v.offset(), doc.EndOffset(v.index()) - v.offset());
    return;
  }
  switch (v.type()) {
    case json::Type::kNull:
      out += "null";
      return;
    case json::Type::kBool:
      out += v.as_bool() ? "true" : "false";
      return;
    case json::Type::kNumber:
      if (v.node().flags() & json::kFlagOverflow) {
        out += v.raw_number();
      } else {
        AppendNumber(out, v.as_number());
      }
      return;
    case json::Type::kString:
    case json::Type::kKey:
      AppendJsonQuoted(out, v.as_string());
      return;
    case json::Type::kArray: {
      out += '[';
      bool first = true;
      for (json::Value e : v.elements()) {
        if (!first) out += ", ";
        first = false;
        AppendCanonical(out, e, depth + 1);
      }
      out += ']';
      return;
    }
    case json::Type::kObject: {
      std::vector<json::Member> members;
      for (json::Member m : v.members()) members.push_back(m);
      std::stable_sort(
          members.begin(), members.end(),
          [](const json::Member& a, const json::Member& b) { return a.name() < b.name(); });
      out += '{';
      bool first = true;
      for (const json::Member& m : members) {
        if (!first) out += ", ";
        first = false;
        AppendJsonQuoted(out, m.name());
        out += ": ";
        AppendCanonical(out, m.value, depth + 1);
      }
      out += '}';
      return;
    }
  }
}

// An Intercept operand in the form AppendCanonical gives the same value written in JSON. A
// mapping (which no operator takes) is quoted from the source.
void AppendOperand(std::string& out, const intercept::Operand& v, const SourceMap& source,
                   int depth) {
  using Type = intercept::Operand::Type;
  switch (v.type) {
    case Type::kMissing:
      return;
    case Type::kNull:
      out += "null";
      return;
    case Type::kBool:
      out += v.boolean ? "true" : "false";
      return;
    case Type::kInt:
    case Type::kFloat:
      AppendNumber(out, v.number);
      return;
    case Type::kString:
      AppendJsonQuoted(out, v.text);
      return;
    case Type::kList:
      if (depth <= kMaxDepth) {
        out += '[';
        for (size_t i = 0; i < v.items.size(); ++i) {
          if (i) out += ", ";
          AppendOperand(out, v.items[i], source, depth + 1);
        }
        out += ']';
        return;
      }
      break;
    case Type::kMap:
      break;
  }
  if (v.node == kNoLoc) return;
  uint32_t begin = source.BeginOffset(v.node);
  out += source.SourceText().substr(begin, source.EndOffset(v.node) - begin);
}

}  // namespace

const DiffWording& WordingOf(Dialect dialect) {
  return dialect == Dialect::kIntercept ? kInterceptWords : kHostedWords;
}

std::string Version::Load(std::string text, const std::string& dialect_path, uint64_t max_bytes) {
  if (absent) text = kEmptyPolicy;
  if (!absent && yaml::ReadsAsIntercept(dialect_path, text)) {
    dialect_ = Dialect::kIntercept;
    yaml::ParseOptions options;
    options.max_bytes = max_bytes;
    read_ = std::make_unique<intercept::ReadResult>(intercept::Read(display, std::move(text), options));
    if (!read_->parsed) {
      for (const Diagnostic& d : read_->diagnostics) {
        if (d.rule != "invalid-yaml") continue;
        return display + ":" + std::to_string(d.line) + ":" + std::to_string(d.column) +
               ": invalid YAML: " + d.message;
      }
      return display + ": invalid YAML";
    }
    const yaml::Tree& tree = read_->tree;
    if (tree.root() == yaml::kNoNode || !tree.IsMap(tree.root())) {
      return display + ":1:1: not a policy: the top level is " +
             (tree.root() != yaml::kNoNode && tree.IsSeq(tree.root()) ? "a list" : "a scalar") +
             ", not a mapping";
    }
    tree_source_ = std::make_unique<intercept::TreeSource>(tree);
    model_ = std::make_unique<intercept::Model>();
    intercept::Map(read_->policy, *model_);
    root_loc_ = tree.root();
    for (const intercept::Tool& tool : read_->policy.tools) {
      if (tool.name == "*" && all_tools_loc_ == kNoLoc) all_tools_loc_ = tool.value_node;
      for (const intercept::Rule& rule : tool.rules) {
        for (const intercept::Condition& c : rule.conditions) operands_.emplace(c.node, &c.value);
      }
    }
    return "";
  }
  json::ParseOptions options;
  options.max_bytes = max_bytes;
  doc_ = std::make_unique<json::Document>(json::Document::Parse(std::move(text), options));
  if (!doc_->ok()) {
    const json::ParseError& e = *doc_->error();
    json::Location at = doc_->Locate(e.offset);
    return display + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) +
           ": invalid JSON: " + e.message;
  }
  if (!doc_->root().is_object()) {
    return display + ":1:1: not a policy: the top level is " +
           std::string(json::TypeName(doc_->root().type())) + ", not an object";
  }
  hosted_ = ReadPolicy(*doc_);
  json::Value all = doc_->Resolve("/all_tools");
  if (all.valid()) all_tools_loc_ = all.index();
  return "";
}

const SourceMap& Version::source() const {
  if (tree_source_) return *tree_source_;
  return *doc_;
}

std::string Version::ValueText(const Condition& condition) const {
  std::string out;
  if (dialect_ == Dialect::kIntercept) {
    auto found = operands_.find(condition.loc);
    if (found != operands_.end()) AppendOperand(out, *found->second, *tree_source_, 0);
    return out;
  }
  json::Value value = json::Value(doc_.get(), condition.loc).Find("value");
  if (value.valid()) AppendCanonical(out, value, 0);
  return out;
}

}  // namespace mcpolicy::diff
