#include "config/baseline.h"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <tuple>

#include "mcpolicy/embedded.h"
#include "mcpolicy/io.h"
#include "mcpolicy/json.h"
#include "mcpolicy/schema.h"

namespace mcpolicy {
namespace {

namespace fs = std::filesystem;

constexpr uint64_t kMaxBaselineBytes = 256ull << 20;

struct KeyParts {
  std::string path;
  std::string rule;
  std::string pointer;  // "" when keyed by message
  std::string message;  // "" when keyed by pointer
};

std::string Join(const KeyParts& k) {
  // NUL cannot occur in a path, a rule name, or (unescaped) in JSON text we keep.
  std::string key = k.path + '\0' + k.rule + '\0';
  key += k.pointer.empty() ? "m" + k.message : "p" + k.pointer;
  return key;
}

KeyParts PartsOf(const Diagnostic& d, const std::string& directory) {
  std::error_code ec;
  fs::path abs = fs::absolute(d.path, ec).lexically_normal();
  std::string rel = abs.lexically_relative(directory).generic_string();
  KeyParts k{rel.empty() ? abs.generic_string() : rel, d.rule, d.pointer, ""};
  if (d.pointer.empty()) k.message = d.message;
  return k;
}

const Schema* BaselineSchema() { return EmbeddedSchema("schemas/baseline.schema.json"); }

}  // namespace

std::string BaselineDirectory(const std::string& path) {
  std::error_code ec;
  return fs::absolute(path, ec).lexically_normal().parent_path().string();
}

std::string BaselineKey(const Diagnostic& d, const std::string& directory) {
  return Join(PartsOf(d, directory));
}

BaselineResult LoadBaseline(const std::string& path) {
  BaselineResult result;
  ReadResult read = ReadInput(path, kMaxBaselineBytes);
  if (!read.ok) {
    result.errors.push_back("cannot read baseline: " + read.error);
    return result;
  }
  json::Document doc = json::Document::Parse(std::move(read.data));
  auto error = [&](uint32_t offset, const std::string& message) {
    json::Location loc = doc.Locate(offset);
    result.errors.push_back(path + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column) +
                            ": " + message);
  };
  if (!doc.ok()) {
    error(doc.error()->offset, "baseline is not valid JSON: " + doc.error()->message);
    return result;
  }
  const Schema* schema = BaselineSchema();
  if (!schema) {
    result.errors.push_back("internal error: the bundled baseline schema does not compile");
    return result;
  }
  for (const SchemaError& e : schema->Validate(doc.root())) {
    error(doc.nodes()[e.node].offset(), "invalid baseline: " + e.message);
  }
  if (!result.errors.empty()) return result;
  Baseline baseline;
  baseline.directory = BaselineDirectory(path);
  for (json::Value f : doc.root().Find("findings").elements()) {
    KeyParts k{std::string(f.Find("path").string_or_empty()),
               std::string(f.Find("rule").string_or_empty()),
               std::string(f.Find("pointer").string_or_empty()),
               std::string(f.Find("message").string_or_empty())};
    baseline.counts[Join(k)] += static_cast<size_t>(f.Find("count").as_number());
  }
  result.baseline = std::move(baseline);
  return result;
}

size_t ApplyBaseline(const Baseline& baseline, std::vector<Diagnostic>& diagnostics) {
  std::map<std::string, size_t> left = baseline.counts;
  size_t removed = 0;
  std::erase_if(diagnostics, [&](const Diagnostic& d) {
    if (!d.suppression.empty()) return false;
    auto it = left.find(BaselineKey(d, baseline.directory));
    if (it == left.end() || it->second == 0) return false;
    --it->second;
    ++removed;
    return true;
  });
  return removed;
}

std::string FormatBaseline(const std::vector<Diagnostic>& diagnostics, const std::string& directory) {
  std::map<std::tuple<std::string, std::string, std::string, std::string>, size_t> counts;
  for (const Diagnostic& d : diagnostics) {
    if (!d.suppression.empty()) continue;
    KeyParts k = PartsOf(d, directory);
    ++counts[{k.path, k.rule, k.pointer, k.message}];
  }
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  for (const auto& [key, count] : counts) {
    const auto& [path, rule, pointer, message] = key;
    nlohmann::ordered_json f;
    f["path"] = path;
    f["rule"] = rule;
    if (pointer.empty()) {
      f["message"] = message;
    } else {
      f["pointer"] = pointer;
    }
    f["count"] = count;
    findings.push_back(std::move(f));
  }
  nlohmann::ordered_json out;
  out["version"] = 1;
  out["findings"] = std::move(findings);
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace mcpolicy
