// Writing a recommended policy as a person would (layout described in recommend.h), and the
// --explain table.
#include <algorithm>
#include <cstdio>

#include "mcpolicy/escape.h"
#include "mcpolicy/json.h"
#include "mcpolicy/recommend.h"
#include "util/table.h"
#include "util/text.h"

namespace mcpolicy {
namespace {

using table::kCategoryWidth;
using table::kConfidenceWidth;
using table::kSourceWidth;
using table::Pad;
constexpr size_t kMaxNameWidth = 48;
constexpr size_t kMaxRuleWidth = 60;

void AppendTool(const ToolDecision& d, std::string& out) {
  out += "    " + JsonQuoted(d.name) + ": ";
  bool limited = d.limit.kind == Treatment::Kind::kLimit;
  if (d.denied.empty() && !limited) {
    out += "{}";
    return;
  }
  out += "{\n";
  if (!d.denied.empty()) {
    out += "      \"deny_if\": [\n        {\"path\": " + JsonQuoted("args." + d.argument) +
           ", \"op\": \"in\", \"value\": [";
    for (size_t i = 0; i < d.denied.size(); ++i) out += (i ? ", " : "") + JsonQuoted(d.denied[i]);
    out += "]}\n      ]";
    if (limited) out += ",";
    out += "\n";
  }
  if (limited) {
    out += "      \"limits\": [\n        {\"counter\": " + JsonQuoted(CounterName(d.name)) +
           ", \"window\": " + JsonQuoted(WindowName(d.limit.window)) +
           ", \"max\": " + std::to_string(d.limit.max) + ", \"scope\": \"grant\"}\n      ]\n";
  }
  out += "    }";
}

// Control characters and invalid bytes would garble a terminal; names are shown as JSON escapes
// when they hold any (C1 and bidirectional characters escaped as mcpolicy/escape.h does).
std::string Printable(std::string_view name) {
  bool plain = std::all_of(name.begin(), name.end(), [](char c) {
    unsigned char u = static_cast<unsigned char>(c);
    return u >= 0x20 && u < 0x7f;
  });
  return plain ? std::string(name) : Escaped(JsonQuoted(name));
}

}  // namespace

std::string FormatPolicy(const std::vector<ToolDecision>& tools) {
  std::vector<const ToolDecision*> hidden, listed;
  for (const ToolDecision& d : tools) (d.hidden ? hidden : listed).push_back(&d);
  auto by_name = [](const ToolDecision* a, const ToolDecision* b) { return a->name < b->name; };
  for (std::vector<const ToolDecision*>* part : {&hidden, &listed}) {
    if (!std::is_sorted(part->begin(), part->end(), by_name)) {
      std::sort(part->begin(), part->end(), by_name);
    }
  }

  std::string out = "{\n  \"version\": \"1\",\n  \"default\": \"deny\",\n";
  out.reserve(128 + 96 * tools.size());
  if (!hidden.empty()) {
    out += "  \"hide\": [\n";
    for (size_t i = 0; i < hidden.size(); ++i) {
      out += "    " + JsonQuoted(hidden[i]->name) + (i + 1 < hidden.size() ? ",\n" : "\n");
    }
    out += "  ],\n";
  }
  if (listed.empty()) {
    out += "  \"tools\": {}\n}\n";
    return out;
  }
  out += "  \"tools\": {\n";
  for (size_t i = 0; i < listed.size(); ++i) {
    AppendTool(*listed[i], out);
    out += i + 1 < listed.size() ? ",\n" : "\n";
  }
  out += "  }\n}\n";
  return out;
}

std::string FormatExplain(const std::vector<ToolDecision>& tools) {
  size_t name_width = 4, rule_width = 4;
  std::vector<std::string> names, rules;
  for (const ToolDecision& d : tools) {
    names.push_back(Printable(d.name));
    rules.push_back(Escaped(d.Rule()));
    name_width = std::max(name_width, std::min(kMaxNameWidth, names.back().size()));
    rule_width = std::max(rule_width, std::min(kMaxRuleWidth, rules.back().size()));
  }
  std::string out = "TOOL";
  Pad(out, 4, name_width);
  out += "CATEGORY";
  Pad(out, 8, kCategoryWidth);
  out += "CONF";
  Pad(out, 4, kConfidenceWidth);
  out += "SOURCE";
  Pad(out, 6, kSourceWidth);
  out += "RULE";
  Pad(out, 4, rule_width);
  out += "EVIDENCE\n";
  for (size_t i = 0; i < tools.size(); ++i) {
    const ToolDecision& d = tools[i];
    out += names[i];
    Pad(out, names[i].size(), name_width);
    std::string_view category = CategoryName(d.category);
    out += category;
    Pad(out, category.size(), kCategoryWidth);
    char confidence[16];
    std::snprintf(confidence, sizeof confidence, "%.2f", d.confidence);
    out += confidence;
    Pad(out, 4, kConfidenceWidth);
    std::string_view source = d.from_catalog ? "catalog" : "heuristic";
    out += source;
    Pad(out, source.size(), kSourceWidth);
    out += rules[i];
    Pad(out, rules[i].size(), rule_width);
    for (size_t e = 0; e < d.evidence.size(); ++e) {
      out += e ? " | " : "";
      AppendEscaped(out, d.evidence[e]);
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    out += "\n";
  }
  return out;
}

}  // namespace mcpolicy
