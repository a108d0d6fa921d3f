// Generated PolicyLayer hosted policies for the micro-benchmarks, built in memory in the shape
// bench/peers_inputs.py writes to disk for the whole-process comparison: one tool entry per line
// (~110 bytes), one limit each, and a deny_if condition on every hundredth tool.
#ifndef MCPOLICY_BENCH_BENCH_POLICIES_H_
#define MCPOLICY_BENCH_BENCH_POLICIES_H_

#include <cstdio>
#include <string>

namespace mcpolicy::bench {

// A policy with `tools` tools named t000000, t000001, ... (the 5-tool one uses Kestra's names, as
// the small example does).
inline std::string MakePolicy(int tools) {
  static const char* kSmall[] = {"list_executions", "search_flows", "execute_flow",
                                 "manage_executions", "add_execution_labels"};
  std::string out = "{\n  \"version\": \"1\",\n  \"default\": \"deny\",\n";
  out += "  \"hide\": [\"delete_flow_logs\"],\n  \"tools\": {\n";
  char name[32];
  char line[320];
  for (int i = 0; i < tools; ++i) {
    if (tools <= 5) {
      std::snprintf(name, sizeof name, "%s", kSmall[i]);
    } else {
      std::snprintf(name, sizeof name, "t%06d", i);
    }
    const char* condition =
        i % 100 == 3 ? "\"deny_if\": [{ \"path\": \"args.action\", \"op\": \"in\", \"value\": "
                       "[\"delete\"] }], "
                     : "";
    std::snprintf(line, sizeof line,
                  "%s    \"%s\": { %s\"limits\": [{ \"counter\": \"%s_rate\", \"window\": "
                  "\"minute\", \"max\": 10, \"scope\": \"grant\" }] }",
                  i == 0 ? "" : ",\n", name, condition, name);
    out += line;
  }
  out += "\n  }\n}\n";
  return out;
}

}  // namespace mcpolicy::bench

#endif  // MCPOLICY_BENCH_BENCH_POLICIES_H_
