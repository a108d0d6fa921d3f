#include "rules/invalid_tool_name.h"
#include "util/text.h"

namespace mcpolicy {
namespace {

// Why `name` is not a valid MCP tool name.
std::string Why(std::string_view name) {
  if (name.size() > 128) return "is " + std::to_string(name.size()) + " characters long";
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-' || c == '.';
    if (ok) continue;
    // Show the whole UTF-8 sequence of a non-ASCII character.
    size_t len = 1;
    while (i + len < name.size() && (static_cast<unsigned char>(name[i + len]) & 0xC0) == 0x80) ++len;
    return "has " + QuotedName(name.substr(i, len));
  }
  return "is empty";
}

}  // namespace

void InvalidToolName::Check(const PolicyContext& context, DiagnosticSink& sink) const {
  auto check = [&](std::string_view name, uint32_t node) {
    if (ValidToolName(name)) return;
    sink.Report(info().name, node,
                "tool name " + QuotedName(name) + " " + Why(name) +
                    ", but MCP tool names are 1 to 128 characters of A-Z, a-z, 0-9, \"_\", \"-\" "
                    "and \".\", so no server has this tool and the entry never applies; use the "
                    "exact name from the server's tools/list");
  };
  for (const ToolRules& t : context.policy.tools) check(t.name, t.key_loc);
  for (const HideEntry& h : context.policy.hide) {
    if (h.name != "*") check(h.name, h.loc);
  }
}

}  // namespace mcpolicy
