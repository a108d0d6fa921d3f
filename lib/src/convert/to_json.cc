// The neutral model as PolicyLayer hosted JSON (layout as recommend writes it: 2-space indent, one
// condition or limit per line), with what hosted JSON cannot say reported as losses.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>

#include "convert/emit.h"
#include "mcpolicy/escape.h"
#include "util/text.h"

namespace mcpolicy::convert {
namespace {

constexpr std::string_view kTarget = "PolicyLayer's hosted JSON";

bool CounterLike(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-' || c == '.';
    if (!ok) return false;
  }
  return true;
}

// A JSON literal for `v`; false when JSON has none (a non-finite number, a mapping).
bool ValueText(const ConditionValue& v, std::string& out) {
  using Kind = ConditionValue::Kind;
  switch (v.kind) {
    case Kind::kMissing:
    case Kind::kOther: return false;
    case Kind::kNull: out += "null"; return true;
    case Kind::kBool: out += v.boolean ? "true" : "false"; return true;
    case Kind::kNumber: {
      if (!std::isfinite(v.number)) return false;
      char buffer[32];
      auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v.number);
      out.append(buffer, end);
      return true;
    }
    case Kind::kString: AppendJsonQuoted(out, v.text); return true;
    case Kind::kList:
      out += '[';
      for (size_t i = 0; i < v.items.size(); ++i) {
        if (i) out += ", ";
        if (!ValueText(v.items[i], out)) return false;
      }
      out += ']';
      return true;
  }
  return false;
}

class JsonWriter {
 public:
  JsonWriter(const Policy& policy, DiagnosticSink& sink) : policy_(policy), sink_(sink) {}

  std::string Run() {
    for (const Unmapped& u : policy_.unmapped) {
      ReportLoss(sink_, u.loc, u.what + " has no equivalent in " + std::string(kTarget) + "; not converted");
    }
    std::vector<std::string_view> hide;
    for (const HideEntry& h : policy_.hide) hide.push_back(h.name);
    auto add_hidden = [&](std::string_view name) {
      if (std::find(hide.begin(), hide.end(), name) == hide.end()) hide.push_back(name);
    };
    std::vector<std::string> entries;
    for (const ToolRules& t : policy_.tools) {
      if (t.denied) {
        ReportLoss(sink_, t.key_loc,
                   "tool " + QuotedName(t.name) + " is denied by a deny rule; " + std::string(kTarget) +
                       " cannot deny a listed tool, so it is written as a hide entry (also left out "
                       "of tools/list)");
        add_hidden(t.name);
        continue;
      }
      if (t.approval) {
        ReportLoss(sink_, t.key_loc,
                   "every call to " + QuotedName(t.name) + " waits for approval (require_approval); " +
                       std::string(kTarget) + " has no approval step, so it is written as a hide "
                       "entry (denied instead)");
        add_hidden(t.name);
        continue;
      }
      entries.push_back(Entry(t));
    }
    std::string out = "{\n  \"version\": \"1\",\n  \"default\": ";
    out += policy_.default_action == DefaultAction::kDeny ? "\"deny\"" : "\"allow\"";
    out += ",\n";
    if (!hide.empty()) {
      out += "  \"hide\": [\n";
      for (size_t i = 0; i < hide.size(); ++i) {
        out += "    " + JsonQuoted(hide[i]) + (i + 1 < hide.size() ? ",\n" : "\n");
      }
      out += "  ],\n";
    }
    std::string all = Limits(policy_.all_tools_limits, "all_tools", "    ");
    if (!all.empty()) out += "  \"all_tools\": {\n" + all + "\n  },\n";
    if (entries.empty()) return EscapeJsonText(out + "  \"tools\": {}\n}\n");
    out += "  \"tools\": {\n";
    for (size_t i = 0; i < entries.size(); ++i) out += entries[i] + (i + 1 < entries.size() ? ",\n" : "\n");
    return EscapeJsonText(out + "  }\n}\n");
  }

 private:
  // A counter name for `limit` of `owner`, unique in the policy: Intercept counts each tool's
  // calls on its own, and hosted JSON limits naming one counter would share a quota.
  std::string Counter(const Limit& limit, std::string_view owner) {
    std::vector<std::string> candidates;
    if (CounterLike(limit.counter)) candidates.emplace_back(limit.counter);
    std::string base = std::string(owner) + "_rate";
    candidates.push_back(base);
    if (limit.window) candidates.push_back(base + "_" + std::string(WindowName(*limit.window)));
    for (const std::string& c : candidates) {
      if (counters_.insert(c).second) return c;
    }
    for (int n = 2;; ++n) {
      std::string c = base + "_" + std::to_string(n);
      if (counters_.insert(c).second) return c;
    }
  }

  // `"limits": [...]` lines at `indent`, or "" when no limit converts.
  std::string Limits(std::span<const Limit> limits, std::string_view owner, const std::string& indent) {
    std::vector<std::string> lines;
    for (const Limit& l : limits) {
      if (l.spend_cap) {
        ReportLoss(sink_, l.loc,
                   "the spend cap on " + QuotedName(owner) + " (state: with increment_from) has no "
                   "equivalent in " + std::string(kTarget) + ", whose limits count calls; not converted");
        continue;
      }
      if (!l.Enforced()) continue;  // the reader recorded it as unmapped
      lines.push_back(indent + "  {\"counter\": " + JsonQuoted(Counter(l, owner)) + ", \"window\": " +
                      JsonQuoted(WindowName(*l.window)) + ", \"max\": " + FormatNumber(*l.max) +
                      ", \"scope\": \"grant\"}");
    }
    if (lines.empty()) return "";
    std::string out = indent + "\"limits\": [\n";
    for (size_t i = 0; i < lines.size(); ++i) out += lines[i] + (i + 1 < lines.size() ? ",\n" : "\n");
    return out + indent + "]";
  }

  // One condition line, or "" after reporting why it has no JSON form.
  std::string ConditionLine(const Condition& c, std::string_view op) {
    std::string line = "        {\"path\": " + JsonQuoted(c.path) + ", \"op\": " + JsonQuoted(op);
    if (c.value.kind != ConditionValue::Kind::kMissing) {
      line += ", \"value\": ";
      if (!ValueText(c.value, line)) {
        ReportLoss(sink_, c.loc,
                   "the value of this condition (a mapping, a nested list or a non-finite number) has "
                   "no equivalent in " + std::string(kTarget) + "; the condition is not converted");
        return "";
      }
    }
    return line + "}";
  }

  std::string Entry(const ToolRules& t) {
    // An evaluate rule's conditions must all hold (require); a negative test on its own is written
    // as the deny_if of the positive one, as hosted policies state a block-list.
    std::vector<std::string> require, deny_if;
    for (const Condition& c : t.require) {
      if (c.op == "not_in" || c.op == "neq") {
        std::string line = ConditionLine(c, c.op == "not_in" ? "in" : "eq");
        if (!line.empty()) deny_if.push_back(std::move(line));
      } else {
        std::string line = ConditionLine(c, c.op);
        if (!line.empty()) require.push_back(std::move(line));
      }
    }
    for (const Condition& c : t.deny_if) {
      if (c.approval) {
        ReportLoss(sink_, c.loc,
                   "calls to " + QuotedName(t.name) + " matching this condition wait for approval "
                   "(require_approval); " + std::string(kTarget) + " has no approval step, so it is "
                   "written as a deny_if (they are denied instead)");
      }
      std::string line = ConditionLine(c, c.op);
      if (!line.empty()) deny_if.push_back(std::move(line));
    }
    std::string limits = Limits(t.limits, t.name, "      ");
    std::string out = "    " + JsonQuoted(t.name) + ": ";
    if (require.empty() && deny_if.empty() && limits.empty()) return out + "{}";
    std::vector<std::string> parts;
    for (auto [name, lines] : {std::pair{"require", &require}, std::pair{"deny_if", &deny_if}}) {
      if (lines->empty()) continue;
      std::string part = "      \"" + std::string(name) + "\": [\n";
      for (size_t i = 0; i < lines->size(); ++i) part += (*lines)[i] + (i + 1 < lines->size() ? ",\n" : "\n");
      parts.push_back(part + "      ]");
    }
    if (!limits.empty()) parts.push_back(limits);
    out += "{\n";
    for (size_t i = 0; i < parts.size(); ++i) out += parts[i] + (i + 1 < parts.size() ? ",\n" : "\n");
    return out + "    }";
  }

  const Policy& policy_;
  DiagnosticSink& sink_;
  std::set<std::string, std::less<>> counters_;
};

}  // namespace

std::optional<std::string_view> NegatedOp(std::string_view op) {
  static constexpr std::pair<std::string_view, std::string_view> kPairs[] = {
      {"in", "not_in"}, {"eq", "neq"}, {"lt", "gte"}, {"lte", "gt"}, {"exists", "exists"}};
  for (auto [a, b] : kPairs) {
    if (op == a) return b;
    if (op == b) return a;
  }
  return std::nullopt;
}

void ReportLoss(DiagnosticSink& sink, LocId loc, std::string message) {
  if (loc == kNoLoc) {
    sink.ReportFile(kLossRule, std::move(message));
  } else {
    sink.Report(kLossRule, loc, std::move(message));
  }
}

std::string ToJson(const Policy& policy, DiagnosticSink& sink) { return JsonWriter(policy, sink).Run(); }

}  // namespace mcpolicy::convert
