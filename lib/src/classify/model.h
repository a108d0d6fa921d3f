// The learned part of the classifier: a multinomial logistic regression over the named features
// of classify/features.h, trained by bench/train.cc on the catalog's labelled tools and embedded
// as catalog/classifier-model.json. Immutable once parsed; shared freely between threads.
#ifndef MCPOLICY_CLASSIFY_MODEL_H_
#define MCPOLICY_CLASSIFY_MODEL_H_

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "classify/evidence.h"
#include "classify/features.h"
#include "classify/lexicon.h"
#include "mcpolicy/classify.h"

namespace mcpolicy::classify {

inline constexpr size_t kClasses = 6;  // Category values, read .. other
using Weights = std::array<float, kClasses>;

// When the model may overrule a clear verb the rules are sure of, for a tool that shows more than
// its name (a description, arguments, operations or hints): the probability its answer needs when
// that answer is more dangerous (`raise`) and when it is less or as dangerous (`lower`). 0: never.
struct Overrule {
  float raise = 0;
  float lower = 0;
};

class Model {
 public:
  // Parses the model file; null with *error set (one sentence) when it is not one.
  static std::unique_ptr<Model> Parse(std::string_view json, std::string* error);
  // A model from weights in memory (the trainer's), keys and weights index-aligned.
  static std::unique_ptr<Model> Make(std::vector<std::string> keys, std::vector<Weights> weights,
                                     float margin, Overrule overrule = {});

  struct Scores {
    std::array<float, kClasses> probability{};
    Category best = Category::kOther;
    // The present features pushing hardest towards `best`, strongest first (indices into
    // keys()); -1 where there are fewer.
    std::array<int32_t, 3> top = {-1, -1, -1};
  };
  void Score(const FeatureBuffer& features, Scores* out) const;

  const std::vector<std::string>& keys() const { return keys_; }
  const std::vector<Weights>& weights() const { return weights_; }
  // A more dangerous class is chosen over the most probable one when its probability is within
  // this factor of the best (0: plain argmax); trades accuracy for fewer under-rated tools.
  float margin() const { return margin_; }
  const Overrule& overrule() const { return overrule_; }

  // The model file's text (what bench/train.cc writes).
  std::string ToJson(std::string_view about) const;

 private:
  int32_t Find(std::string_view key) const;
  void Index();

  std::vector<std::string> keys_;
  std::vector<Weights> weights_;
  std::vector<std::pair<uint64_t, int32_t>> slots_;  // open addressing, power-of-two size
  float margin_ = 0;
  Overrule overrule_;
};

// The rules' reading of `tool` (lib/src/classify/classifier.cc).
void RunRules(const Lexicon& lex, const ToolInfo& tool, Words* name_words, HeuristicView* view,
              EvidenceWriter* evidence);
// The features the model sees for `tool` (runs the rules first).
void ToolFeatures(const Lexicon& lexicon, const ToolInfo& tool, FeatureBuffer* out);
// The rules are sure (a clear verb, confidence at least 0.75): the model decides only through
// Model::overrule(), and only for a tool that shows more than its name.
bool RulesSure(const HeuristicView& view);
// Lets the model decide where the rules are not sure: updates the category and confidence and
// puts its evidence phrase first. It never lowers a multiplexer's or an input-dependent verb's
// worst plausible reading.
// `not_read`: the tool's hints rule out read (readOnlyHint=false, or destructiveHint=true), so
// the model picks among the other categories.
// `rules_sure`: the rules were sure; the model's answer replaces theirs only when it differs and
// its probability reaches the model's overrule threshold for that direction. True when it did.
bool ApplyModel(const Model& model, const Lexicon& lexicon, const ToolInfo& tool,
                const HeuristicView& view, bool not_read, bool rules_sure, Category* category,
                float* confidence, EvidenceWriter* evidence);

// The embedded model, parsed on first use: a lint run whose tools all have clear verbs or are
// catalogued never pays for it.
class LazyModel {
 public:
  explicit LazyModel(std::string_view json) : json_(json) {}
  // Null when the text is empty or not a model.
  const Model* Get() const;

 private:
  std::string_view json_;  // static storage (the embedded file)
  mutable std::once_flag once_;
  mutable std::unique_ptr<Model> model_;
};

}  // namespace mcpolicy::classify

#endif  // MCPOLICY_CLASSIFY_MODEL_H_
