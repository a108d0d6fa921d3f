#include "trainer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <random>
#include <unordered_map>

namespace mcpolicy::bench {
namespace {

using classify::kClasses;

struct Example {
  std::vector<int32_t> features;  // ids, deduplicated
  int label = 0;
  double weight = 1;
};

}  // namespace

std::unique_ptr<classify::Model> Train(const classify::Lexicon& lexicon,
                                       const std::vector<const LabelledTool*>& tools,
                                       const TrainOptions& options) {
  std::unordered_map<std::string, int32_t> ids;
  std::vector<std::string> keys;
  std::vector<int> tool_count;  // tools whose examples carry the feature
  std::vector<Example> examples;
  examples.reserve(tools.size() * 2);
  classify::FeatureBuffer buffer;
  for (const LabelledTool* tool : tools) {
    if (tool->label == Category::kOther) continue;  // too rare to learn; the model never answers it
    std::vector<int32_t> seen_in_tool;
    for (const bool full : {false, true}) {
      const ToolInfo info = tool->Info(full);
      classify::ToolFeatures(lexicon, info, &buffer);
      Example e;
      e.label = static_cast<int>(tool->label);
      for (size_t i = 0; i < buffer.count; ++i) {
        const std::string key(buffer.at(i));
        auto [it, inserted] = ids.emplace(key, static_cast<int32_t>(keys.size()));
        if (inserted) {
          keys.push_back(key);
          tool_count.push_back(0);
        }
        e.features.push_back(it->second);
      }
      std::sort(e.features.begin(), e.features.end());
      e.features.erase(std::unique(e.features.begin(), e.features.end()), e.features.end());
      for (int32_t f : e.features) seen_in_tool.push_back(f);
      examples.push_back(std::move(e));
    }
    std::sort(seen_in_tool.begin(), seen_in_tool.end());
    seen_in_tool.erase(std::unique(seen_in_tool.begin(), seen_in_tool.end()), seen_in_tool.end());
    for (int32_t f : seen_in_tool) ++tool_count[f];
  }
  // Rare features are noise the model would memorise.
  for (Example& e : examples) {
    std::erase_if(e.features, [&](int32_t f) {
      return tool_count[f] < options.min_count && keys[f] != "b:bias";
    });
  }
  std::array<double, kClasses> class_size{};
  for (const Example& e : examples) class_size[e.label] += 1;
  double present = 0, classes = 0;
  for (double n : class_size) {
    present += n;
    classes += n > 0;
  }
  for (Example& e : examples) {
    e.weight = std::pow(present / classes / class_size[e.label], options.class_power);
  }

  std::vector<classify::Weights> w(keys.size(), classify::Weights{});
  std::vector<classify::Weights> g2(keys.size(), classify::Weights{});
  std::vector<size_t> order(examples.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 random(20261203);
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) {  // Fisher-Yates, the same on every platform
      std::swap(order[i - 1], order[random() % i]);
    }
    for (size_t index : order) {
      const Example& e = examples[index];
      std::array<double, kClasses> z{};
      for (int32_t f : e.features) {
        for (size_t c = 0; c < kClasses; ++c) z[c] += w[f][c];
      }
      const double top = *std::max_element(z.begin(), z.end());
      double sum = 0;
      for (double& v : z) sum += v = std::exp(v - top);
      for (int32_t f : e.features) {
        for (size_t c = 0; c < kClasses; ++c) {
          const double p = z[c] / sum;
          const double grad =
              e.weight * (p - (static_cast<int>(c) == e.label ? 1.0 : 0.0)) + options.l2 * w[f][c];
          g2[f][c] += static_cast<float>(grad * grad);
          w[f][c] -= static_cast<float>(options.learning_rate * grad / std::sqrt(g2[f][c] + 1e-8));
        }
      }
    }
  }
  std::vector<std::string> kept_keys;
  std::vector<classify::Weights> kept;
  for (size_t f = 0; f < keys.size(); ++f) {
    if (tool_count[f] < options.min_count && keys[f] != "b:bias") continue;
    kept_keys.push_back(keys[f]);
    kept.push_back(w[f]);
  }
  return classify::Model::Make(std::move(kept_keys), std::move(kept), options.margin,
                               options.overrule);
}

}  // namespace mcpolicy::bench
