#include "live/dump.h"

#include <sys/mman.h>
#include <unistd.h>


#include "mcpolicy/classify_commands.h"

namespace mcpolicy::live {

std::string JsonErrorMessage(const std::string& name, const nlohmann::json::parse_error& error) {
  // nlohmann says "... parse error at line L, column C: reason"; keep the position and reason.
  const std::string what = error.what();
  const size_t at = what.find(" at line ");
  const size_t colon = at == std::string::npos ? std::string::npos : what.find(": ", at);
  if (at == std::string::npos || colon == std::string::npos) return name + ": not valid JSON";
  const std::string where = what.substr(at + 9, colon - at - 9);  // "L, column C"
  const size_t comma = where.find(", column ");
  const std::string column = comma == std::string::npos ? "1" : where.substr(comma + 9);
  return name + ":" + where.substr(0, comma) + ":" + column + ": not valid JSON: " +
         what.substr(colon + 2);
}

bool ParseDump(const std::string& text, const std::string& name, nlohmann::ordered_json* tools,
               std::string* error) {
  nlohmann::ordered_json doc;
  try {
    doc = nlohmann::ordered_json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    *error = JsonErrorMessage(name, e);
    return false;
  }
  const nlohmann::ordered_json* list = nullptr;
  if (doc.is_array()) list = &doc;
  if (doc.is_object()) {
    const nlohmann::ordered_json* holder = &doc;
    if (doc.contains("result") && doc["result"].is_object()) holder = &doc["result"];
    if (holder->contains("tools") && (*holder)["tools"].is_array()) list = &(*holder)["tools"];
  }
  if (!list) {
    *error = name + ": expected a tools/list result ({\"tools\": [...]}), a JSON-RPC response "
                    "wrapping one, or an array of tools";
    return false;
  }
  for (const auto& tool : *list) {
    if (!tool.is_object() || !tool.contains("name") || !tool["name"].is_string() ||
        tool["name"].get<std::string>().empty()) {
      *error = name + ": every tool must be an object with a non-empty string \"name\"";
      return false;
    }
  }
  *tools = *list;
  return true;
}

CommandOutput ClassifyDump(const std::string& dump_json, bool table, bool color,
                           const std::string& server) {
  CommandOutput output;
  int fd = memfd_create("mcpolicy-tools", MFD_CLOEXEC);
  if (fd < 0 ||
      write(fd, dump_json.data(), dump_json.size()) != static_cast<ssize_t>(dump_json.size())) {
    if (fd >= 0) close(fd);
    output.exit_code = 2;
    output.errors.push_back("cannot hold the tool list in memory for classification");
    return output;
  }
  ClassifyRequest classify;
  classify.tools_path = "/proc/self/fd/" + std::to_string(fd);
  classify.format = table ? ClassifyFormat::kText : ClassifyFormat::kJson;
  classify.color = color;
  classify.server = server;
  output = RunClassify(classify);
  close(fd);
  return output;
}

bool ClassifyTools(const std::string& dump_json, std::map<std::string, ToolVerdict>* verdicts,
                   std::string* error, const std::string& server) {
  CommandOutput out = ClassifyDump(dump_json, /*table=*/false, /*color=*/false, server);
  nlohmann::json parsed = nlohmann::json::parse(out.out, nullptr, false);
  if (out.exit_code == 2 || !parsed.is_object() || !parsed.contains("tools")) {
    *error = out.errors.empty() ? "classification failed" : out.errors.front();
    return false;
  }
  for (const auto& t : parsed["tools"]) {
    ToolVerdict v;
    v.category = t.value("category", "other");
    v.risk = t.value("risk", "low");
    v.confidence = t.value("confidence", 0.0);
    (*verdicts)[t.value("name", "")] = v;
  }
  return true;
}

}  // namespace mcpolicy::live
