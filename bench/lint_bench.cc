// The lint stages after parsing, on generated policies of 1,000 and 100,000 tools: reading the
// policy model, choosing the server and resolving every tool, and running every policy rule; and
// a whole in-process lint (parse, schema, model, rules) of the 5-tool and 100,000-tool policies.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "bench_policies.h"
#include "mcpolicy/catalog.h"
#include "mcpolicy/config.h"
#include "mcpolicy/json.h"
#include "mcpolicy/lint.h"
#include "mcpolicy/policy.h"
#include "mcpolicy/rules.h"
#include "rules/runner.h"
#include "util/sink.h"

namespace {

using mcpolicy::json::Document;

const Document& PolicyDocument(int tools) {
  static const Document thousand = Document::Parse(mcpolicy::bench::MakePolicy(1000));
  static const Document large = Document::Parse(mcpolicy::bench::MakePolicy(100000));
  return tools <= 1000 ? thousand : large;
}

void BM_ReadPolicy(benchmark::State& state) {
  const Document& doc = PolicyDocument(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    mcpolicy::Policy policy = mcpolicy::ReadPolicy(doc);
    if (policy.tools.size() != static_cast<size_t>(state.range(0))) {
      state.SkipWithError("every generated tool should be read");
    }
    benchmark::DoNotOptimize(policy);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * state.range(0));
}
BENCHMARK(BM_ReadPolicy)->Arg(1000)->Arg(100000)->Unit(benchmark::kMicrosecond);

// Server inference over the policy's names, then a category and decision per tool.
void BM_ChooseServerAndResolve(benchmark::State& state) {
  const Document& doc = PolicyDocument(static_cast<int>(state.range(0)));
  mcpolicy::Policy policy = mcpolicy::ReadPolicy(doc);
  const mcpolicy::Config config;
  std::string error;
  for (auto _ : state) {
    mcpolicy::ServerChoice server = mcpolicy::ChooseServer(policy, "bench.json", "", config,
                                                           mcpolicy::Catalog::Bundled(), &error);
    mcpolicy::Resolution resolution =
        mcpolicy::Resolve(policy, server, mcpolicy::SharedClassifier());
    benchmark::DoNotOptimize(resolution);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * state.range(0));
}
BENCHMARK(BM_ChooseServerAndResolve)->Arg(1000)->Arg(100000)->Unit(benchmark::kMicrosecond);

// Every policy rule (resolution included, as RunPolicyRules does it).
void BM_PolicyRules(benchmark::State& state) {
  const Document& doc = PolicyDocument(static_cast<int>(state.range(0)));
  mcpolicy::Policy policy = mcpolicy::ReadPolicy(doc);
  const mcpolicy::Config config;
  std::string error;
  mcpolicy::ServerChoice server = mcpolicy::ChooseServer(policy, "bench.json", "", config,
                                                         mcpolicy::Catalog::Bundled(), &error);
  size_t findings = 0;
  for (auto _ : state) {
    std::vector<mcpolicy::Diagnostic> out;
    mcpolicy::DiagnosticSink sink("bench.json", &doc, out, mcpolicy::DefaultSeverity);
    mcpolicy::RunPolicyRules(doc, mcpolicy::HostedJsonWording(), policy, server, config, sink);
    findings = out.size();
    benchmark::DoNotOptimize(out);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * state.range(0));
  state.counters["findings"] = static_cast<double>(findings);
}
BENCHMARK(BM_PolicyRules)->Arg(1000)->Arg(100000)->Unit(benchmark::kMicrosecond);

// What `mcpolicy lint` does for one file, minus process start-up and output.
void BM_LintText(benchmark::State& state) {
  const std::string text = mcpolicy::bench::MakePolicy(static_cast<int>(state.range(0)));
  const mcpolicy::LintOptions options;
  size_t findings = 0;
  for (auto _ : state) {
    std::vector<mcpolicy::Diagnostic> out = mcpolicy::LintText("bench.json", text, options);
    findings = out.size();
    benchmark::DoNotOptimize(out);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
  state.counters["findings"] = static_cast<double>(findings);
}
BENCHMARK(BM_LintText)->Arg(5)->Arg(100000)->Unit(benchmark::kMicrosecond);

}  // namespace
