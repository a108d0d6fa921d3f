// Trains the classifier's learned model (lib/src/classify/model.h): multinomial logistic
// regression with L2 regularisation by AdaGrad over the named features of
// lib/src/classify/features.h. Deterministic: the same corpus and options give the same weights.
// Used by mcpolicy_train (the embedded model) and by mcpolicy_generalisation (one model per fold).
#ifndef MCPOLICY_BENCH_TRAINER_H_
#define MCPOLICY_BENCH_TRAINER_H_

#include <memory>
#include <string>
#include <vector>

#include "classify/model.h"
#include "corpus.h"

namespace mcpolicy::bench {

struct TrainOptions {
  int epochs = 40;
  double learning_rate = 0.2;
  double l2 = 1e-3;        // per update, on the weights the example touches
  int min_count = 2;       // features seen on fewer tools are dropped
  double class_power = 0.5;  // examples weighted by (mean class size / class size)^power
  float margin = 0;
  classify::Overrule overrule = {0.6f, 0.9f};  // see classify::Overrule
};

// Trains on `tools` (each twice: by name alone and with everything the corpus holds), using the
// rules of `lexicon` for the features.
std::unique_ptr<classify::Model> Train(const classify::Lexicon& lexicon,
                                       const std::vector<const LabelledTool*>& tools,
                                       const TrainOptions& options);

}  // namespace mcpolicy::bench

#endif  // MCPOLICY_BENCH_TRAINER_H_
