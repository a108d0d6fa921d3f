#include "live/drift_compare.h"

#include <algorithm>
#include <cctype>
#include <optional>

namespace mcpolicy::live {
namespace {

int Rank(const std::string& category) {
  if (category == "financial" || category == "destructive") return 3;
  if (category == "execute") return 2;
  if (category == "write") return 1;
  return 0;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Phrases that address the agent rather than describe the tool, or reach for secrets.
constexpr const char* kInstructionCues[] = {
    "ignore previous", "ignore all", "ignore any", "disregard", "you must", "you should always",
    "always call", "always use", "before using this tool", "before calling", "do not tell",
    "don't tell", "do not mention", "without telling", "without asking", "<important>",
    "important:", "system prompt", "instead of the", "must first", "~/.ssh", "id_rsa", ".env",
    "private key", "password", "api key", "credentials", "send the contents"};
// Argument names that take commands, code, paths, URLs or queries.
constexpr const char* kDangerousArguments[] = {
    "command", "cmd", "commands", "script", "code", "exec", "shell", "args", "argv", "path",
    "paths", "file", "filename", "filepath", "file_path", "url", "uri", "endpoint", "host",
    "sql", "query", "statement", "expression", "eval"};

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// What `after` newly says that `before` did not: instruction cues, URLs, other tools' names.
std::vector<std::string> NewCues(const std::string& before, const std::string& after,
                                 const std::set<std::string>& other_tools) {
  const std::string b = Lower(before), a = Lower(after);
  std::vector<std::string> cues;
  for (const char* cue : kInstructionCues) {
    if (a.find(cue) != std::string::npos && b.find(cue) == std::string::npos) {
      cues.push_back(std::string("\"") + cue + "\"");
    }
  }
  for (const char* scheme : {"http://", "https://"}) {
    if (a.find(scheme) != std::string::npos && b.find(scheme) == std::string::npos) {
      cues.push_back("a URL");
      break;
    }
  }
  for (const std::string& tool : other_tools) {
    if (tool.size() < 4) continue;
    std::string t = Lower(tool);
    if (a.find(t) != std::string::npos && b.find(t) == std::string::npos) {
      cues.push_back("another server's tool \"" + tool + "\"");
    }
  }
  return cues;
}

std::string Describe(const nlohmann::json& tool) {
  return tool.value("category", "other") + ", " + tool.value("risk", "low");
}

std::optional<bool> Hint(const nlohmann::json& tool, const char* name) {
  if (!tool.contains("annotations") || !tool["annotations"].is_object()) return std::nullopt;
  auto it = tool["annotations"].find(name);
  if (it == tool["annotations"].end() || !it->is_boolean()) return std::nullopt;
  return it->get<bool>();
}

void CompareTool(const std::string& name, const nlohmann::json& old_tool,
                 const nlohmann::json& new_tool, const std::set<std::string>& other_tools,
                 std::vector<DriftChange>* out) {
  const size_t before = out->size();
  auto add = [&](const char* rule, DriftSeverity severity, std::string message) {
    out->push_back({rule, severity, name, std::move(message)});
  };
  const std::string old_category = old_tool.value("category", "other");
  const std::string new_category = new_tool.value("category", "other");
  if (Rank(new_category) > Rank(old_category)) {
    add("risk-rose", DriftSeverity::kError,
        name + " is now " + Describe(new_tool) + ", was " + Describe(old_tool));
  } else if (Rank(new_category) < Rank(old_category)) {
    add("risk-fell", DriftSeverity::kNote,
        name + " is now " + Describe(new_tool) + ", was " + Describe(old_tool));
  }
  // destructiveHint: absent means true (MCP's default), so true or absent -> false weakens it.
  std::optional<bool> old_destructive = Hint(old_tool, "destructiveHint");
  std::optional<bool> new_destructive = Hint(new_tool, "destructiveHint");
  if (old_destructive.value_or(true) && new_destructive == false) {
    add("weakened-annotation", DriftSeverity::kError,
        name + " now declares destructiveHint: false (was " +
            (old_destructive ? "true" : "not declared, which means true") + ")");
  }
  std::optional<bool> old_read_only = Hint(old_tool, "readOnlyHint");
  std::optional<bool> new_read_only = Hint(new_tool, "readOnlyHint");
  if (!old_read_only.value_or(false) && new_read_only == true) {
    add("weakened-annotation", new_category == "read" ? DriftSeverity::kWarning : DriftSeverity::kError,
        name + " now declares readOnlyHint: true, but it is classified " + new_category);
  }
  const std::string old_text = old_tool.value("description", "");
  const std::string new_text = new_tool.value("description", "");
  if (old_text != new_text) {
    std::vector<std::string> cues = NewCues(old_text, new_text, other_tools);
    if (cues.empty()) {
      add("changed-description", DriftSeverity::kWarning, name + "'s description changed");
    } else {
      add("changed-description", DriftSeverity::kError,
          name + "'s description changed and now holds " + Join(cues));
    }
  }
  std::set<std::string> old_args, new_args;
  if (old_tool.contains("arguments") && old_tool["arguments"].is_array()) {
    for (const auto& a : old_tool["arguments"]) {
      if (a.is_string()) old_args.insert(a.get<std::string>());
    }
  }
  if (new_tool.contains("arguments") && new_tool["arguments"].is_array()) {
    for (const auto& a : new_tool["arguments"]) {
      if (a.is_string()) new_args.insert(a.get<std::string>());
    }
  }
  for (const std::string& arg : new_args) {
    if (old_args.count(arg)) continue;
    bool dangerous = false;
    for (const char* d : kDangerousArguments) dangerous |= Lower(arg) == d;
    add("new-argument", dangerous ? DriftSeverity::kError : DriftSeverity::kWarning,
        name + " gained the argument \"" + arg + "\"" +
            (dangerous ? " (takes commands, code, paths, URLs or queries)" : ""));
  }
  if (out->size() == before && old_tool.value("hash", "") != new_tool.value("hash", "")) {
    add("changed-definition", DriftSeverity::kNote, name + "'s definition changed");
  }
}

}  // namespace

std::string_view SeverityName(DriftSeverity severity) {
  switch (severity) {
    case DriftSeverity::kError: return "error";
    case DriftSeverity::kWarning: return "warning";
    case DriftSeverity::kNote: return "note";
  }
  return "note";
}

std::vector<DriftChange> CompareRecords(const nlohmann::json& before, const nlohmann::json& after,
                                        const std::set<std::string>& other_tools) {
  std::vector<DriftChange> changes;
  const nlohmann::json& old_tools = before["tools"];
  const nlohmann::json& new_tools = after["tools"];
  for (const auto& [name, tool] : new_tools.items()) {
    auto old = old_tools.find(name);
    if (old == old_tools.end()) {
      const std::string category = tool.value("category", "other");
      DriftSeverity severity = Rank(category) >= 2   ? DriftSeverity::kError
                               : Rank(category) == 1 ? DriftSeverity::kWarning
                                                     : DriftSeverity::kNote;
      changes.push_back({"new-tool", severity, name, "new tool " + name + " (" + Describe(tool) + ")"});
      continue;
    }
    CompareTool(name, *old, tool, other_tools, &changes);
  }
  for (const auto& [name, tool] : old_tools.items()) {
    if (!new_tools.contains(name)) {
      changes.push_back({"removed-tool", DriftSeverity::kNote, name,
                         "tool " + name + " (" + Describe(tool) + ") is gone"});
    }
  }
  std::stable_sort(changes.begin(), changes.end(), [](const DriftChange& a, const DriftChange& b) {
    return a.tool < b.tool;
  });
  return changes;
}

}  // namespace mcpolicy::live
