#include "classify/model.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "mcpolicy/json.h"

namespace mcpolicy::classify {
namespace {

constexpr float kRulesKeepConfidence = 0.75f;  // a clear verb this sure keeps its word

std::string FormatWeight(float w) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4g", static_cast<double>(w));
  return buffer;
}

}  // namespace

std::unique_ptr<Model> Model::Make(std::vector<std::string> keys, std::vector<Weights> weights,
                                   float margin, Overrule overrule) {
  auto model = std::unique_ptr<Model>(new Model());
  model->overrule_ = overrule;
  model->keys_ = std::move(keys);
  model->weights_ = std::move(weights);
  model->margin_ = margin;
  model->Index();
  return model;
}

std::unique_ptr<Model> Model::Parse(std::string_view json, std::string* error) {
  // The project's own parser: a few times faster than a DOM of 3,000 small arrays, which matters
  // because the model is parsed at the first tool the rules cannot decide.
  const json::Document doc = json::Document::Parse(std::string(json));
  auto fail = [&](const char* message) {
    *error = message;
    return nullptr;
  };
  const json::Value root = doc.ok() ? doc.root() : json::Value();
  const json::Value version = root.is_object() ? root.Find("version") : json::Value();
  if (!version.is_number() || version.as_number() != 1)
    return fail("the classifier model must be an object with \"version\": 1");
  const json::Value classes = root.Find("classes");
  if (!classes.is_array() || classes.size() != kClasses)
    return fail("the classifier model's \"classes\" must list the six categories");
  size_t c = 0;
  for (const json::Value name : classes.elements()) {
    if (ParseCategory(name.string_or_empty()) != static_cast<Category>(c++))
      return fail("the classifier model's \"classes\" must be in Category order");
  }
  const json::Value features = root.Find("features");
  if (!features.is_object())
    return fail("the classifier model's \"features\" must be an object");
  std::vector<std::string> keys;
  std::vector<Weights> weights;
  keys.reserve(features.size());
  weights.reserve(features.size());
  for (const json::Member member : features.members()) {
    const json::Value value = member.value;
    if (!value.is_array() || value.size() != kClasses)
      return fail("each classifier model feature needs six weights");
    Weights w;
    size_t k = 0;
    for (const json::Value number : value.elements()) {
      if (!number.is_number()) return fail("classifier model weights must be numbers");
      w[k++] = static_cast<float>(number.as_number());
    }
    keys.emplace_back(member.name());
    weights.push_back(w);
  }
  const json::Value margin = root.Find("margin");
  const float m = margin.is_number() ? static_cast<float>(margin.as_number()) : 0.0f;
  Overrule overrule;
  if (const json::Value o = root.Find("overrule"); o.is_object()) {
    const json::Value raise = o.Find("raise"), lower = o.Find("lower");
    if (!raise.is_number() || !lower.is_number())
      return fail("the classifier model's \"overrule\" needs numbers \"raise\" and \"lower\"");
    overrule.raise = std::clamp(static_cast<float>(raise.as_number()), 0.0f, 1.0f);
    overrule.lower = std::clamp(static_cast<float>(lower.as_number()), 0.0f, 1.0f);
  }
  return Make(std::move(keys), std::move(weights), std::clamp(m, 0.0f, 1.0f), overrule);
}

void Model::Index() {
  size_t size = 16;
  while (size < keys_.size() * 2) size *= 2;
  slots_.assign(size, {0, -1});
  for (size_t i = 0; i < keys_.size(); ++i) {
    const uint64_t h = HashWord(keys_[i]);
    for (size_t s = h & (size - 1);; s = (s + 1) & (size - 1)) {
      if (slots_[s].second < 0) {
        slots_[s] = {h, static_cast<int32_t>(i)};
        break;
      }
    }
  }
}

int32_t Model::Find(std::string_view key) const {
  const uint64_t h = HashWord(key);
  const size_t mask = slots_.size() - 1;
  for (size_t s = h & mask;; s = (s + 1) & mask) {
    const auto& slot = slots_[s];
    if (slot.second < 0) return -1;
    if (slot.first == h && keys_[slot.second] == key) return slot.second;
  }
}

void Model::Score(const FeatureBuffer& features, Scores* out) const {
  std::array<float, kClasses> z{};
  std::array<int32_t, kMaxFeatures> found;
  size_t n = 0;
  for (size_t i = 0; i < features.count; ++i) {
    const int32_t k = Find(features.at(i));
    if (k < 0) continue;
    found[n++] = k;
    for (size_t c = 0; c < kClasses; ++c) z[c] += weights_[k][c];
  }
  // "other" is a label for tools that fit nowhere, too rare to learn; the model never answers it.
  constexpr size_t kOther = static_cast<size_t>(Category::kOther);
  const float top = *std::max_element(z.begin(), z.begin() + kOther);
  float sum = 0;
  for (size_t c = 0; c < kOther; ++c) sum += out->probability[c] = std::exp(z[c] - top);
  out->probability[kOther] = 0;
  size_t best = 0;
  for (size_t c = 0; c < kClasses; ++c) {
    out->probability[c] /= sum;
    if (out->probability[c] > out->probability[best]) best = c;
  }
  if (margin_ > 0) {
    // The most dangerous class nearly as probable as the best is preferred.
    const float bar = margin_ * out->probability[best];
    size_t pick = best;
    for (size_t c = 0; c < kClasses; ++c) {
      const int rank = DangerRank(static_cast<Category>(c));
      const int pick_rank = DangerRank(static_cast<Category>(pick));
      if (out->probability[c] >= bar &&
          (rank > pick_rank ||
           (rank == pick_rank && out->probability[c] > out->probability[pick]))) {
        pick = c;
      }
    }
    best = pick;
  }
  out->best = static_cast<Category>(best);
  out->top = {-1, -1, -1};
  std::array<float, 3> strength = {0, 0, 0};
  for (size_t j = 0; j < n; ++j) {
    const Weights& w = weights_[found[j]];
    float others = 0;
    for (size_t c = 0; c < kClasses; ++c) others += c == best ? 0 : w[c];
    const float s = w[best] - others / (kClasses - 1);
    if (keys_[found[j]] == "b:bias" || s <= strength[2]) continue;
    size_t at = 2;
    while (at > 0 && s > strength[at - 1]) {
      strength[at] = strength[at - 1];
      out->top[at] = out->top[at - 1];
      --at;
    }
    strength[at] = s;
    out->top[at] = found[j];
  }
}

std::string Model::ToJson(std::string_view about) const {
  std::string out = "{\n  \"version\": 1,\n  \"_about\": ";
  out += nlohmann::json(std::string(about)).dump();
  out += ",\n  \"classes\": [\"read\", \"write\", \"execute\", \"destructive\", \"financial\", \"other\"],\n";
  out += "  \"margin\": " + FormatWeight(margin_) + ",\n";
  if (overrule_.raise > 0 || overrule_.lower > 0) {
    out += "  \"overrule\": {\"raise\": " + FormatWeight(overrule_.raise) +
           ", \"lower\": " + FormatWeight(overrule_.lower) + "},\n";
  }
  out += "  \"features\": {";
  std::vector<size_t> order(keys_.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return keys_[a] < keys_[b]; });
  bool first = true;
  for (size_t i : order) {
    out += first ? "\n    " : ",\n    ";
    first = false;
    out += nlohmann::json(keys_[i]).dump();
    out += ": [";
    for (size_t c = 0; c < kClasses; ++c) out += (c ? ", " : "") + FormatWeight(weights_[i][c]);
    out += "]";
  }
  out += "\n  }\n}\n";
  return out;
}

bool RulesSure(const HeuristicView& view) {
  return view.basis == Basis::kClear && view.confidence >= kRulesKeepConfidence;
}

const Model* LazyModel::Get() const {
  std::call_once(once_, [this] {
    std::string error;
    if (!json_.empty()) model_ = Model::Parse(json_, &error);
  });
  return model_.get();
}

bool ApplyModel(const Model& model, const Lexicon& lexicon, const ToolInfo& tool,
                const HeuristicView& view, bool not_read, bool rules_sure, Category* category,
                float* confidence, EvidenceWriter* evidence) {
  FeatureBuffer features;
  ExtractFeatures(lexicon, tool, view, &features);
  Model::Scores scores;
  model.Score(features, &scores);
  // A sure clear verb is overruled only by the model's own first choice, never by a runner-up
  // promoted because the hints rule read out.
  if (rules_sure && not_read && scores.best == Category::kRead) return false;
  if (not_read && scores.best == Category::kRead) {
    // The best of the rest, as a share of what is left.
    const float rest = 1 - scores.probability[0];
    scores.probability[0] = 0;
    size_t best = 1;
    for (size_t c = 1; c < kClasses; ++c) {
      if (rest > 0) scores.probability[c] /= rest;
      if (scores.probability[c] > scores.probability[best]) best = c;
    }
    scores.best = static_cast<Category>(best);
  }
  const float p = scores.probability[static_cast<size_t>(scores.best)];
  if (rules_sure) {
    // A clear verb keeps its word unless the model is confident enough to overrule it; raising
    // a tool's danger needs less confidence than lowering it.
    if (scores.best == *category) return false;
    const float bar = DangerRank(scores.best) > DangerRank(*category) ? model.overrule().raise
                                                                       : model.overrule().lower;
    if (bar <= 0 || p < bar) return false;
  }
  char percent[8];
  std::snprintf(percent, sizeof percent, "%.2f", static_cast<double>(p));
  std::string why;
  for (int32_t k : scores.top) {
    if (k < 0) break;
    why += (why.empty() ? "" : ", ") + DescribeFeature(model.keys()[k]);
  }
  if ((view.basis == Basis::kMultiplexer || view.basis == Basis::kAmbiguous) &&
      DangerRank(scores.best) < DangerRank(*category)) {
    // The rules chose the worst plausible reading on purpose; the model may not talk it down.
    return false;
  }
  const bool changed = scores.best != *category;
  *category = scores.best;
  *confidence = p;
  evidence->Add({"learned model: ", CategoryName(scores.best), " (", percent, ")",
                 why.empty() ? "" : " from ", why,
                 not_read     ? ", read being ruled out by the hints"
                 : rules_sure ? ", overruling the rules"
                 : changed    ? ""
                              : ", agreeing with the rules"});
  evidence->MoveLastToFront();
  return rules_sure;
}

}  // namespace mcpolicy::classify
