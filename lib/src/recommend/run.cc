// RunRecommend: settings from flags and configuration, the tools from the catalog or a tools/list
// dump, one decision per tool, then the policy and the explanation.
#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <numeric>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "catalog/open_catalog.h"
#include "catalog/tool_input.h"
#include "config/resolver.h"
#include "mcpolicy/config.h"
#include "mcpolicy/io.h"
#include "mcpolicy/recommend.h"
#include "mcpolicy/rules.h"
#include "recommend/decide.h"

namespace mcpolicy {
namespace {

using classify_command::ToolBatch;
using classify_command::ToolReader;

// The first batch is large: the server is inferred from its names. Later ones are small, so a
// large dump's tools are not held twice (as the document and as a batch).
constexpr size_t kFirstBatch = 1 << 16;
constexpr size_t kBatch = 1 << 12;

struct Settings {
  Tier tier = Tier::kRecommended;
  TreatmentOverrides overrides;
};

// The file lint would take the configuration from for the policy written: the -o file's (so
// its directory's .mcpolicy.json), else standard input's (the working directory's).
std::string ConfigLookupPath(const RecommendRequest& request) {
  return request.output_file.empty() || request.output_file == "-" ? "-" : request.output_file;
}

// The row's treatment within `ceiling` calls per minute: the same window with the largest max
// that keeps within it (the max loose-limit's message names), else a longer window, else hide.
Treatment WithinCeiling(const Treatment& row, double ceiling) {
  for (Window window : {Window::kMinute, Window::kHour, Window::kDay}) {
    if (WindowMinutes(window) < WindowMinutes(row.window)) continue;
    double max = std::floor(ceiling * WindowMinutes(window));
    if (max >= 1) {
      Treatment lowered = row;
      lowered.window = window;
      lowered.max = static_cast<uint32_t>(max);  // below row.max: the row was above `ceiling`
      return lowered;
    }
  }
  return ParseTreatment("hide").value();
}

// Lowers every category's limit above its configured ceiling to the ceiling, so the policy lints
// clean (no loose-limit) where lint reads the same thresholds. A limit set on purpose, by a flag
// or the configuration's "recommend" section, gets a warning; a tier's row follows silently.
void ApplyCeilings(const Thresholds& thresholds, const std::string& config_path,
                   const std::array<std::string, 6>& set_by, Settings& settings,
                   std::vector<std::string>& warnings) {
  for (size_t i = 0; i < settings.overrides.size(); ++i) {
    Category category = static_cast<Category>(i);
    Treatment row = TreatmentFor(category, settings.tier, settings.overrides);
    if (row.kind != Treatment::Kind::kLimit) continue;
    double ceiling = thresholds.PerMinute(category);
    if (row.max / WindowMinutes(row.window) <= ceiling) continue;
    Treatment lowered = WithinCeiling(row, ceiling);
    settings.overrides[i] = lowered;
    if (set_by[i].empty()) continue;
    std::string ceiling_text = std::to_string(ceiling);
    ceiling_text.erase(ceiling_text.find_last_not_of('0') + 1);
    if (ceiling_text.back() == '.') ceiling_text.pop_back();
    warnings.push_back(set_by[i] + " " + row.ToString() + " is above the ceiling of " +
                       ceiling_text + " calls per minute for " +
                       std::string(CategoryName(category)) + " tools that lint applies with " +
                       config_path + " (thresholds." + Thresholds::KeyFor(category) +
                       "); written as " + lowered.ToString());
  }
}

// Configuration first, flags over it, then the configuration's ceilings over both. False after
// adding the configuration's errors.
bool ReadSettings(const RecommendRequest& request, const Catalog& catalog, Settings& settings,
                  std::vector<std::string>& errors, std::vector<std::string>& warnings) {
  Thresholds thresholds;
  std::string config_path;
  std::array<std::string, 6> set_by;
  if (!request.no_config) {
    ConfigResolver::Settings resolver_settings;
    resolver_settings.config_file = request.config_file;
    resolver_settings.rules = AllRuleNames();
    resolver_settings.catalog = &catalog;
    ConfigResolver resolver(std::move(resolver_settings));
    const Config* config = resolver.For(ConfigLookupPath(request));
    if (config == nullptr) {
      errors = resolver.errors();
      return false;
    }
    if (std::optional<Tier> t = ParseTier(config->recommend.tier)) settings.tier = *t;
    for (const auto& [category, value] : config->recommend.treatments) {
      size_t i = static_cast<size_t>(*ParseCategory(category));
      settings.overrides[i] = ParseTreatment(value);
      set_by[i] = "recommend." + category + " in " + config->path + ":";
    }
    thresholds = config->thresholds;
    config_path = config->path;
  }
  if (request.tier) settings.tier = *request.tier;
  for (size_t i = 0; i < request.overrides.size(); ++i) {
    if (!request.overrides[i]) continue;
    settings.overrides[i] = request.overrides[i];
    set_by[i] = "--" + std::string(CategoryName(static_cast<Category>(i)));
  }
  if (!config_path.empty()) ApplyCeilings(thresholds, config_path, set_by, settings, warnings);
  return true;
}

// Sorts decisions by name, moving each decision once; decisions with one name keep their order.
void SortByName(std::vector<ToolDecision>& tools) {
  auto by_name = [](const ToolDecision& a, const ToolDecision& b) { return a.name < b.name; };
  if (std::is_sorted(tools.begin(), tools.end(), by_name)) return;
  // source[i]: where the decision for slot i is. Applied in place, cycle by cycle: a sorted
  // copy would hold every decision twice.
  std::vector<uint32_t> source(tools.size());
  std::iota(source.begin(), source.end(), 0u);
  std::stable_sort(source.begin(), source.end(),
                   [&](uint32_t a, uint32_t b) { return tools[a].name < tools[b].name; });
  for (uint32_t start = 0; start < source.size(); ++start) {
    if (source[start] == start) continue;
    ToolDecision held = std::move(tools[start]);
    uint32_t slot = start;
    while (source[slot] != start) {
      uint32_t from = source[slot];
      tools[slot] = std::move(tools[from]);
      source[slot] = slot;
      slot = from;
    }
    tools[slot] = std::move(held);
    source[slot] = slot;
  }
}

class DumpReader {
 public:
  DumpReader(const RecommendRequest& request, const Settings& settings, const Catalog& catalog,
             const CatalogServer* server, RecommendOutput& output)
      : request_(request),
        settings_(settings),
        catalog_(catalog),
        server_(server),
        output_(output) {}

  // Decides every tool of the dump into output_.tools; false when the input is unusable.
  bool Run() {
    std::string display =
        request_.tools_path == "-"
            ? (request_.stdin_filename.empty() ? "<stdin>" : request_.stdin_filename)
            : request_.tools_path;
    size_t skipped = 0;
    {
      // The dump and its parse are released before the decisions are sorted.
      ToolReader reader(request_.tools_path, display, request_.max_bytes);
      ToolBatch batch;
      bool first = true;
      while (reader.Next(first ? kFirstBatch : kBatch, batch)) {
        if (first) {
          if (server_ == nullptr) Infer(batch);
          output_.tools.reserve(reader.listed());
        }
        for (const ToolInfo& tool : batch.tools) Add(tool);
        if (first) batch = ToolBatch();  // its capacity goes
        first = false;
      }
      if (reader.failed()) {
        output_.errors = reader.errors();
        return false;
      }
      output_.warnings = reader.errors();
      skipped = reader.skipped();
    }
    SortByName(output_.tools);
    DropDuplicates();
    if (skipped > ToolReader::kMaxErrors) {
      output_.warnings.push_back(std::to_string(skipped - ToolReader::kMaxErrors) +
                                 " more entries skipped for the same kinds of reasons");
    }
    for (const auto& [name, count] : duplicates_) {
      output_.warnings.push_back(display + ": tool \"" + name + "\" is listed " +
                                 std::to_string(count + 1) + " times; the first is used");
    }
    if (output_.tools.empty()) {
      output_.errors.push_back(display + ": no tools to recommend a policy for" +
                               (skipped ? " (every entry was skipped)" : ""));
      return false;
    }
    if (skipped > 0) output_.exit_code = 1;
    return true;
  }

  const CatalogServer* server() const { return server_; }

 private:
  void Infer(const ToolBatch& batch) {
    std::vector<std::string_view> names;
    for (const ToolInfo& t : batch.tools) names.push_back(t.name);
    if (std::optional<ServerMatch> match = catalog_.Infer(names)) server_ = match->server;
  }

  // Decides `tool`; a name listed twice is decided twice and dropped after the sort, where a
  // name's decisions are adjacent (a set of the names seen would cost more than the decisions).
  void Add(const ToolInfo& tool) {
    Decide(tool);
    // The evidence is kept only for the --explain table: for a large dump it would be most of
    // the memory the decisions take.
    if (!request_.explain) std::vector<std::string>().swap(output_.tools.back().evidence);
  }

  // Keeps the first listed decision of each name (output_.tools is sorted) and counts the others.
  void DropDuplicates() {
    std::vector<ToolDecision>& tools = output_.tools;
    size_t kept = 0;
    for (size_t i = 0; i < tools.size(); ++i) {
      if (kept > 0 && tools[i].name == tools[kept - 1].name) {
        ++duplicates_[tools[i].name];
        continue;
      }
      if (kept != i) tools[kept] = std::move(tools[i]);
      ++kept;
    }
    tools.resize(kept);
  }

  void Decide(const ToolInfo& tool) {
    if (server_ != nullptr) {
      if (const CatalogTool* known = server_->FindTool(tool.name)) {
        output_.tools.push_back(
            DecideCatalogTool(*known, server_->id, settings_.tier, settings_.overrides));
        return;
      }
    }
    if (!heuristic_) heuristic_ = std::make_unique<recommend::HeuristicDecider>();
    output_.tools.push_back(heuristic_->Decide(tool, settings_.tier, settings_.overrides));
    if (server_ != nullptr) {
      output_.tools.back().evidence.insert(output_.tools.back().evidence.begin(),
                                           "not a tool of " + server_->id + " in the catalog");
    }
  }

  const RecommendRequest& request_;
  const Settings& settings_;
  const Catalog& catalog_;
  const CatalogServer* server_;
  RecommendOutput& output_;
  std::unique_ptr<recommend::HeuristicDecider> heuristic_;
  std::map<std::string, size_t> duplicates_;
};

// "39 tools, tier recommended, kestra-io/mcp-server-python: 25 listed (...), 14 hidden; ..."
std::string Summary(const RecommendOutput& output) {
  size_t hidden = 0, guarded = 0, catalog = 0, guesses = 0;
  for (const ToolDecision& d : output.tools) {
    hidden += d.hidden;
    guarded += !d.hidden && !d.denied.empty();
    catalog += d.from_catalog;
    guesses += d.uncertain;
  }
  size_t total = output.tools.size();
  std::string out = std::to_string(total) + (total == 1 ? " tool" : " tools") + ", tier " +
                    std::string(TierName(output.tier));
  if (!output.server.empty()) out += ", server " + output.server;
  out += ": " + std::to_string(total - hidden) + " listed (" + std::to_string(guarded) +
         " with a deny_if), " + std::to_string(hidden) + " hidden; " + std::to_string(catalog) +
         " from the catalog, " + std::to_string(total - catalog) + " by the heuristic, " +
         std::to_string(guesses) + (guesses == 1 ? " of them a guess" : " of them guesses") +
         " (uncertain).\n";
  return out;
}

}  // namespace

namespace {

// -o and --explain-file must not overwrite each other, the --tools dump, a --catalog file or the
// configuration the settings come from.
std::string OutputConflict(const RecommendRequest& request, const Catalog& catalog) {
  std::vector<NamedPath> outputs;
  if (!request.output_file.empty()) outputs.push_back({"-o", request.output_file});
  if (!request.explain_file.empty()) outputs.push_back({"--explain-file", request.explain_file});
  if (outputs.empty()) return "";
  std::vector<NamedPath> inputs;
  if (!request.tools_path.empty()) inputs.push_back({"--tools", request.tools_path});
  for (const std::string& dir : request.catalog_dirs) inputs.push_back({"--catalog", dir});
  if (!request.no_config) {
    ConfigResolver::Settings settings;
    settings.config_file = request.config_file;
    settings.rules = AllRuleNames();
    settings.catalog = &catalog;
    ConfigResolver resolver(std::move(settings));
    const Config* config = resolver.For(ConfigLookupPath(request));
    if (config && !config->path.empty()) {
      inputs.push_back({request.config_file.empty() ? "" : "--config",
                        request.config_file.empty() ? config->path : request.config_file});
    }
  }
  return FindOutputConflict(inputs, outputs);
}

}  // namespace

RecommendOutput RunRecommend(const RecommendRequest& request) {
  RecommendOutput output;
  auto fail = [&output](std::string message) {
    if (!message.empty()) output.errors.push_back(std::move(message));
    output.exit_code = 2;
    return output;
  };
  if (request.approve && request.dialect == OutputDialect::kJson) {
    return fail(
        "--approve needs --dialect intercept: PolicyLayer's hosted JSON has no approval step "
        "(its policies hide such tools)");
  }
  if (request.server.empty() && request.tools_path.empty()) {
    return fail(
        "nothing to recommend for: give --server SERVER or --tools FILE (- for standard input)");
  }
  std::unique_ptr<Catalog> holder;
  const Catalog* catalog = OpenCatalog(request.catalog_dirs, holder, output.errors);
  if (catalog == nullptr) return fail("");
  if (std::string conflict = OutputConflict(request, *catalog); !conflict.empty()) {
    return fail(conflict);
  }
  Settings settings;
  std::vector<std::string> setting_warnings;
  if (!ReadSettings(request, *catalog, settings, output.errors, setting_warnings)) return fail("");
  output.tier = settings.tier;
  const CatalogServer* server = nullptr;
  if (!request.server.empty()) {
    server = catalog->Find(request.server);
    if (server == nullptr) return fail(UnknownServerMessage(*catalog, request.server));
  }

  if (request.tools_path.empty()) {
    for (const CatalogTool& tool : server->tools) {
      output.tools.push_back(
          DecideCatalogTool(tool, server->id, settings.tier, settings.overrides));
    }
    if (output.tools.empty()) return fail("catalog server " + server->id + " has no tools");
  } else {
    DumpReader reader(request, settings, *catalog, server, output);
    if (!reader.Run()) return fail("");
    server = reader.server();
  }
  if (server != nullptr) output.server = server->id;

  SortByName(output.tools);
  if (request.approve) {
    for (ToolDecision& d : output.tools) ApplyApproval(d, settings.tier, settings.overrides);
  }
  output.policy = request.dialect == OutputDialect::kIntercept
                      ? FormatInterceptPolicy(output.tools, output.server, output.tier)
                      : FormatPolicy(output.tools);
  output.warnings.insert(output.warnings.begin(), setting_warnings.begin(), setting_warnings.end());
  size_t guesses = 0;
  for (const ToolDecision& d : output.tools) guesses += d.uncertain;
  if (guesses > 0) {
    output.warnings.push_back(
        std::to_string(guesses) + (guesses == 1 ? " tool was" : " tools were") +
        " classified by a guess (uncertain) and got at least the write rule; review " +
        (guesses == 1 ? "it" : "them") + " (--explain lists the evidence)");
  }
  if (request.explain) output.explain = FormatExplain(output.tools) + Summary(output);
  return output;
}

}  // namespace mcpolicy
