// Reading .mcpolicy.json: parse with positions, validate against the embedded schema, check rule
// names, and turn the document into a Config.
#include "mcpolicy/config.h"

#include <algorithm>
#include <ctime>
#include <filesystem>

#include "config/glob.h"
#include "mcpolicy/catalog.h"
#include "mcpolicy/embedded.h"
#include "mcpolicy/io.h"
#include "mcpolicy/json.h"
#include "mcpolicy/remedy.h"
#include "mcpolicy/schema.h"
#include "util/suggest.h"
#include "util/text.h"

namespace mcpolicy {
namespace {

namespace fs = std::filesystem;

constexpr uint64_t kMaxConfigBytes = 4ull << 20;

const Schema* ConfigSchema() { return EmbeddedSchema("schemas/config.schema.json"); }

class Reader {
 public:
  Reader(const std::string& display_path, const json::Document& doc, RuleNames rules)
      : path_(display_path), doc_(doc), rules_(rules) {}

  void Error(uint32_t offset, const std::string& message) {
    json::Location loc = doc_.Locate(offset);
    errors_.push_back(path_ + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column) +
                      ": " + message);
  }
  void Error(json::Value v, const std::string& message) { Error(v.offset(), message); }

  void CheckRule(json::Value name_node) {
    std::string_view name = name_node.as_string();
    if (std::find(rules_.begin(), rules_.end(), name) == rules_.end()) {
      Error(name_node, UnknownNameMessage("rule", name, {rules_.begin(), rules_.end()}));
    }
  }

  static std::vector<std::string> Globs(json::Value v) {
    std::vector<std::string> out;
    if (v.is_string()) out.emplace_back(v.as_string());
    for (json::Value g : v.elements()) out.emplace_back(g.as_string());
    return out;
  }

  void ReadRules(json::Value rules, Config& config) {
    for (json::Member m : rules.members()) {
      CheckRule(m.key);
      std::string name(m.name());
      if (m.value.is_bool()) {
        config.enabled[name] = m.value.as_bool();
      } else if (m.value.as_string() == "off") {
        config.enabled[name] = false;
      } else {
        config.enabled[name] = true;
        config.severities[name] = *ParseSeverity(m.value.as_string());
      }
    }
  }

  void ReadThresholds(json::Value t, Thresholds& out) {
    if (json::Value v = t.Find("execute_per_minute"); v.is_number()) out.execute_per_minute = v.as_number();
    if (json::Value v = t.Find("write_per_minute"); v.is_number()) out.write_per_minute = v.as_number();
    if (json::Value v = t.Find("other_per_minute"); v.is_number()) out.other_per_minute = v.as_number();
    if (json::Value v = t.Find("read_per_minute"); v.is_number()) out.read_per_minute = v.as_number();
    if (json::Value v = t.Find("destructive_per_minute"); v.is_number()) {
      out.destructive_per_minute = v.as_number();
    }
    if (json::Value v = t.Find("financial_per_minute"); v.is_number()) {
      out.financial_per_minute = v.as_number();
    }
  }

  // A server by id or alias, as `catalog show` finds it; the schema only says it is a string.
  void ReadServer(json::Value server, const Catalog& catalog) {
    std::string name(server.as_string());
    if (catalog.Find(name) == nullptr) {
      std::string quoted;
      AppendJsonQuoted(quoted, name);
      std::string message = "unknown catalog server " + quoted;
      std::string guess = catalog.Suggest(name);
      if (!guess.empty()) {
        std::string suggestion;
        AppendJsonQuoted(suggestion, guess);
        message += "; did you mean " + suggestion + "?";
      } else {
        message += " (mcpolicy catalog list shows every server)";
      }
      Error(server, message);
    }
  }

  void ReadSuppression(json::Value s, Config& config) {
    Suppression out;
    out.node = s.index();
    out.files = Globs(s.Find("files"));
    out.pointer = std::string(s.Find("pointer").string_or_empty());
    for (json::Value r : s.Find("rules").elements()) {
      CheckRule(r);
      out.rules.emplace_back(r.as_string());
    }
    out.reason = std::string(s.Find("reason").string_or_empty());
    if (json::Value e = s.Find("expires"); e.is_string()) {
      out.expires = std::string(e.as_string());
      out.expires_node = e.index();
    }
    config.suppressions.push_back(std::move(out));
  }

  // The schema has checked the shape; the number in "N/window" is checked here.
  void ReadRecommend(json::Value r, RecommendSettings& out) {
    out.tier = std::string(r.Find("tier").string_or_empty());
    for (json::Member m : r.members()) {
      if (m.name() == "tier") continue;
      std::string value(m.value.as_string());
      if (!ParseTreatment(value)) {
        Error(m.value, "recommend." + std::string(m.name()) + ": \"" + value +
                           "\" is not a treatment; the number of calls must be 1 to 1000000000");
        continue;
      }
      out.treatments[std::string(m.name())] = std::move(value);
    }
  }

  std::vector<std::string> TakeErrors() { return std::move(errors_); }

 private:
  const std::string& path_;
  const json::Document& doc_;
  RuleNames rules_;
  std::vector<std::string> errors_;
};


// A "missing required key" whose key is the "did you mean" of an unknown key in the same object:
// reported once, at the misspelling.
bool MisspeltRequired(const SchemaError& e, const std::vector<SchemaError>& all) {
  if (e.keyword != "required") return false;
  std::string hint = "did you mean \"" + e.offending + "\"?";
  return std::any_of(all.begin(), all.end(), [&](const SchemaError& other) {
    return other.keyword == "additionalProperties" &&
           other.pointer.rfind(e.pointer + "/", 0) == 0 &&
           other.pointer.find('/', e.pointer.size() + 1) == std::string::npos &&
           other.message.find(hint) != std::string::npos;
  });
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

}  // namespace

bool Suppression::has_reason() const {
  return reason.find_first_not_of(" \t\r\n") != std::string::npos;
}

bool Suppression::expired(const std::string& today) const {
  return !expires.empty() && expires < today;  // YYYY-MM-DD compares as text
}

bool Suppression::CoversFile(const std::string& relative_path) const {
  if (relative_path.empty()) return false;
  for (const std::string& glob : files) {
    if (GlobMatch(glob, relative_path)) return true;
  }
  return false;
}

bool Suppression::Covers(const std::string& relative_path, const std::string& rule,
                         const std::string& prefix_of) const {
  // "/tools/a" covers "/tools/a" and "/tools/a/limits/0", not "/tools/ab".
  if (prefix_of.compare(0, pointer.size(), pointer) != 0) return false;
  if (prefix_of.size() > pointer.size() && prefix_of[pointer.size()] != '/') return false;
  if (std::find(rules.begin(), rules.end(), rule) == rules.end()) return false;
  return CoversFile(relative_path);
}

bool Config::IsEnabled(const std::string& rule) const {
  auto it = enabled.find(rule);
  return it == enabled.end() || it->second;
}

Severity Config::SeverityOf(const std::string& rule, Severity fallback) const {
  auto it = severities.find(rule);
  return it == severities.end() ? fallback : it->second;
}

std::string Config::RelativePath(const std::string& policy_path) const {
  std::error_code ec;
  fs::path file = fs::absolute(policy_path, ec).lexically_normal();
  fs::path root = directory.empty() ? fs::current_path(ec) : fs::path(directory);
  fs::path rel = file.lexically_relative(root.lexically_normal());
  std::string out = rel.generic_string();
  if (ec || out.empty() || out == "." || out.rfind("..", 0) == 0) return "";
  return out;
}

std::string Config::ExcludedBy(const std::string& policy_path) const {
  if (exclude.empty()) return "";
  std::string rel = RelativePath(policy_path);
  if (rel.empty()) return "";
  for (const std::string& glob : exclude) {
    if (GlobMatchOrParent(glob, rel)) return glob;
  }
  return "";
}

double Thresholds::PerMinute(Category category) const {
  switch (category) {
    case Category::kWrite: return write_per_minute;
    case Category::kExecute: return execute_per_minute;
    case Category::kDestructive: return destructive_per_minute.value_or(execute_per_minute);
    case Category::kFinancial: return financial_per_minute.value_or(execute_per_minute);
    case Category::kRead: return read_per_minute.value_or(other_per_minute);
    case Category::kOther: return other_per_minute;
  }
  return other_per_minute;
}

std::string Thresholds::KeyFor(Category category) {
  return std::string(CategoryName(category)) + "_per_minute";
}

std::string Config::ServerFor(const std::string& policy_path) const {
  if (servers.empty()) return "";
  std::string rel = RelativePath(policy_path);
  if (rel.empty()) return "";
  for (const ServerMapping& m : servers) {
    for (const std::string& glob : m.globs) {
      if (GlobMatch(glob, rel)) return m.server;
    }
  }
  return "";
}

ConfigResult ParseConfig(const std::string& display_path, const std::string& directory,
                         std::string text, RuleNames rules, const Catalog* catalog) {
  ConfigResult result;
  json::ParseOptions options;
  options.max_bytes = kMaxConfigBytes;
  auto doc = std::make_shared<json::Document>(json::Document::Parse(std::move(text), options));
  Reader reader(display_path, *doc, rules);
  if (!doc->ok()) {
    reader.Error(doc->error()->offset, "configuration is not valid JSON: " + doc->error()->message);
    result.errors = reader.TakeErrors();
    return result;
  }
  for (const json::DuplicateKey& d : doc->duplicates()) {
    json::Value second(doc.get(), d.second);
    std::string key;
    AppendJsonQuoted(key, second.as_string());
    reader.Error(second, "duplicate key " + key + " (first at line " +
                             std::to_string(json::Value(doc.get(), d.first).location().line) + ")");
  }
  const Schema* schema = ConfigSchema();
  if (!schema) {
    result.errors.push_back("internal error: the bundled configuration schema does not compile");
    return result;
  }
  std::vector<SchemaError> errors = schema->Validate(doc->root());
  for (const SchemaError& e : errors) {
    if (!MisspeltRequired(e, errors)) reader.Error(json::Value(doc.get(), e.node), e.message);
  }
  result.errors = reader.TakeErrors();
  if (!result.errors.empty()) return result;  // the shape is unknown: read nothing from it

  Config config;
  config.path = display_path;
  config.directory = directory;
  json::Value root = doc->root();
  reader.ReadRules(root.Find("rules"), config);
  reader.ReadThresholds(root.Find("thresholds"), config.thresholds);
  const Catalog& known = catalog ? *catalog : Catalog::Bundled();
  for (json::Value m : root.Find("servers").elements()) {
    reader.ReadServer(m.Find("server"), known);
    config.servers.push_back({Reader::Globs(m.Find("files")), std::string(m.Find("server").as_string())});
  }
  config.exclude = Reader::Globs(root.Find("exclude"));
  for (json::Value s : root.Find("suppressions").elements()) reader.ReadSuppression(s, config);
  if (json::Value r = root.Find("recommend"); r.is_object()) reader.ReadRecommend(r, config.recommend);
  result.errors = reader.TakeErrors();
  if (!result.errors.empty()) return result;
  config.document = std::move(doc);
  result.config = std::move(config);
  return result;
}

ConfigResult LoadConfig(const std::string& path, RuleNames rules, const Catalog* catalog) {
  ReadResult read = ReadInput(path, kMaxConfigBytes);
  if (!read.ok) {
    ConfigResult result;
    result.errors.push_back("cannot read configuration: " + read.error);
    return result;
  }
  std::error_code ec;
  fs::path dir = fs::absolute(path, ec).lexically_normal().parent_path();
  return ParseConfig(path, dir.string(), std::move(read.data), rules, catalog);
}

bool IsIsoDate(const std::string& date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
  for (size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (date[i] < '0' || date[i] > '9') return false;
  }
  int y = std::stoi(date.substr(0, 4)), m = std::stoi(date.substr(5, 2)), d = std::stoi(date.substr(8, 2));
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= kDays[m - 1] + (m == 2 && IsLeap(y));
}

std::string LocalDate() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &local);
  return buf;
}

}  // namespace mcpolicy
