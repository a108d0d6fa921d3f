// Table-driven tests of name-only classification against the project's own
// labelled names (written for this test, in the naming styles MCP servers use;
// no data from outside the repo).
#include <catch2/catch.hpp>
#include <string>
#include <string_view>

#include "mcpolicy/classify.h"
#include "mcpolicy/embedded.h"

namespace mcpolicy {
namespace {

struct Case {
  std::string_view name;
  Category category;
};

constexpr Category R = Category::kRead;
constexpr Category W = Category::kWrite;
constexpr Category X = Category::kExecute;
constexpr Category D = Category::kDestructive;
constexpr Category F = Category::kFinancial;

const Classifier& TheClassifier() {
  // The rules alone: these tests pin the lexicon's behaviour, not the learned model's.
  static const Classifier classifier(embedded::Find("catalog/lexicon.json"));
  return classifier;
}

Classification ClassifyName(std::string_view name) {
  ToolInfo tool;
  tool.name = name;
  return TheClassifier().Classify(tool);
}

void CheckAll(const Case* begin, const Case* end) {
  REQUIRE(TheClassifier().ok());
  for (const Case* c = begin; c != end; ++c) {
    const Classification got = ClassifyName(c->name);
    std::string evidence;
    for (const std::string& e : got.evidence) evidence += " | " + e;
    INFO(c->name << " -> " << CategoryName(got.category) << evidence);
    CHECK(got.category == c->category);
    CHECK(got.risk == RiskOf(c->category));
  }
}

TEST_CASE("The embedded lexicon compiles", "[classify]") {
  INFO(TheClassifier().error());
  CHECK(TheClassifier().ok());
}

TEST_CASE("Verbs are found in every naming style and position", "[classify]") {
  const Case kCases[] = {
      {"list_repositories", R},     {"get-user-profile", R},
      {"searchDocuments", R},       {"DescribeInstances", R},
      {"fetchHTTPHeaders", R},      {"create_ticket", W},
      {"updateCustomerAddress", W}, {"add-label-to-card", W},
      {"delete_bucket", D},         {"RemoveTeamMember", D},
      {"bucket_object_delete", D},  {"vectorize_index_create", W},
      {"queues_list", R},           {"mcp__tracker__close_ticket", W},
      {"crm.contacts.delete", D},   {"Billing--CreateInvoice", W},
      {"API-patch-block", W},       {"API-get-block", R},
      {"n8n_delete_workflow", D},   {"atlas-list-projects", R},
      {"notion-create-pages", W},   {"orders_export", R},
      {"cluster_vm_stop", X},       {"container_logs", R},
  };
  CheckAll(std::begin(kCases), std::end(kCases));
}

TEST_CASE("Whole tokens only: no verb is found inside another word",
          "[classify]") {
  const Case kCases[] = {
      {"shipment_details", R},  // no "sh" in "shipment"
      {"firmware_version", W},  // no "rm" in "firmware": no verb at all, so a guess
      {"rerun_stats", R},       // statistics about reruns; never the verb "run"
      {"truncated_results", R},   // not "truncate"
      {"deleted_items_list", R},  // a participle, the verb is "list"
      {"settings_get", R},        // no "set" in "settings"
  };
  CheckAll(std::begin(kCases), std::end(kCases));
}

TEST_CASE("The object changes what the verb means", "[classify]") {
  const Case kCases[] = {
      {"truncate_text", R},
      {"truncate_table", D},
      {"clear_cache", W},
      {"clear_history", D},
      {"reset_password", W},
      {"reset_database", D},
      {"send_message", X},
      {"send_keys", X},
      {"post_comment", W},
      {"post_message", X},
      {"write_file", D},
      {"cancel_job", X},
      {"cancel_order", D},
      {"cancel_subscription", D},
      {"start_recording", R},
      {"start_server", X},
      {"create_refund", F},
      {"create_payment_link", W},
      {"capture_payment", F},
      {"query_logs", R},
      {"generate_qr_code", R},
      {"rotate_api_key", D},
      {"assign_issue_to_agent", X},
      {"resolve_hostname", R},
      {"resolve_incident", W},
      {"change_run_status", X},
      {"update_issue_status", W},
      {"evaluate_script", X},
      {"create_scan", X},
      {"create_stack", X},
  };
  CheckAll(std::begin(kCases), std::end(kCases));
}

TEST_CASE("Qualifiers and read-only variants make a call read", "[classify]") {
  const Case kCases[] = {
      {"dry_run_delete", R},     {"delete_records_dry_run", R},
      {"preview_migration", R},  {"validate_manifest", R},
      {"estimate_charges", R},   {"simulate_transfer", R},
      {"manage_config_read", R}, {"deploy_guide", R},
  };
  CheckAll(std::begin(kCases), std::end(kCases));
}

TEST_CASE("Browser automation reads differently on a live page", "[classify]") {
  const Case kCases[] = {
      {"browser_type", X},       {"browser_select_option", X},
      {"browser_close", X},      {"browser_hover", X},
      {"browser_screenshot", R}, {"browser_mouse_wheel", X},
      {"close_issue", W},        {"type", W},  // off a page: no verb, a guess
      {"select_rows", W},
      // Ending a live session or connection stops work in progress.
      {"close_session", X},      {"disconnect", X},  {"end_conference", X},
      {"reply_to_thread", X},
  };
  CheckAll(std::begin(kCases), std::end(kCases));
}

TEST_CASE("Money moves are financial", "[classify]") {
  const Case kCases[] = {
      {"pay_invoice", F},     {"refund_charge", F},      {"create_payout", F},
      {"transfer_funds", F},  {"list_refunds", R},       {"get_balance", R},
      {"purchase_domain", F}, {"transfer_ownership", W},
      // Placing an order buys or sells; a payment sent is money moved; renting is paying.
      {"place_order", F},     {"place_gtt_order", F},    {"create_order", W},
      {"send_payment_gamertags", F}, {"initiate_payment", F}, {"send_payment_reminder", X},
      {"rent_virtual_numbers", F},
  };
  CheckAll(std::begin(kCases), std::end(kCases));
}

TEST_CASE("Redis-style commands and other API vocabulary", "[classify]") {
  const Case kCases[] = {
      {"hdel", D}, {"lpush", W}, {"zadd", W}, {"spop", D}, {"hgetall", R},
      {"del", D},  {"exec", X},  {"rm", D},   {"ls", R},   {"flush_db", D},
  };
  CheckAll(std::begin(kCases), std::end(kCases));
}

TEST_CASE("Names that cannot decide get the worst plausible category, flagged",
          "[classify]") {
  const struct {
    std::string_view name;
    Category category;
  } kCases[] = {
      {"manage_users", D}, {"user_management", D}, {"namespace_file_action", D},
      {"execute_sql", X},  {"query", X},           {"run_query", X},
      {"issue_write", W},  {"api_request", D},
  };
  for (const auto& c : kCases) {
    const Classification got = ClassifyName(c.name);
    INFO(c.name);
    CHECK(got.category == c.category);
    CHECK(got.confidence < 0.5);
    bool says_low = false;
    for (const std::string& e : got.evidence)
      says_low |= e.find("low confidence") != e.npos;
    CHECK(says_low);
  }
}

TEST_CASE("A name with nothing recognised is not assumed read", "[classify]") {
  for (std::string_view name : {"records_tool", "board_items", "42", "frobnicator"}) {
    const Classification c = ClassifyName(name);
    INFO(name);
    CHECK(c.category == Category::kWrite);
    CHECK(c.confidence < 0.5);
    CHECK(c.uncertain);
    REQUIRE(c.evidence.size() == 1);
    CHECK(c.evidence[0] ==
          "no verb in the name, so not known to be read-only: assuming write, low confidence");
  }
  CHECK(ClassifyName("").category == Category::kOther);
  CHECK(ClassifyName("").uncertain);
  // An informational noun is recognised: a read, and no guess.
  const Classification overview = ClassifyName("budget_overview");
  CHECK(overview.category == Category::kRead);
  CHECK_FALSE(overview.uncertain);
  CHECK_FALSE(ClassifyName("delete_file").uncertain);
}

TEST_CASE("Patterns the held-out servers showed", "[classify]") {
  const Case kCases[] = {
      // un- + a verb the lexicon does not list reverses it; un- verbs it lists keep theirs.
      {"unfreeze_account", W}, {"unassign_issue", W}, {"unpublish_page", D},
      {"unshare_folder", D}, {"kick_member", D}, {"disband_team", D},
      // a version marker is not a word of the name
      {"instant-payout-v3", F}, {"TwilioApiV2010--DeleteCall", D}, {"list_users_v2", R},
      // a noun that doubles as a verb, alone after an unknown prefix, is the noun
      {"ci_build", W},
      // "_write" names the write variant of a tool
      {"label_write", W},
      // money moved under ordinary verbs
      {"place_order_for_stock", F}, {"close_position", F}, {"rebalance_portfolio", F},
      {"short_stock", F}, {"create_cash_voucher", F}, {"cancel_payment_link", D},
      {"redeem_gift_card", F},
  };
  CheckAll(std::begin(kCases), std::end(kCases));
}

TEST_CASE("Evidence names the deciding token", "[classify]") {
  const Classification c = ClassifyName("d1_database_delete");
  REQUIRE_FALSE(c.evidence.empty());
  CHECK(c.evidence[0] == "verb \"delete\" (token 3)");
  const Classification t = ClassifyName("truncate_table");
  REQUIRE_FALSE(t.evidence.empty());
  CHECK(t.evidence[0] ==
        "object \"table\" (token 2) with verb \"truncate\": truncating a table "
        "or store deletes "
        "its contents");
}

}  // namespace
}  // namespace mcpolicy
