#include "config/resolver.h"

#include <algorithm>
#include <filesystem>

namespace mcpolicy {
namespace {

namespace fs = std::filesystem;

void ApplyOverrides(const ConfigResolver::Settings& settings, Config& config) {
  for (const std::string& rule : settings.enable) config.enabled[rule] = true;
  for (const std::string& rule : settings.disable) config.enabled[rule] = false;
}

// How a found configuration is named in findings and errors: relative to the working directory
// when below it, else absolute.
std::string DisplayPath(const fs::path& absolute) {
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  if (ec) return absolute.string();
  fs::path rel = absolute.lexically_relative(cwd);
  std::string s = rel.generic_string();
  return s.empty() || s.rfind("..", 0) == 0 ? absolute.string() : s;
}

}  // namespace

ConfigResolver::ConfigResolver(Settings settings) : settings_(std::move(settings)) {
  ApplyOverrides(settings_, defaults_);
}

const Config* ConfigResolver::Use(Entry& entry, bool use) {
  if (!entry.config) return nullptr;
  entry.used = entry.used || use;
  return &*entry.config;
}

const Config* ConfigResolver::Load(const std::string& absolute_path, const std::string& display_path,
                                   bool use) {
  std::unique_ptr<Entry>& slot = files_[absolute_path];
  if (!slot) {
    slot = std::make_unique<Entry>();
    ConfigResult r = LoadConfig(display_path, settings_.rules, settings_.catalog);
    if (r.ok()) {
      ApplyOverrides(settings_, *r.config);
      slot->config = std::move(r.config);
    } else {
      slot->errors = std::move(r.errors);
    }
  }
  return Use(*slot, use);
}

const Config* ConfigResolver::Find(const std::string& path, bool use) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (settings_.no_config) return &defaults_;
  std::error_code ec;
  if (!settings_.config_file.empty()) {
    fs::path abs = fs::absolute(settings_.config_file, ec).lexically_normal();
    return Load(abs.string(), settings_.config_file, use);
  }
  fs::path start = path == "-" ? fs::current_path(ec) : fs::absolute(path, ec).parent_path();
  start = start.lexically_normal();
  std::vector<std::string> visited;
  Entry* found = nullptr;
  for (fs::path dir = start;; dir = dir.parent_path()) {
    std::string key = dir.string();
    if (auto it = directories_.find(key); it != directories_.end()) {
      found = it->second;
      break;
    }
    visited.push_back(key);
    fs::path candidate = dir / kConfigFileName;
    if (fs::exists(candidate, ec)) {
      std::string abs = candidate.string();
      Load(abs, DisplayPath(candidate), false);
      found = files_[abs].get();
      break;
    }
    if (fs::exists(dir / ".git", ec) || dir == dir.parent_path()) break;
  }
  for (const std::string& d : visited) directories_[d] = found;
  return found ? Use(*found, use) : &defaults_;
}

std::vector<std::string> ConfigResolver::errors() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<std::string> out;
  for (const auto& [path, entry] : files_) {
    if (!entry->config) out.insert(out.end(), entry->errors.begin(), entry->errors.end());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<const Config*> ConfigResolver::used() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<const Config*> out;
  for (const auto& [path, entry] : files_) {
    if (entry->used && entry->config) out.push_back(&*entry->config);
  }
  std::sort(out.begin(), out.end(),
            [](const Config* a, const Config* b) { return a->path < b->path; });
  return out;
}

}  // namespace mcpolicy
