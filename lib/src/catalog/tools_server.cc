// ServerFromTools and the heuristic catalog entry of one uncatalogued tool.
#include "catalog/tools_server.h"

#include <algorithm>
#include <map>
#include <set>

#include "catalog/tool_input.h"
#include "classify/analyzer.h"
#include "classify/lexicon.h"

namespace mcpolicy {
namespace {

constexpr size_t kBatch = 1 << 16;
constexpr size_t kSummaryBytes = 160;

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// The description's first sentence (up to ". " or a line break), trimmed, without its full stop,
// cut at a character boundary to about kSummaryBytes.
std::string FirstSentence(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  size_t start = text.find_first_not_of(kSpace);
  if (start == std::string_view::npos) return "";
  text.remove_prefix(start);
  size_t end = std::min({text.find(". "), text.find(".\n"), text.find('\n'), text.size()});
  text = text.substr(0, end);
  while (!text.empty() && (kSpace.find(text.back()) != std::string_view::npos ||
                           text.back() == '.')) {
    text.remove_suffix(1);
  }
  if (text.size() <= kSummaryBytes) return std::string(text);
  size_t cut = kSummaryBytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "...";
}

}  // namespace

std::optional<std::pair<std::string, ToolOperations>> OperationsOf(const Classifier& classifier,
                                                                   const ToolInfo& tool) {
  const classify::Lexicon* lexicon = classifier.lexicon();
  if (!lexicon) return std::nullopt;
  const std::vector<std::string>& selectors = lexicon->selector_properties();
  for (const EnumProperty& e : tool.enums) {
    if (e.values.size() < 2 ||
        std::none_of(selectors.begin(), selectors.end(),
                     [&](const std::string& s) { return EqualsIgnoreCase(s, e.name); })) {
      continue;
    }
    ToolOperations operations;
    for (std::string_view value : e.values) {
      std::optional<Category> c = classify::OperationCategory(*lexicon, value);
      if (!c) break;  // one value of unknown effect: the tool is judged as a whole instead
      operations.emplace_back(std::string(value), *c);
    }
    if (operations.size() == e.values.size()) {
      return std::make_pair(std::string(e.name), std::move(operations));
    }
  }
  return std::nullopt;
}

CatalogTool HeuristicCatalogTool(const Classifier& classifier, const ToolInfo& tool) {
  CatalogTool out;
  out.name = std::string(tool.name);
  out.summary = FirstSentence(tool.description);
  out.hints = tool.hints;
  if (auto ops = OperationsOf(classifier, tool)) {
    out.operation_argument = std::move(ops->first);
    out.operations = std::move(ops->second);
    out.category = out.operations.front().second;
    for (const auto& [value, category] : out.operations) {
      if (CategoryRank(category) > CategoryRank(out.category)) out.category = category;
    }
    return out;
  }
  Classification full = classifier.Classify(tool);
  out.category = full.category;
  out.uncertain = full.uncertain;
  ToolInfo name_only;
  name_only.name = tool.name;
  Classification by_name = classifier.Classify(name_only);
  if (DangerRank(by_name.category) > DangerRank(out.category)) {
    out.category = by_name.category;
    out.uncertain = out.uncertain || by_name.uncertain;
  }
  return out;
}

ToolsServerResult ServerFromTools(const ToolsServerRequest& request) {
  ToolsServerResult result;
  std::string display = request.display.empty()
                            ? (request.path == "-" ? std::string("<stdin>") : request.path)
                            : request.display;
  Classifier classifier;
  if (!classifier.ok()) {
    result.errors.push_back("internal error: the embedded lexicon is unusable: " +
                            classifier.error());
    return result;
  }
  auto server = std::make_unique<CatalogServer>();
  server->id = "tools from " + display;
  server->name = display;
  server->origin = display;
  result.known = request.known;
  classify_command::ToolReader reader(request.path, display, request.max_bytes);
  classify_command::ToolBatch batch;
  std::set<std::string, std::less<>> seen;
  std::map<std::string, size_t> duplicates;
  bool first = true;
  while (reader.Next(kBatch, batch)) {
    if (first && !result.known && request.catalog) {
      std::vector<std::string_view> names;
      for (const ToolInfo& t : batch.tools) names.push_back(t.name);
      if (std::optional<ServerMatch> match = request.catalog->Infer(names)) {
        result.known = match->server;
      }
    }
    first = false;
    for (const ToolInfo& tool : batch.tools) {
      if (!seen.emplace(tool.name).second) {
        ++duplicates[std::string(tool.name)];
        continue;
      }
      const CatalogTool* entry = result.known ? result.known->FindTool(tool.name) : nullptr;
      server->tools.push_back(entry ? *entry : HeuristicCatalogTool(classifier, tool));
    }
  }
  if (reader.failed() || reader.skipped() > 0) {
    // A dump read in part would make the tools it lost look unknown: nothing is judged by it.
    result.errors = reader.errors();
    constexpr size_t kShown = classify_command::ToolReader::kMaxErrors;
    if (reader.skipped() > kShown) {
      result.errors.push_back(std::to_string(reader.skipped() - kShown) +
                              " more entries skipped for the same kinds of reasons");
    }
    return result;
  }
  if (server->tools.empty()) {
    result.errors.push_back(display + ": no tools in the dump");
    return result;
  }
  for (const auto& [name, count] : duplicates) {
    result.warnings.push_back(display + ": tool \"" + name + "\" is listed " +
                              std::to_string(count + 1) + " times; the first is used");
  }
  server->index_.resize(server->tools.size());
  for (uint32_t i = 0; i < server->index_.size(); ++i) server->index_[i] = i;
  std::sort(server->index_.begin(), server->index_.end(), [&](uint32_t a, uint32_t b) {
    return server->tools[a].name < server->tools[b].name;
  });
  result.server = std::move(server);
  return result;
}

}  // namespace mcpolicy
