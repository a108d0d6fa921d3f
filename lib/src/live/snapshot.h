// Drift snapshots: what each server's tools were when someone approved them. One JSON file,
// keys sorted and one value per line where it matters, so it diffs well in git:
//   {"mcpolicy_snapshot": 1, "servers": {NAME: {"source": ..., "tools": {TOOL: {
//     "category", "risk", "hash" (SHA-256 of the tool's canonical JSON), "annotations",
//     "arguments" (input-schema property names, sorted), "description"}}}}}
#ifndef MCPOLICY_LIVE_SNAPSHOT_H_
#define MCPOLICY_LIVE_SNAPSHOT_H_

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "live/dump.h"

namespace mcpolicy::live {

// The record of one server: every tool of `tools` with its verdict.
nlohmann::json ServerRecord(const nlohmann::ordered_json& tools,
                            const std::map<std::string, ToolVerdict>& verdicts,
                            const std::string& source);

// Reads a snapshot; false with `error` naming the file (and line:col for bad JSON) when it is
// missing, unreadable or not a snapshot. `text`, when given, receives the file as read.
bool ReadSnapshot(const std::string& path, nlohmann::json* snapshot, std::string* error,
                  std::string* text = nullptr);

// Puts `record` under `name` in the snapshot at `path` (created when missing; other servers
// kept) and writes it atomically. Returns "" or the error.
std::string WriteSnapshot(const std::string& path, const std::string& name,
                          const nlohmann::json& record);

}  // namespace mcpolicy::live

#endif  // MCPOLICY_LIVE_SNAPSHOT_H_
