// mcpolicy_accuracy: measures the heuristic classifier (no catalog) against
// hand-labelled tools.
//
//   mcpolicy_accuracy [--lexicon FILE] [--errors] [--mode names|full|both]
//   PATH...
//
// PATH is a JSONL file or a directory of *.jsonl files; each line is one tool:
//   {"tool": NAME, "description": TEXT, "readOnlyHint": BOOL|null,
//   "destructiveHint": ...,
//    "idempotentHint": ..., "openWorldHint": ..., "label": CATEGORY, "server":
//    ID}
// Two modes: `names` classifies from the name alone; `full` adds the
// description and the hints. For each mode it prints the confusion matrix,
// per-class precision and recall, the accuracy and the share of tools rated
// less dangerous than their label (Severity order: read = other < write <
// execute < destructive = financial). --errors lists every misclassified tool.
#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "mcpolicy/classify.h"

namespace {

using mcpolicy::Category;

constexpr int kCategories = 6;

struct Labelled {
  std::string server, name, description;
  mcpolicy::ToolHints hints;
  Category label;
};

std::optional<bool> OptionalBool(const nlohmann::json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end() || !it->is_boolean()) return std::nullopt;
  return it->get<bool>();
}

bool LoadFile(const std::filesystem::path& path, std::vector<Labelled>* out) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << path.string() << ": cannot open\n";
    return false;
  }
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const auto j = nlohmann::json::parse(line, nullptr, false);
    const auto label = j.is_object()
                           ? mcpolicy::ParseCategory(j.value("label", ""))
                           : std::nullopt;
    if (!label) {
      std::cerr << path.string() << ":" << line_no << ": not a labelled tool\n";
      return false;
    }
    Labelled t;
    t.server = j.value("server", "");
    t.name = j.value("tool", "");
    t.description = j.value("description", nlohmann::json()).is_string()
                        ? j["description"].get<std::string>()
                        : "";
    t.hints.read_only = OptionalBool(j, "readOnlyHint");
    t.hints.destructive = OptionalBool(j, "destructiveHint");
    t.hints.idempotent = OptionalBool(j, "idempotentHint");
    t.hints.open_world = OptionalBool(j, "openWorldHint");
    t.label = *label;
    out->push_back(std::move(t));
  }
  return true;
}

bool Load(const std::string& arg, std::vector<Labelled>* out) {
  const std::filesystem::path path(arg);
  if (!std::filesystem::is_directory(path)) return LoadFile(path, out);
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(path)) {
    if (entry.path().extension() == ".jsonl") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    if (!LoadFile(f, out)) return false;
  }
  return true;
}

void Report(const char* mode, const std::vector<Labelled>& tools,
            const mcpolicy::Classifier& classifier, bool full,
            bool list_errors) {
  std::array<std::array<int, kCategories>, kCategories>
      matrix{};  // [label][predicted]
  int correct = 0, under = 0;
  std::vector<std::string> errors;
  mcpolicy::Classification c;
  for (const Labelled& t : tools) {
    mcpolicy::ToolInfo info;
    info.name = t.name;
    if (full) {
      info.description = t.description;
      info.hints = t.hints;
    }
    classifier.Classify(info, &c);
    ++matrix[static_cast<int>(t.label)][static_cast<int>(c.category)];
    if (c.category == t.label) {
      ++correct;
      continue;
    }
    const bool is_under =
        mcpolicy::DangerRank(c.category) < mcpolicy::DangerRank(t.label);
    under += is_under;
    if (list_errors) {
      std::ostringstream line;
      line << (is_under ? "UNDER " : "over  ")
           << mcpolicy::CategoryName(t.label) << " -> "
           << mcpolicy::CategoryName(c.category) << "  " << t.server << " "
           << t.name << "  [" << c.confidence << "]";
      for (const std::string& e : c.evidence) line << " | " << e;
      errors.push_back(line.str());
    }
  }
  const double n = static_cast<double>(tools.size());
  std::printf("== %s: %zu tools\n", mode, tools.size());
  std::printf("%-12s", "label\\pred");
  for (int p = 0; p < kCategories; ++p) {
    std::printf("%12.*s", 11,
                mcpolicy::CategoryName(static_cast<Category>(p)).data());
  }
  std::printf("%10s%10s%10s\n", "n", "precision", "recall");
  for (int l = 0; l < kCategories; ++l) {
    int row = 0, column = 0;
    for (int k = 0; k < kCategories; ++k) {
      row += matrix[l][k];
      column += matrix[k][l];
    }
    std::printf("%-12s",
                mcpolicy::CategoryName(static_cast<Category>(l)).data());
    for (int p = 0; p < kCategories; ++p) std::printf("%12d", matrix[l][p]);
    const double precision = column ? 100.0 * matrix[l][l] / column : 0;
    const double recall = row ? 100.0 * matrix[l][l] / row : 0;
    std::printf("%10d%9.1f%%%9.1f%%\n", row, precision, recall);
  }
  std::printf("accuracy %.2f%% (%d/%zu)   under-rated %.2f%% (%d)\n\n",
              100.0 * correct / n, correct, tools.size(), 100.0 * under / n,
              under);
  for (const std::string& e : errors) std::printf("%s\n", e.c_str());
  if (!errors.empty()) std::printf("\n");
}

}  // namespace

int main(int argc, char** argv) {
  std::string lexicon_path, mode = "both";
  bool list_errors = false;
  std::vector<std::string> inputs;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--lexicon" && i + 1 < argc) {
      lexicon_path = argv[++i];
    } else if (arg == "--mode" && i + 1 < argc) {
      mode = argv[++i];
    } else if (arg == "--errors") {
      list_errors = true;
    } else if (arg == "--help" || arg == "-h" || arg.rfind("--", 0) == 0) {
      std::cerr << "usage: mcpolicy_accuracy [--lexicon FILE] [--errors] "
                   "[--mode names|full|both] PATH...\n";
      return arg.rfind("--h", 0) == 0 || arg == "-h" ? 0 : 2;
    } else {
      inputs.push_back(arg);
    }
  }
  if (inputs.empty()) {
    std::cerr << "mcpolicy_accuracy: no input (a .jsonl file or a directory of "
                 "them)\n";
    return 2;
  }
  std::vector<Labelled> tools;
  for (const std::string& in : inputs) {
    if (!Load(in, &tools)) return 2;
  }
  std::string lexicon_json;
  if (!lexicon_path.empty()) {
    std::ifstream in(lexicon_path);
    std::stringstream ss;
    ss << in.rdbuf();
    lexicon_json = ss.str();
  }
  const mcpolicy::Classifier classifier =
      lexicon_path.empty() ? mcpolicy::Classifier()
                           : mcpolicy::Classifier(lexicon_json);
  if (!classifier.ok()) {
    std::cerr << "mcpolicy_accuracy: " << classifier.error() << "\n";
    return 2;
  }
  if (mode == "names" || mode == "both") {
    Report("names only", tools, classifier, /*full=*/false, list_errors);
  }
  if (mode == "full" || mode == "both") {
    Report("names + descriptions + hints", tools, classifier, /*full=*/true,
           list_errors);
  }
  return 0;
}
