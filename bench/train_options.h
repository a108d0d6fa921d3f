// The training flags mcpolicy_train and mcpolicy_generalisation share, so the benchmark measures
// exactly what the trainer would embed.
#ifndef MCPOLICY_BENCH_TRAIN_OPTIONS_H_
#define MCPOLICY_BENCH_TRAIN_OPTIONS_H_

#include <cstdlib>
#include <string>

#include "trainer.h"

namespace mcpolicy::bench {

// Consumes argv[*i] (and its value) when it is a training flag: --epochs N, --rate X, --l2 X,
// --min-count N, --class-power X, --margin X, --overrule-raise P, --overrule-lower P. False
// otherwise.
inline bool ParseTrainOption(int argc, char** argv, int* i, TrainOptions* options) {
  const std::string arg = argv[*i];
  if (*i + 1 >= argc) return false;
  const char* value = argv[*i + 1];
  if (arg == "--epochs") {
    options->epochs = std::max(1, std::atoi(value));
  } else if (arg == "--rate") {
    options->learning_rate = std::atof(value);
  } else if (arg == "--l2") {
    options->l2 = std::atof(value);
  } else if (arg == "--min-count") {
    options->min_count = std::max(1, std::atoi(value));
  } else if (arg == "--class-power") {
    options->class_power = std::atof(value);
  } else if (arg == "--margin") {
    options->margin = static_cast<float>(std::atof(value));
  } else if (arg == "--overrule-raise") {
    options->overrule.raise = static_cast<float>(std::atof(value));
  } else if (arg == "--overrule-lower") {
    options->overrule.lower = static_cast<float>(std::atof(value));
  } else {
    return false;
  }
  ++*i;
  return true;
}

}  // namespace mcpolicy::bench

#endif  // MCPOLICY_BENCH_TRAIN_OPTIONS_H_
