// .mcpolicy.json: which rules run and how severe they are, thresholds, which server a policy file
// is for, suppressions, and what `recommend` generates. Found by walking up from each linted file (the first found wins), or
// given with --config; --no-config ignores them. Validated against schemas/config.schema.json.
#ifndef MCPOLICY_CONFIG_H_
#define MCPOLICY_CONFIG_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "mcpolicy/classify.h"
#include "mcpolicy/diagnostic.h"

namespace mcpolicy {

namespace json {
class Document;
}
class Catalog;

// The rule names a configuration may name: rules.h's AllRuleNames(). The configuration sits below
// the rules in the layers (docs/architecture.md), so whoever reads one passes them in.
using RuleNames = std::span<const std::string_view>;

// The name mcpolicy looks for in each directory.
inline constexpr const char* kConfigFileName = ".mcpolicy.json";

// Per-minute ceilings for loose-limit: a limit allowing more calls per minute than its tool's
// category's ceiling is flagged (DOMAIN.md §2 recommends 10 / 30 / 60), and `recommend` never
// writes a limit above one. Read tools fall back to the "other" ceiling and destructive and
// financial tools to the "execute" one unless they have their own.
struct Thresholds {
  double execute_per_minute = 10;
  double write_per_minute = 30;
  double other_per_minute = 60;
  std::optional<double> read_per_minute;
  std::optional<double> destructive_per_minute;
  std::optional<double> financial_per_minute;

  // The ceiling for tools of `category`, in calls per minute.
  double PerMinute(Category category) const;
  // The key under "thresholds" that sets it: "execute_per_minute".
  static std::string KeyFor(Category category);
};

// Policy files matching any of `globs` (relative to the config file's directory; `*`, `**`, `?`)
// are for catalog server `server`.
struct ServerMapping {
  std::vector<std::string> globs;
  std::string server;
};

// The "recommend" section: the tier and per-category treatments `mcpolicy recommend` starts
// from (its flags win). Values are checked when the file is read (ParseTier, ParseTreatment).
struct RecommendSettings {
  std::string tier;                                // "" = not set
  std::map<std::string, std::string> treatments;  // category name -> "allow", "hide", "N/window"
};

struct Suppression {
  std::vector<std::string> files;  // globs relative to the config's directory (at least one)
  std::string pointer;             // JSON pointer prefix; "" = whole file
  std::vector<std::string> rules;  // at least one
  std::string reason;              // required: without one the suppression is not applied
  std::string expires;             // "YYYY-MM-DD" (last day it applies) or ""
  uint32_t node = 0;               // the suppression object in Config::document
  uint32_t expires_node = 0;       // the "expires" value in Config::document, when present

  bool has_reason() const;
  bool expired(const std::string& today) const;  // today: "YYYY-MM-DD"
  // Applied to findings: it has a reason and has not expired.
  bool active(const std::string& today) const { return has_reason() && !expired(today); }
  // Whether a finding of `rule` at `pointer` in a file at `relative_path` (relative to the
  // config's directory, '/'-separated) is covered. Ignores reason and expiry.
  bool Covers(const std::string& relative_path, const std::string& rule,
              const std::string& pointer) const;
  bool CoversFile(const std::string& relative_path) const;
};

struct Config {
  std::string path;       // as reported in findings about the config ("" = defaults, no file)
  std::string directory;  // absolute; globs are relative to it ("" = the working directory)
  std::shared_ptr<const json::Document> document;  // the parsed file, for findings positions
  std::map<std::string, bool> enabled;             // rule -> on/off (absent: on)
  std::map<std::string, Severity> severities;      // rule -> override
  Thresholds thresholds;
  std::vector<ServerMapping> servers;
  std::vector<Suppression> suppressions;
  RecommendSettings recommend;
  // Globs (relative to `directory`) of files lint passes over when it finds them in a directory
  // or is given them with --policies-only; a glob naming a directory covers everything below it.
  std::vector<std::string> exclude;

  bool IsEnabled(const std::string& rule) const;
  // The configured severity of `rule`, or `fallback` (its default, or what the rule chose).
  Severity SeverityOf(const std::string& rule, Severity fallback) const;
  // The server the config maps `policy_path` to (as named on the command line, or absolute), or "".
  std::string ServerFor(const std::string& policy_path) const;
  // `policy_path` relative to `directory` with '/' separators, or "" when it is not below it.
  std::string RelativePath(const std::string& policy_path) const;
  // The first "exclude" glob covering `policy_path`, or "".
  std::string ExcludedBy(const std::string& policy_path) const;
};

struct ConfigResult {
  std::optional<Config> config;     // set exactly when errors is empty
  std::vector<std::string> errors;  // "path:line:col: message", one per problem
  bool ok() const { return config.has_value(); }
};

// Parses and validates a configuration. `display_path` names it in errors and findings;
// `directory` is where its globs are rooted (absolute). Rule names not in `rules` and servers
// `catalog` does not know (by id or alias, as `catalog show` finds them; the bundled catalog
// when null) are errors with "did you mean".
ConfigResult ParseConfig(const std::string& display_path, const std::string& directory,
                         std::string text, RuleNames rules, const Catalog* catalog = nullptr);

// Reads and parses the configuration file at `path` (reported as given).
ConfigResult LoadConfig(const std::string& path, RuleNames rules, const Catalog* catalog = nullptr);

// Whether `date` is a real calendar date written YYYY-MM-DD.
bool IsIsoDate(const std::string& date);

// Today's local date as YYYY-MM-DD.
std::string LocalDate();

}  // namespace mcpolicy

#endif  // MCPOLICY_CONFIG_H_
