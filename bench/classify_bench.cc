// Throughput of the heuristic classifier (issue 3 asks for >= 1M names per
// second per core). The names below are a hand-written mix in the naming styles
// MCP servers use (snake, kebab, camelCase, dotted, namespaced, Redis-style
// commands); none is read from the eval data.
#include <benchmark/benchmark.h>

#include <array>
#include <string_view>

#include "mcpolicy/classify.h"

namespace {

constexpr std::array<std::string_view, 64> kNames = {
    "list_issues",
    "get_file_contents",
    "create_pull_request",
    "delete_branch",
    "search_code",
    "update_issue",
    "merge_pull_request",
    "run_workflow",
    "cancel_workflow_run",
    "send_email",
    "send_keys",
    "truncate_table",
    "truncate_text",
    "reset_password",
    "clear_cache",
    "write_file",
    "read_text_file",
    "move_file",
    "d1_database_delete",
    "kv_namespace_create",
    "r2_bucket_list",
    "mcp__github__create_issue",
    "n8n_list_workflows",
    "atlas-create-free-cluster",
    "notion-update-page",
    "API-post-page",
    "getHTTPResponse",
    "listRepositoryWebhooks",
    "DeleteObjectVersion",
    "s3.put_object",
    "manage_users",
    "namespace_file_action",
    "execute_sql",
    "query",
    "dry_run_deploy",
    "preview_changes",
    "validate_template",
    "estimate_cost",
    "simulate_policy",
    "create_refund",
    "capture_payment",
    "create_payout",
    "cancel_subscription",
    "pay_invoice",
    "hdel",
    "lpush",
    "zrange",
    "browser_click",
    "browser_type",
    "browser_take_screenshot",
    "pods_exec",
    "helm_uninstall",
    "rerun_stats",
    "kill_process",
    "restart_service",
    "get_deployment_status",
    "list_flows_with_triggers",
    "add_comment_to_issue",
    "assign_copilot_to_issue",
    "revoke_token",
    "rotate_api_key",
    "export_report",
    "start_trace",
    "publish_message",
};

const mcpolicy::Classifier& SharedClassifier() {
  static const mcpolicy::Classifier classifier;
  return classifier;
}

// Names only, reusing one Classification: the hot path of `mcpolicy classify`
// over a big list.
void BM_ClassifyName(benchmark::State& state) {
  const mcpolicy::Classifier& classifier = SharedClassifier();
  if (!classifier.ok()) {
    state.SkipWithError(classifier.error().c_str());
    return;
  }
  mcpolicy::Classification out;
  mcpolicy::ToolInfo tool;
  size_t i = 0;
  for (auto _ : state) {
    tool.name = kNames[i++ % kNames.size()];
    classifier.Classify(tool, &out);
    benchmark::DoNotOptimize(out.category);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ClassifyName);

// Names only, a fresh Classification per call (allocates its evidence).
void BM_ClassifyNameFresh(benchmark::State& state) {
  const mcpolicy::Classifier& classifier = SharedClassifier();
  mcpolicy::ToolInfo tool;
  size_t i = 0;
  for (auto _ : state) {
    tool.name = kNames[i++ % kNames.size()];
    mcpolicy::Classification c = classifier.Classify(tool);
    benchmark::DoNotOptimize(c.category);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ClassifyNameFresh);

// Name, description and hints: the RE2::Set pass over the description
// dominates.
void BM_ClassifyWithDescription(benchmark::State& state) {
  const mcpolicy::Classifier& classifier = SharedClassifier();
  constexpr std::array<std::string_view, 4> kDescriptions = {
      "Permanently delete a file from the repository. This cannot be undone.",
      "List open issues in a repository, optionally filtered by label and "
      "assignee.",
      "Execute a SQL query against the database and return the rows. "
      "Read-only.",
      "This tool will refund a payment intent. It takes the payment intent ID "
      "and an amount.",
  };
  mcpolicy::Classification out;
  mcpolicy::ToolInfo tool;
  tool.hints.read_only = false;
  size_t i = 0;
  for (auto _ : state) {
    tool.name = kNames[i % kNames.size()];
    tool.description = kDescriptions[i % kDescriptions.size()];
    ++i;
    classifier.Classify(tool, &out);
    benchmark::DoNotOptimize(out.category);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ClassifyWithDescription);

}  // namespace
