// The JSON parser and position lookups on generated policies of 5, 1,000 and 100,000 tools (0.8 KB,
// 110 KB, 11 MB). Documents are built in memory; Parse takes its input by value, so each iteration
// copies the text first (outside the timing).
#include <benchmark/benchmark.h>

#include <string>

#include "bench_policies.h"
#include "mcpolicy/json.h"

namespace {

using mcpolicy::json::Document;

const std::string& PolicyText(int tools) {
  static const std::string small = mcpolicy::bench::MakePolicy(5);
  static const std::string thousand = mcpolicy::bench::MakePolicy(1000);
  static const std::string large = mcpolicy::bench::MakePolicy(100000);
  return tools <= 5 ? small : tools <= 1000 ? thousand : large;
}

void BM_Parse(benchmark::State& state) {
  const std::string& text = PolicyText(static_cast<int>(state.range(0)));
  size_t nodes = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::string copy = text;
    state.ResumeTiming();
    Document doc = Document::Parse(std::move(copy));
    nodes = doc.nodes().size();
    benchmark::DoNotOptimize(doc);
    if (!doc.ok()) state.SkipWithError("the generated policy should parse");
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
  state.counters["nodes"] = static_cast<double>(nodes);
  state.counters["tape_bytes_per_input_byte"] =
      static_cast<double>(nodes * sizeof(mcpolicy::json::Node)) / static_cast<double>(text.size());
}
BENCHMARK(BM_Parse)->Arg(5)->Arg(1000)->Arg(100000)->Unit(benchmark::kMicrosecond);

// Line and column of every node (what each finding's position costs).
void BM_LocateEveryNode(benchmark::State& state) {
  Document doc = Document::Parse(PolicyText(static_cast<int>(state.range(0))));
  if (!doc.ok()) {
    state.SkipWithError("the generated policy should parse");
    return;
  }
  for (auto _ : state) {
    uint64_t sum = 0;
    for (const mcpolicy::json::Node& n : doc.nodes()) sum += doc.Locate(n.offset()).column;
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(doc.nodes().size()));
}
BENCHMARK(BM_LocateEveryNode)->Arg(5)->Arg(1000)->Arg(100000)->Unit(benchmark::kMicrosecond);

// Columns on a minified (one-line) 100,000-tool policy, where Locate uses its code-point marks.
void BM_LocateMinified(benchmark::State& state) {
  std::string text = PolicyText(100000);
  std::string minified;
  minified.reserve(text.size());
  for (char c : text) {
    if (c != '\n') minified.push_back(c);
  }
  Document doc = Document::Parse(std::move(minified));
  if (!doc.ok()) {
    state.SkipWithError("the generated policy should parse");
    return;
  }
  for (auto _ : state) {
    uint64_t sum = 0;
    for (uint32_t i = 0; i < doc.nodes().size(); i += 13) sum += doc.Locate(doc.nodes()[i].offset()).column;
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(doc.nodes().size() / 13));
}
BENCHMARK(BM_LocateMinified)->Unit(benchmark::kMillisecond);

// End offset and JSON pointer of every tool key (what a finding's range and pointer cost).
void BM_EndOffsetAndPointer(benchmark::State& state) {
  Document doc = Document::Parse(PolicyText(static_cast<int>(state.range(0))));
  mcpolicy::json::Value tools = doc.root().Find("tools");
  if (!tools.is_object()) {
    state.SkipWithError("the generated policy should have tools");
    return;
  }
  for (auto _ : state) {
    size_t sum = 0;
    for (mcpolicy::json::Member m : tools.members()) {
      sum += doc.EndOffset(m.value.index()) + doc.PointerOf(m.key.index()).size();
    }
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * tools.size());
}
BENCHMARK(BM_EndOffsetAndPointer)->Arg(1000)->Arg(100000)->Unit(benchmark::kMicrosecond);

}  // namespace
