// mcpolicy_train: trains the classifier's learned model on every labelled tool of the catalog and
// writes the model file the build embeds.
//
//   mcpolicy_train [training options] [--lexicon FILE] [-o FILE] [CATALOG_DIR]
//
// CATALOG_DIR defaults to catalog/servers and FILE to catalog/classifier-model.json. The features
// come from the rules of the lexicon (the embedded one, or --lexicon FILE), so retrain whenever the
// lexicon or the catalog changes. Deterministic: the same inputs give the same file. Measure a
// setting with mcpolicy_generalisation (same flags) before adopting it.
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "corpus.h"
#include "mcpolicy/classify.h"
#include "mcpolicy/embedded.h"
#include "train_options.h"
#include "trainer.h"

int main(int argc, char** argv) {
  std::string dir = "catalog/servers", output = "catalog/classifier-model.json", lexicon_path;
  mcpolicy::bench::TrainOptions options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (mcpolicy::bench::ParseTrainOption(argc, argv, &i, &options)) continue;
    if (arg == "-o" && i + 1 < argc) {
      output = argv[++i];
    } else if (arg == "--lexicon" && i + 1 < argc) {
      lexicon_path = argv[++i];
    } else if (arg.rfind("-", 0) == 0) {
      std::cerr << "usage: mcpolicy_train [--epochs N] [--rate X] [--l2 X] [--min-count N] "
                   "[--class-power X] [--margin X] [--overrule-raise P] [--overrule-lower P] "
                   "[--lexicon FILE] "
                   "[-o FILE] [CATALOG_DIR]\n";
      return arg == "-h" || arg == "--help" ? 0 : 2;
    } else {
      dir = arg;
    }
  }
  std::string lexicon_json(mcpolicy::embedded::Find("catalog/lexicon.json"));
  if (!lexicon_path.empty()) {
    std::ifstream in(lexicon_path);
    std::stringstream ss;
    ss << in.rdbuf();
    lexicon_json = ss.str();
  }
  const mcpolicy::Classifier rules(lexicon_json);
  if (!rules.ok()) {
    std::cerr << "mcpolicy_train: " << rules.error() << "\n";
    return 2;
  }
  std::vector<mcpolicy::bench::LabelledTool> tools;
  std::string error;
  if (!mcpolicy::bench::LoadCatalogCorpus(dir, &tools, &error)) {
    std::cerr << "mcpolicy_train: " << error << "\n";
    return 2;
  }
  int groups = 0;
  mcpolicy::bench::GroupsByRepository(tools, &groups);
  std::vector<const mcpolicy::bench::LabelledTool*> all;
  for (const auto& t : tools) all.push_back(&t);
  const auto model = mcpolicy::bench::Train(*rules.lexicon(), all, options);
  std::ostringstream about;
  about << "Learned weights of the classifier (docs/classifier.md), written by mcpolicy_train from "
        << tools.size() << " labelled tools of " << groups
        << " repositories in the catalog; features named as in lib/src/classify/features.h. "
           "Regenerate, do not edit.";
  const std::string text = model->ToJson(about.str());
  const std::string temp = output + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary);
    out << text;
    if (!out) {
      std::cerr << "mcpolicy_train: cannot write " << temp << "\n";
      return 2;
    }
  }
  if (std::rename(temp.c_str(), output.c_str()) != 0) {
    std::cerr << "mcpolicy_train: cannot replace " << output << "\n";
    return 2;
  }
  std::cerr << "mcpolicy_train: " << model->keys().size() << " features from " << tools.size()
            << " tools of " << groups << " repositories written to " << output << "\n";
  return 0;
}
