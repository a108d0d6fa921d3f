#include "rules/unguarded_multiplexer.h"
#include "util/text.h"

namespace mcpolicy {

void UnguardedMultiplexer::Check(const PolicyContext& context, DiagnosticSink& sink) const {
  for (const ResolvedTool& tool : context.resolution.tools) {
    if (!rules::Judged(tool) || !tool.reachable() || !tool.catalog ||
        tool.catalog->operations.empty()) {
      continue;
    }
    const std::string& argument = tool.catalog->operation_argument;
    std::string path = "args." + argument;
    std::vector<std::pair<std::string, Category>> open = rules::OpenDangerousOperations(tool);
    if (open.empty()) continue;
    std::string values, list;
    for (const auto& [value, category] : open) {
      if (!values.empty()) values += ", ";
      values += QuotedName(value) + " (" + std::string(CategoryName(category)) + ")";
      if (!list.empty()) list += ", ";
      list += QuotedName(value);
    }
    bool any = false;
    for (std::span<const Condition> cs : {tool.rules->require, tool.rules->deny_if}) {
      for (const Condition& c : cs) any |= c.path == path;
    }
    std::string why = any ? "the conditions on " + QuotedName(argument) + " do not stop "
                          : "no condition on " + QuotedName(argument) + " stops ";
    Diagnostic& d = sink.Report(info().name, tool.rules->key_loc,
                "multiplexer " + rules::Describe(tool) + " is allowed and " + why + values +
                    "; add " + context.wording.GuardSnippet(path, "in", "[" + list + "]") +
                    " or hide it");
    Remedy remedy;
    remedy.kind = Remedy::Kind::kGuard;
    remedy.tool = tool.name;
    remedy.path = path;
    for (const auto& [value, category] : open) remedy.values.push_back(value);
    d.remedy = std::move(remedy);
  }
}

}  // namespace mcpolicy
