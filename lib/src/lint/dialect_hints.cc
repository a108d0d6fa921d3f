#include "lint/dialect_hints.h"

#include <cmath>
#include <string_view>

namespace mcpolicy {
namespace {

struct KeyHint {
  std::string_view key;
  std::string_view hint;
};

// Keys of the Intercept YAML dialect, of Microsoft's AgentMesh proxy, and of PolicyLayer's
// marketing examples, none of which the hosted JSON format has.
constexpr KeyHint kKeyHints[] = {
    {"action",
     "PolicyLayer JSON has no \"action\"; to block a tool list it in \"hide\" (or leave it out of "
     "\"tools\" under \"default\": \"deny\"); to allow it, list it under \"tools\""},
    {"conditions",
     "\"conditions\" is Intercept YAML; in PolicyLayer JSON put {path, op, value} conditions in "
     "\"require\" (must hold) or \"deny_if\" (blocks the call)"},
    {"default_action",
     "\"default_action\" is another gateway's key; PolicyLayer JSON uses top-level \"default\": "
     "\"allow\" or \"deny\""},
    {"description",
     "PolicyLayer JSON has no \"description\"; keep notes in your repository, not in the policy"},
    {"on_deny",
     "\"on_deny\" is Intercept YAML; PolicyLayer JSON has no denial message, so remove it"},
    {"rate_limit",
     "\"rate_limit\" is another dialect's key; PolicyLayer JSON uses \"limits\": [{\"counter\", "
     "\"window\", \"max\", \"scope\"}]"},
    {"reason",
     "PolicyLayer JSON has no \"reason\"; the hosted format has no denial message, so remove it"},
    {"rules",
     "\"rules\" is Intercept YAML; in PolicyLayer JSON put \"limits\", \"require\" and \"deny_if\" "
     "directly on the tool"},
    {"state",
     "\"state\" is Intercept YAML; in PolicyLayer JSON a quota is a \"limits\" entry with a "
     "\"counter\", and limits naming the same counter share it"},
};

std::string_view LastToken(std::string_view pointer) {
  size_t slash = pointer.rfind('/');
  return slash == std::string_view::npos ? pointer : pointer.substr(slash + 1);
}

}  // namespace

std::optional<std::string> DialectMessage(const SchemaError& error, const json::Document& doc) {
  if (error.keyword == "additionalProperties") {
    for (const KeyHint& h : kKeyHints) {
      if (error.offending == h.key) return "unknown key \"" + error.offending + "\": " + std::string(h.hint);
    }
    return std::nullopt;
  }
  // "window": 60 -- a number of seconds where the hosted format wants a unit name.
  if (error.keyword == "type" && LastToken(error.pointer) == "window") {
    json::Value v(&doc, error.node);
    if (!v.is_number()) return std::nullopt;
    double seconds = v.as_number();
    std::string unit;
    if (seconds == 60) unit = "minute";
    else if (seconds == 3600) unit = "hour";
    else if (seconds == 86400) unit = "day";
    std::string text = "\"window\" is a unit name, not a number of seconds: ";
    if (!unit.empty()) {
      return text + "use \"window\": \"" + unit + "\"";
    }
    return text + "use \"minute\", \"hour\" or \"day\" (and scale \"max\" to match)";
  }
  return std::nullopt;
}

}  // namespace mcpolicy
