// One classified tool and how `mcpolicy classify` prints it: an aligned, optionally coloured text
// table, or one JSON object (the elements of --format json and the lines of --format jsonl).
#ifndef MCPOLICY_CLASSIFY_COMMAND_ROWS_H_
#define MCPOLICY_CLASSIFY_COMMAND_ROWS_H_

#include <string>
#include <string_view>

#include "mcpolicy/catalog.h"
#include "mcpolicy/classify.h"

namespace mcpolicy::classify_command {

struct Row {
  std::string_view name;                  // exactly as given
  const CatalogServer* server = nullptr;  // set with `tool` when the catalog decided
  const CatalogTool* tool = nullptr;
  const CatalogServer* missing_from = nullptr;  // --server named, but it has no such tool
  Classification result;                        // the heuristic's answer when `tool` is null

  Category category() const { return tool ? tool->category : result.category; }
  double confidence() const { return tool ? 1.0 : result.confidence; }
  // The heuristic only guessed (Classification::uncertain); never for a catalog answer.
  bool uncertain() const { return !tool && result.uncertain; }
};

// Column widths of the text table, fixed by the first batch so later batches line up with it.
struct TextLayout {
  size_t name_width = 4;
  bool color = false;
};

// "TOOL  CATEGORY  RISK  CONF  SOURCE  EVIDENCE" padded to `layout`.
std::string TextHeader(const TextLayout& layout);
void AppendTextRow(const Row& row, const TextLayout& layout, std::string& out);
// {"name": ..., "category": ..., "risk": ..., "confidence": ..., "source": ..., "server": ...,
//  "evidence": [...]} on one line, without a newline; a guess has "uncertain": true after
//  "confidence".
void AppendJsonRow(const Row& row, std::string& out);

// Code points of `name` as the text table shows it.
size_t DisplayWidth(std::string_view name);

}  // namespace mcpolicy::classify_command

#endif  // MCPOLICY_CLASSIFY_COMMAND_ROWS_H_
