#include "lint/recognise.h"

#include <algorithm>
#include <array>

#include "util/suggest.h"
#include "yaml/recognise.h"
#include "yaml/tree.h"

namespace mcpolicy {
namespace {

// The top-level keys of a hosted policy and the shape each one's value has.
enum class Shape { kVersion, kDefault, kToolMap, kNameList, kObject };
struct PolicyKey {
  std::string_view name;
  Shape shape;
};
constexpr std::array<PolicyKey, 5> kPolicyKeys = {{{"version", Shape::kVersion},
                                                  {"default", Shape::kDefault},
                                                  {"tools", Shape::kToolMap},
                                                  {"hide", Shape::kNameList},
                                                  {"all_tools", Shape::kObject}}};

bool HasShape(json::Value v, Shape shape) {
  switch (shape) {
    case Shape::kVersion:
      return v.is_string() && v.as_string() == "1";
    case Shape::kDefault:
      return v.is_string() && (v.as_string() == "allow" || v.as_string() == "deny");
    case Shape::kToolMap: {
      if (!v.is_object() || v.size() == 0) return false;
      for (json::Member m : v.members()) {
        if (!m.value.is_object()) return false;
      }
      return true;
    }
    case Shape::kNameList: {
      if (!v.is_array() || v.size() == 0) return false;
      for (json::Value e : v.elements()) {
        if (!e.is_string()) return false;
      }
      return true;
    }
    case Shape::kObject:
      return v.is_object();
  }
  return false;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// The policy key `key` misspells ("defualt", "tool", "Tools"), within the distance "did you
// mean" allows; nullptr when it is none, or is one spelt right.
const PolicyKey* NearMiss(std::string_view key) {
  std::string lower = Lower(key);
  for (const PolicyKey& k : kPolicyKeys) {
    if (key == k.name) return nullptr;
    size_t allowed = std::max<size_t>(1, k.name.size() / 3);
    if (EditDistance(lower, k.name) <= allowed) return &k;
  }
  return nullptr;
}

// A PolicyLayer JSON policy: any of its keys spelt right at the top level ("version" only with
// its one value, "1", since other formats have a version too), or misspellings adding up to two
// points: one for a key close to a policy key, two when its value also has that key's shape
// ("defualt": "deny", "tool": {"kubectl_delete": {}}). So {"tool": "eslint"} is not a policy.
bool RecognisePolicyLayerJson(const json::Document& doc) {
  json::Value root = doc.root();
  if (!root.is_object()) return false;
  int points = 0;
  for (json::Member m : root.members()) {
    std::string_view key = m.name();
    if (key == "version") {
      if (HasShape(m.value, Shape::kVersion)) return true;
      continue;
    }
    if (key == "default" || key == "tools" || key == "hide" || key == "all_tools") return true;
    if (const PolicyKey* near = NearMiss(key)) points += HasShape(m.value, near->shape) ? 2 : 1;
  }
  return points >= 2;
}

constexpr std::array<std::string_view, 1> kJsonExtensions = {".json"};

constexpr std::array<PolicyDialect, 1> kDialects = {{
    {"PolicyLayer JSON", kJsonExtensions, RecognisePolicyLayerJson,
     "no top-level \"version\": \"1\", \"default\", \"tools\", \"hide\" or \"all_tools\", nor a "
     "misspelling of them"},
}};

bool OnlyKeys(json::Value object, std::span<const std::string_view> allowed) {
  for (json::Member m : object.members()) {
    if (std::find(allowed.begin(), allowed.end(), m.name()) == allowed.end()) return false;
  }
  return true;
}

// Tool objects: each has a non-empty string "name". Their count, or -1 when one is not a tool.
long CountTools(json::Value list) {
  long count = 0;
  for (json::Value t : list.elements()) {
    json::Value name = t.Find("name");
    if (!t.is_object() || !name.is_string() || name.as_string().empty()) return -1;
    ++count;
  }
  return count;
}

// The tools array of a tools/list dump, or an invalid Value. Only keys a tools/list result (or a
// JSON-RPC response) has may appear, so a policy with a malformed "tools" is never taken for one.
json::Value DumpTools(json::Value root) {
  static constexpr std::array<std::string_view, 5> kResultKeys = {"tools", "nextCursor", "_meta",
                                                                  "ttlMs", "resultType"};
  static constexpr std::array<std::string_view, 3> kResponseKeys = {"jsonrpc", "id", "result"};
  if (root.is_array()) {
    // A bare array needs the key a tool must have, so ["a", "b"] or [{"name": "x"}] is no dump.
    for (json::Value t : root.elements()) {
      if (!t.Find("inputSchema").is_object()) return {};
    }
    return root.size() > 0 ? root : json::Value();
  }
  if (!root.is_object()) return {};
  json::Value result = root;
  if (root.Find("result").is_object() && OnlyKeys(root, kResponseKeys)) result = root.Find("result");
  json::Value tools = result.Find("tools");
  if (!tools.is_array() || !OnlyKeys(result, kResultKeys)) return {};
  return tools;
}

std::string Plural(long n, std::string_view word) {
  return std::to_string(n) + " " + std::string(word) + (n == 1 ? "" : "s");
}

}  // namespace

std::span<const PolicyDialect> PolicyDialects() { return kDialects; }

bool HasPolicyExtension(std::string_view file_name) {
  for (const PolicyDialect& d : kDialects) {
    for (std::string_view ext : d.extensions) {
      if (file_name.size() > ext.size() && file_name.ends_with(ext)) return true;
    }
  }
  return false;
}

Recognition Recognise(const json::Document& doc) {
  Recognition out;
  if (json::Value tools = DumpTools(doc.root()); tools.valid()) {
    long count = CountTools(tools);
    if (count >= 0) {
      out.kind = FileKind::kToolsDump;
      out.reason = "a tools/list dump (" + Plural(count, "tool") +
                   "), not a policy; lint --tools FILE judges policies against it";
      return out;
    }
  }
  for (const PolicyDialect& d : kDialects) {
    if (d.recognise(doc)) {
      out.kind = FileKind::kPolicy;
      out.dialect = &d;
      return out;
    }
  }
  out.reason = "not a policy (";
  for (size_t i = 0; i < kDialects.size(); ++i) {
    out.reason += (i ? "; " : "") + std::string(kDialects[i].looks_for);
  }
  out.reason += ")";
  return out;
}

}  // namespace mcpolicy
