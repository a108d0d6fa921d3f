#include "lint/dialect_hints.h"

#include <algorithm>
#include <cmath>
#include <iterator>
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

std::optional<json::Member> DialectHints::EntryOf(uint32_t key) {
  if (!entries_built_) {
    entries_built_ = true;
    json::Value tools = doc_.root().Find("tools");
    if (tools.is_object()) {
      for (json::Member m : tools.members()) entries_.push_back(m);
    }
  }
  // Nodes are numbered in document order, so the entry holding `key` is the last one whose value
  // starts before it, if `key` is one of that value's own keys.
  auto after = std::upper_bound(entries_.begin(), entries_.end(), key,
                                [](uint32_t k, const json::Member& m) { return k < m.value.index(); });
  if (after == entries_.begin()) return std::nullopt;
  json::Member entry = *std::prev(after);
  if (!entry.value.is_object()) return std::nullopt;
  for (json::Member m : entry.value.members()) {
    if (m.key.index() == key) return entry;
  }
  return std::nullopt;
}

std::optional<DialectHint> DialectHints::For(const SchemaError& error) {
  if (error.keyword == "additionalProperties") {
    const KeyHint* hint = nullptr;
    for (const KeyHint& h : kKeyHints) {
      if (error.offending == h.key) hint = &h;
    }
    if (!hint) return std::nullopt;
    DialectHint out{"unknown key \"" + error.offending + "\": " + std::string(hint->hint), {}};
    // {"action": "deny"} (with or without a "reason") under "default": "deny" says what the
    // default already does: the entry can go. Both of its findings carry the one remedy.
    if (error.offending != "action" && error.offending != "reason") return out;
    if (doc_.root().Find("default").string_or_empty() != "deny") return out;
    std::optional<json::Member> entry = EntryOf(error.node);
    if (!entry) return out;
    bool deny = false, reason = false, other = false;
    for (json::Member m : entry->value.members()) {
      if (m.name() == "action") {
        deny = m.value.string_or_empty() == "deny";
      } else if (m.name() == "reason") {
        reason = true;
      } else {
        other = true;
      }
    }
    if (!deny || other) return out;
    Remedy remedy;
    remedy.kind = Remedy::Kind::kRemoveEntry;
    remedy.fix = reason ? "remove-denied-entry-with-reason" : "remove-denied-entry";
    remedy.tool = std::string(entry->name());
    out.remedy = std::move(remedy);
    return out;
  }
  // "window": 60 -- a number of seconds where the hosted format wants a unit name.
  if (error.keyword == "type" && LastToken(error.pointer) == "window") {
    json::Value v(&doc_, error.node);
    if (!v.is_number()) return std::nullopt;
    double seconds = v.as_number();
    std::optional<Window> unit;
    if (seconds == 60) unit = Window::kMinute;
    else if (seconds == 3600) unit = Window::kHour;
    else if (seconds == 86400) unit = Window::kDay;
    std::string text = "\"window\" is a unit name, not a number of seconds: ";
    if (!unit) return DialectHint{text + "use \"minute\", \"hour\" or \"day\" (and scale \"max\" to match)", {}};
    Remedy remedy;
    remedy.kind = Remedy::Kind::kSetWindow;
    remedy.fix = "window-unit";
    remedy.window = *unit;
    remedy.target = error.node;
    return DialectHint{text + "use \"window\": \"" + std::string(WindowName(*unit)) + "\"",
                       std::move(remedy)};
  }
  return std::nullopt;
}

}  // namespace mcpolicy
