// Which configuration applies to each linted file: --config, --no-config, or the first
// .mcpolicy.json found walking up from the file's directory. Each file is loaded once.
#ifndef MCPOLICY_CONFIG_RESOLVER_H_
#define MCPOLICY_CONFIG_RESOLVER_H_

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "mcpolicy/config.h"

namespace mcpolicy {

class ConfigResolver {
 public:
  struct Settings {
    std::string config_file;           // non-empty: this configuration for every file
    bool no_config = false;            // defaults for every file
    std::vector<std::string> enable;   // applied over every configuration
    std::vector<std::string> disable;  // applied after enable
    RuleNames rules;                   // the names a configuration may use (AllRuleNames())
    const Catalog* catalog = nullptr;  // the servers it may name (null: the bundled catalog)
  };

  explicit ConfigResolver(Settings settings);

  // The configuration for the file at `path` ("-" is looked up from the working directory), or
  // nullptr when it is unusable (see errors()). The walk stops after a directory holding .git.
  // Thread-safe; the Config lives as long as the resolver.
  const Config* For(const std::string& path) { return Find(path, true); }
  // As For, but the configuration does not count as used (see used()) on this account.
  const Config* Peek(const std::string& path) { return Find(path, false); }

  // Every unusable configuration's errors, sorted.
  std::vector<std::string> errors() const;
  // The configuration files (not the defaults) For returned, sorted by path.
  std::vector<const Config*> used() const;

 private:
  struct Entry {
    std::optional<Config> config;
    std::vector<std::string> errors;
    bool used = false;
  };

  const Config* Find(const std::string& path, bool use);
  const Config* Load(const std::string& absolute_path, const std::string& display_path, bool use);
  const Config* Use(Entry& entry, bool use);

  Settings settings_;
  Config defaults_;
  mutable std::mutex mutex_;
  std::map<std::string, std::unique_ptr<Entry>> files_;  // by absolute path
  std::map<std::string, Entry*> directories_;            // directory -> its config entry, or null
};

}  // namespace mcpolicy

#endif  // MCPOLICY_CONFIG_RESOLVER_H_
