// Tool lists as JSON values: reading a tools/list dump (a result, a JSON-RPC response wrapping
// one, or a bare array of tools), and classifying one through classify's own pipeline (catalog
// inference, then the heuristic), so fetch, snapshots and drift judge tools exactly as classify
// and recommend do.
#ifndef MCPOLICY_LIVE_DUMP_H_
#define MCPOLICY_LIVE_DUMP_H_

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "mcpolicy/commands.h"

namespace mcpolicy::live {

// "NAME:LINE:COL: not valid JSON: REASON" from nlohmann's parse error ("NAME: not valid JSON"
// when it names no position). Shared by every JSON file live/ reads.
std::string JsonErrorMessage(const std::string& name, const nlohmann::json::parse_error& error);

// The tools array of `text`, or false with `error` ("NAME:LINE:COL: ..." or "NAME: ...").
bool ParseDump(const std::string& text, const std::string& name, nlohmann::ordered_json* tools,
               std::string* error);

struct ToolVerdict {
  std::string category, risk;
  double confidence = 0;
};

// Runs classify over `dump_json` (a tools/list result) as a table or JSON, against the catalog
// server `server` when given (else one inferred from the names); the output as classify prints it.
CommandOutput ClassifyDump(const std::string& dump_json, bool table, bool color,
                           const std::string& server = "");

// The verdict for every tool of `dump_json`, by name; false with `error` when classify failed.
bool ClassifyTools(const std::string& dump_json, std::map<std::string, ToolVerdict>* verdicts,
                   std::string* error, const std::string& server = "");

}  // namespace mcpolicy::live

#endif  // MCPOLICY_LIVE_DUMP_H_
