// Formatting classified tools. Evidence for a catalog answer is the catalog's own words: the
// server, the tool's summary and, for a multiplexer, its operations by category.
#include "classify_command/rows.h"

#include <cstdio>

#include "mcpolicy/json.h"
#include "source/utf8.h"
#include "util/table.h"
#include "util/text.h"

namespace mcpolicy::classify_command {
namespace {

using table::kCategoryWidth;
using table::kConfidenceWidth;
using table::kSourceWidth;
using table::Pad;
constexpr size_t kRiskWidth = 8;        // "critical"
constexpr size_t kOperationsShown = 8;  // values named per category in evidence

std::string_view RiskColor(Risk risk) {
  switch (risk) {
    case Risk::kCritical:
      return "1;31";
    case Risk::kHigh:
      return "31";
    case Risk::kMedium:
      return "33";
    case Risk::kLow:
      return "32";
  }
  return "0";
}

void AppendCell(std::string& out, std::string_view text, size_t width, bool color, Risk risk) {
  if (color) out += "\x1b[" + std::string(RiskColor(risk)) + "m";
  out += text;
  if (color) out += "\x1b[0m";
  Pad(out, text.size(), width);
}

std::string Confidence(double value, bool trim) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", value);
  std::string s = buf;
  if (trim) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s;
}

// Calls `f(text)` for each piece of evidence, strongest first.
template <typename F>
void ForEachEvidence(const Row& row, F f) {
  if (row.tool != nullptr) {
    std::string_view summary = row.tool->summary;
    if (summary.ends_with('.')) summary.remove_suffix(1);
    f("catalog " + row.server->id + ": " + std::string(summary));
    std::string ops = DescribeOperations(*row.tool, kOperationsShown);
    if (!ops.empty()) f("operations by " + ops);
    return;
  }
  if (row.missing_from != nullptr) f("not a tool of " + row.missing_from->id + " in the catalog");
  if (row.uncertain()) f("uncertain: the category is a guess");
  for (const std::string& e : row.result.evidence) f(e);
}

}  // namespace

size_t DisplayWidth(std::string_view name) {
  size_t width = 0;
  for (size_t i = 0; i < name.size();) {
    size_t len = utf8::SequenceLength(name.data() + i, name.size() - i);
    i += len ? len : 1;
    ++width;
  }
  return width;
}

std::string TextHeader(const TextLayout& layout) {
  std::string out = "TOOL";
  Pad(out, 4, layout.name_width);
  out += "CATEGORY";
  Pad(out, 8, kCategoryWidth);
  out += "RISK";
  Pad(out, 4, kRiskWidth);
  out += "CONF";
  Pad(out, 4, kConfidenceWidth);
  out += "SOURCE";
  Pad(out, 6, kSourceWidth);
  out += "EVIDENCE\n";
  return out;
}

void AppendTextRow(const Row& row, const TextLayout& layout, std::string& out) {
  utf8::AppendPrintable(out, row.name, /*keep_tabs=*/false);
  Pad(out, DisplayWidth(row.name), layout.name_width);
  Category category = row.category();
  Risk risk = RiskOf(category);
  AppendCell(out, CategoryName(category), kCategoryWidth, layout.color, risk);
  AppendCell(out, RiskName(risk), kRiskWidth, layout.color, risk);
  std::string confidence = Confidence(row.confidence(), false);
  out += confidence;
  Pad(out, confidence.size(), kConfidenceWidth);
  std::string_view source = row.tool ? "catalog" : "heuristic";
  out += source;
  Pad(out, source.size(), kSourceWidth);
  bool first = true;
  ForEachEvidence(row, [&](std::string_view e) {
    if (!first) out += " | ";
    utf8::AppendPrintable(out, e, /*keep_tabs=*/false);
    first = false;
  });
  while (!out.empty() && out.back() == ' ') out.pop_back();
  out += '\n';
}

void AppendJsonRow(const Row& row, std::string& out) {
  Category category = row.category();
  out += "{\"name\": ";
  AppendJsonQuoted(out, row.name);
  out += ", \"category\": \"";
  out += CategoryName(category);
  out += "\", \"risk\": \"";
  out += RiskName(RiskOf(category));
  out += "\", \"confidence\": ";
  out += Confidence(row.confidence(), true);
  if (row.uncertain()) out += ", \"uncertain\": true";  // absent: the answer is not a guess
  out += row.tool ? ", \"source\": \"catalog\", \"server\": " : ", \"source\": \"heuristic\", \"server\": ";
  if (row.tool) {
    AppendJsonQuoted(out, row.server->id);
  } else {
    out += "null";
  }
  out += ", \"evidence\": [";
  bool first = true;
  ForEachEvidence(row, [&](std::string_view e) {
    if (!first) out += ", ";
    AppendJsonQuoted(out, e);
    first = false;
  });
  out += "]}";
}

}  // namespace mcpolicy::classify_command
