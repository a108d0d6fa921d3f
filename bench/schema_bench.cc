// Schema validation throughput on a generated 100,000-tool policy (~11 MB) against a schema with
// additionalProperties:false, patterns, enums and $refs. Parsing and compiling are outside the
// timed loop; the target is well under 100 ms per validation on one core.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <optional>
#include <string>

#include "mcpolicy/json.h"
#include "mcpolicy/schema.h"

namespace {

using mcpolicy::Schema;
using mcpolicy::json::Document;

constexpr int kTools = 100000;

constexpr const char* kSchema = R"json({
  "$schema": "http://json-schema.org/draft-07/schema#",
  "type": "object",
  "required": ["version", "tools"],
  "additionalProperties": false,
  "properties": {
    "version": {"type": "string", "enum": ["1", "1.1", "2"]},
    "defaults": {"$ref": "#/definitions/rule"},
    "tools": {
      "type": "object",
      "patternProperties": {"^[a-z][a-z0-9_]{0,63}$": {"$ref": "#/definitions/tool"}},
      "additionalProperties": false
    }
  },
  "definitions": {
    "rule": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "action": {"enum": ["allow", "deny", "ask", "log"]},
        "rate": {"$ref": "#/definitions/rate"}
      }
    },
    "rate": {
      "type": "object",
      "required": ["limit", "window"],
      "additionalProperties": false,
      "properties": {
        "limit": {"type": "integer", "minimum": 1, "maximum": 1000000},
        "window": {"enum": ["second", "minute", "hour", "day"]}
      }
    },
    "tool": {
      "type": "object",
      "required": ["action"],
      "additionalProperties": false,
      "properties": {
        "action": {"enum": ["allow", "deny", "ask", "log"]},
        "description": {"type": "string", "maxLength": 200},
        "rate": {"$ref": "#/definitions/rate"},
        "tags": {"type": "array", "items": {"type": "string", "pattern": "^[a-z]+$"},
                 "uniqueItems": true, "maxItems": 8},
        "server": {"type": "string", "format": "hostname"}
      }
    }
  }
})json";

std::string MakePolicy() {
  static const char* kActions[] = {"allow", "deny", "ask", "log"};
  static const char* kWindows[] = {"second", "minute", "hour", "day"};
  std::string out = "{\"version\": \"1\", \"defaults\": {\"action\": \"deny\"}, \"tools\": {\n";
  char buffer[320];
  for (int i = 0; i < kTools; ++i) {
    std::snprintf(buffer, sizeof buffer,
                  "%s\"tool_%06d\": {\"action\": \"%s\", \"description\": \"reads record %d\", "
                  "\"rate\": {\"limit\": %d, \"window\": \"%s\"}, \"tags\": [\"read\", \"fs\"]}",
                  i == 0 ? "" : ",\n", i, kActions[i % 4], i, 1 + i % 500, kWindows[i % 4]);
    out += buffer;
  }
  out += "\n}}\n";
  return out;
}

struct Fixture {
  Fixture() : policy(Document::Parse(MakePolicy())) {
    auto compiled = Schema::Compile(Document::Parse(kSchema));
    if (compiled.ok()) schema.emplace(std::move(*compiled.schema));
  }
  Document policy;
  std::optional<Schema> schema;
};

const Fixture& GetFixture() {
  static const Fixture fixture;
  return fixture;
}

void BM_SchemaValidate(benchmark::State& state) {
  const Fixture& f = GetFixture();
  if (!f.policy.ok() || !f.schema) {
    state.SkipWithError("fixture failed to parse or compile");
    return;
  }
  size_t errors = 0;
  for (auto _ : state) {
    auto result = f.schema->Validate(f.policy.root());
    errors = result.size();
    benchmark::DoNotOptimize(result);
  }
  if (errors != 0) state.SkipWithError("the generated policy should be valid");
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(f.policy.text().size()));
  state.counters["tools"] = kTools;
}
BENCHMARK(BM_SchemaValidate)->Unit(benchmark::kMillisecond);

void BM_SchemaIsValid(benchmark::State& state) {
  const Fixture& f = GetFixture();
  if (!f.policy.ok() || !f.schema) {
    state.SkipWithError("fixture failed to parse or compile");
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(f.schema->IsValid(f.policy.root()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(f.policy.text().size()));
}
BENCHMARK(BM_SchemaIsValid)->Unit(benchmark::kMillisecond);

}  // namespace
