// RunRecommend: settings from flags and configuration, the tools from the catalog or a tools/list
// dump, one decision per tool, then the policy and the explanation.
#include <algorithm>
#include <map>
#include <memory>
#include <set>

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

constexpr size_t kBatch = 1 << 16;

struct Settings {
  Tier tier = Tier::kRecommended;
  TreatmentOverrides overrides;
};

// Configuration first, flags over it. False after adding the configuration's errors.
bool ReadSettings(const RecommendRequest& request, Settings& settings,
                  std::vector<std::string>& errors) {
  if (!request.no_config) {
    ConfigResolver::Settings resolver_settings;
    resolver_settings.config_file = request.config_file;
    resolver_settings.rules = AllRuleNames();
    ConfigResolver resolver(std::move(resolver_settings));
    const Config* config = resolver.For("-");
    if (config == nullptr) {
      errors = resolver.errors();
      return false;
    }
    if (std::optional<Tier> t = ParseTier(config->recommend.tier)) settings.tier = *t;
    for (const auto& [category, value] : config->recommend.treatments) {
      settings.overrides[static_cast<size_t>(*ParseCategory(category))] = ParseTreatment(value);
    }
  }
  if (request.tier) settings.tier = *request.tier;
  for (size_t i = 0; i < request.overrides.size(); ++i) {
    if (request.overrides[i]) settings.overrides[i] = request.overrides[i];
  }
  return true;
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
    ToolReader reader(request_.tools_path, display, request_.max_bytes);
    ToolBatch batch;
    bool first = true;
    while (reader.Next(kBatch, batch)) {
      if (first && server_ == nullptr) Infer(batch);
      first = false;
      for (const ToolInfo& tool : batch.tools) Add(tool);
    }
    if (reader.failed()) {
      output_.errors = reader.errors();
      return false;
    }
    output_.warnings = reader.errors();
    if (reader.skipped() > ToolReader::kMaxErrors) {
      output_.warnings.push_back(std::to_string(reader.skipped() - ToolReader::kMaxErrors) +
                                 " more entries skipped for the same kinds of reasons");
    }
    for (const auto& [name, count] : duplicates_) {
      output_.warnings.push_back(display + ": tool \"" + name + "\" is listed " +
                                 std::to_string(count + 1) + " times; the first is used");
    }
    if (output_.tools.empty()) {
      output_.errors.push_back(display + ": no tools to recommend a policy for" +
                               (reader.skipped() ? " (every entry was skipped)" : ""));
      return false;
    }
    if (reader.skipped() > 0) output_.exit_code = 1;
    return true;
  }

  const CatalogServer* server() const { return server_; }

 private:
  void Infer(const ToolBatch& batch) {
    std::vector<std::string_view> names;
    for (const ToolInfo& t : batch.tools) names.push_back(t.name);
    if (std::optional<ServerMatch> match = catalog_.Infer(names)) server_ = match->server;
  }

  void Add(const ToolInfo& tool) {
    if (!seen_.emplace(tool.name).second) {
      ++duplicates_[std::string(tool.name)];
      return;
    }
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
  std::set<std::string, std::less<>> seen_;
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
std::string OutputConflict(const RecommendRequest& request) {
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
    ConfigResolver resolver(std::move(settings));
    const Config* config = resolver.For("-");
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
  if (std::string conflict = OutputConflict(request); !conflict.empty()) return fail(conflict);
  if (request.server.empty() && request.tools_path.empty()) {
    return fail(
        "nothing to recommend for: give --server SERVER or --tools FILE (- for standard input)");
  }
  Settings settings;
  if (!ReadSettings(request, settings, output.errors)) return fail("");
  output.tier = settings.tier;

  std::unique_ptr<Catalog> holder;
  const Catalog* catalog = OpenCatalog(request.catalog_dirs, holder, output.errors);
  if (catalog == nullptr) return fail("");
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

  std::sort(output.tools.begin(), output.tools.end(),
            [](const ToolDecision& a, const ToolDecision& b) { return a.name < b.name; });
  output.policy = FormatPolicy(output.tools);
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
