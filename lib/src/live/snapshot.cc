#include "live/snapshot.h"

#include <sys/stat.h>

#include <algorithm>
#include <set>

#include "live/sha256.h"
#include "mcpolicy/io.h"

namespace mcpolicy::live {
namespace {

constexpr uint64_t kMaxSnapshotBytes = 64ull << 20;
constexpr const char* kHints[] = {"readOnlyHint", "destructiveHint", "idempotentHint",
                                  "openWorldHint"};

}  // namespace

nlohmann::json ServerRecord(const nlohmann::ordered_json& tools,
                            const std::map<std::string, ToolVerdict>& verdicts,
                            const std::string& source) {
  nlohmann::json record;
  record["source"] = source;
  nlohmann::json& out = record["tools"] = nlohmann::json::object();
  for (const auto& tool : tools) {
    const std::string name = tool["name"].get<std::string>();
    nlohmann::json entry;
    // Canonical: sorted keys, no spaces, invalid UTF-8 replaced.
    nlohmann::json canonical = nlohmann::json::parse(
        tool.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), nullptr, false);
    entry["hash"] =
        "sha256:" + Sha256Hex(canonical.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    auto v = verdicts.find(name);
    entry["category"] = v != verdicts.end() ? v->second.category : "other";
    entry["risk"] = v != verdicts.end() ? v->second.risk : "low";
    nlohmann::json hints = nlohmann::json::object();
    if (tool.contains("annotations") && tool["annotations"].is_object()) {
      for (const char* hint : kHints) {
        auto it = tool["annotations"].find(hint);
        if (it != tool["annotations"].end() && it->is_boolean()) hints[hint] = it->get<bool>();
      }
    }
    entry["annotations"] = hints;
    std::set<std::string> arguments;
    if (tool.contains("inputSchema") && tool["inputSchema"].is_object() &&
        tool["inputSchema"].contains("properties") &&
        tool["inputSchema"]["properties"].is_object()) {
      for (const auto& [key, value] : tool["inputSchema"]["properties"].items()) {
        arguments.insert(key);
      }
    }
    entry["arguments"] = arguments;
    if (tool.contains("description") && tool["description"].is_string()) {
      entry["description"] = tool["description"];
    }
    out[name] = entry;
  }
  return record;
}

bool ReadSnapshot(const std::string& path, nlohmann::json* snapshot, std::string* error,
                  std::string* text) {
  ReadResult read = ReadInput(path, kMaxSnapshotBytes);
  if (!read.ok) {
    *error = read.error;
    return false;
  }
  try {
    *snapshot = nlohmann::json::parse(read.data);
  } catch (const nlohmann::json::parse_error& e) {
    *error = JsonErrorMessage(path, e);
    return false;
  }
  if (!snapshot->is_object() || snapshot->value("mcpolicy_snapshot", 0) != 1 ||
      !snapshot->contains("servers") || !(*snapshot)["servers"].is_object()) {
    *error = path + ": not an mcpolicy snapshot (expected {\"mcpolicy_snapshot\": 1, "
                    "\"servers\": {...}}, as fetch --write-snapshot writes)";
    return false;
  }
  for (const auto& [name, server] : (*snapshot)["servers"].items()) {
    if (!server.is_object() || !server.contains("tools") || !server["tools"].is_object()) {
      *error = path + ": server \"" + name + "\" has no \"tools\" object";
      return false;
    }
  }
  if (text) *text = std::move(read.data);
  return true;
}

std::string WriteSnapshot(const std::string& path, const std::string& name,
                          const nlohmann::json& record) {
  nlohmann::json snapshot;
  struct stat st;
  if (stat(path.c_str(), &st) == 0) {
    std::string error;
    if (!ReadSnapshot(path, &snapshot, &error)) return error + " (not replaced)";
  } else {
    snapshot = {{"mcpolicy_snapshot", 1}, {"servers", nlohmann::json::object()}};
  }
  snapshot["servers"][name] = record;
  std::string text = snapshot.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
  text.push_back('\n');
  return WriteFileAtomically(path, text);
}

}  // namespace mcpolicy::live
