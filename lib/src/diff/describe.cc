// Words for limits, conditions and a tool's standing in one version of a policy.
#include "diff/describe.h"

#include <algorithm>
#include <cstdio>

#include "diff/compare.h"
#include "rules/context.h"
#include "util/text.h"

namespace mcpolicy::diff {

std::string LimitText(const Limit& limit) {
  if (!limit.window || !limit.max) return "an unreadable limit";
  return FormatNumber(*limit.max) + "/" + std::string(WindowName(*limit.window));
}

const Limit* Strictest(std::span<const Limit> limits) {
  const Limit* best = nullptr;
  for (const Limit& l : limits) {
    std::optional<double> rate = l.PerMinute();
    if (rate && (!best || *rate < *best->PerMinute())) best = &l;
  }
  return best;
}

std::string StateText(const ResolvedTool& tool, const Policy& policy) {
  if (tool.decision == Decision::kHidden) {
    return tool.hidden_by && tool.hidden_by->name == "*" ? "hidden (by \"*\")" : "hidden";
  }
  if (tool.decision == Decision::kDeniedByDefault) return "denied by default";
  if (tool.decision == Decision::kDenied) return "denied by a rule";
  std::string out;
  const std::span<const Limit>* own = tool.rules ? &tool.rules->limits : nullptr;
  if (own && !own->empty()) {
    const Limit* strictest = Strictest(*own);
    out = "allowed, limited to " +
          (strictest ? LimitText(*strictest) : std::string("an unreadable limit"));
  } else if (!policy.all_tools_limits.empty()) {
    const Limit* strictest = Strictest(policy.all_tools_limits);
    out = "allowed with no limit of its own (all_tools: " +
          (strictest ? LimitText(*strictest) : std::string("unreadable")) + ")";
  } else {
    out = "allowed with no limit";
  }
  if (tool.has_conditions) out += ", with argument conditions";
  if (tool.rules && !tool.rules->well_formed) out += " (its entry is malformed: see mcpolicy lint)";
  return out;
}

namespace {

// Deeper values are quoted from the source as written: condition values are small, and the cap
// keeps a hostile document from exhausting the stack.
constexpr int kMaxDepth = 32;

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
    case json::Type::kNumber: {
      if (v.node().flags() & json::kFlagOverflow) {
        out += v.raw_number();
        return;
      }
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, "%.17g", v.as_number());
      out += buffer;
      return;
    }
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

}  // namespace

std::string ConditionText(const json::Document& doc, std::string_view list, const Condition& c) {
  // Owned copies: the model's strings may be views into the document.
  std::string out = std::string(list) + " " + std::string(c.path) + " " + std::string(c.op);
  json::Value value = json::Value(&doc, c.loc).Find("value");
  if (value.valid()) {
    out += ' ';
    AppendCanonical(out, value, 0);
  }
  return out;
}

}  // namespace mcpolicy::diff
