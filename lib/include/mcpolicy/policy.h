// The neutral policy model every risk rule reads, and its resolution against a server.
//
// A dialect's reader (ReadPolicy for PolicyLayer's hosted JSON) normalises a parsed policy into a
// Policy whose parts keep the LocId of the element they came from (mcpolicy/source_map.h), so
// findings point at the key, the limit's maximum or the default action.
// It is tolerant: whatever is well-formed is kept even when the schema reported errors elsewhere,
// and malformed parts are skipped, never guessed at (the schema rule has already reported them).
//
// The model is a set of views: names, counters, paths and values are std::string_views into the
// Document (or into the catalog for server-only tools), and a tool's limits and conditions are
// spans into arrays the Policy owns. So the Document must outlive (and not be moved while) every
// Policy and Resolution read from it, and a Policy is move-only (a copy would leave its spans
// pointing into the original). This keeps a 100,000-tool policy at about 100 bytes a tool with no
// allocation per tool.
//
// Resolve then gives every tool the policy names, and with a known server every tool the server
// has, a category (catalog first, heuristic otherwise) and a decision, with DOMAIN.md's precedence:
// hide beats everything; under default deny an unlisted tool is denied; then tool rules; then
// all_tools rules.
#ifndef MCPOLICY_POLICY_H_
#define MCPOLICY_POLICY_H_

#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "mcpolicy/catalog.h"
#include "mcpolicy/diagnostic.h"
#include "mcpolicy/classify.h"
#include "mcpolicy/json.h"
#include "mcpolicy/source_map.h"

namespace mcpolicy {

// One quota, {counter, window, max, scope}. Fields that were absent or malformed are empty.
struct Limit {
  // Ordered for size (48 bytes, not 56): a 100,000-tool policy holds one per tool.
  std::string_view counter;
  std::optional<double> max;
  LocId loc = kNoLoc;          // the limit
  LocId counter_loc = kNoLoc;  // the counter's value
  LocId max_loc = kNoLoc;      // the max's value
  std::optional<Window> window;
  // Caps a sum of an argument (Intercept's increment_from), not a count of calls: no max per call.
  bool spend_cap = false;

  // Calls per minute this limit allows; nullopt without a window and a max.
  std::optional<double> PerMinute() const;
  // Whether the gateway enforces it: a window and a max (or a spend cap). A malformed limit is no
  // guard, so it does not make a tool limited (the schema rule reports what is wrong with it).
  bool Enforced() const { return window && (max || spend_cap); }
};
static_assert(sizeof(Limit) <= 48, "Limit grew: a 100,000-tool policy holds one per tool");

// A condition's value as written, for rewriting a policy in another dialect (convert); the rules
// read Condition::values. A list holds scalars only: a list holding a list or a mapping, and a
// mapping, are kOther.
struct ConditionValue {
  enum class Kind : uint8_t { kMissing, kNull, kBool, kNumber, kString, kList, kOther };
  Kind kind = Kind::kMissing;
  bool boolean = false;
  double number = 0;
  std::string_view text;                  // kString
  std::span<const ConditionValue> items;  // kList: into Policy::value_lists
};

// One argument condition, {path, op, value} (Intercept's form, assumed for hosted policies).
struct Condition {
  std::string_view path;  // "args.action"
  std::string_view op;    // "in", "eq", ...
  // The string values of `value`: the string itself, or the strings of an array.
  std::span<const std::string_view> values;
  LocId loc = kNoLoc;
  ConditionValue value;
  // A deny_if condition that makes a matching call wait for a person's approval rather than
  // denying it (Intercept's require_approval rule with conditions); the rules treat both as guards.
  bool approval = false;
};

// A construct of the file's dialect the model does not carry (Intercept's on_deny text, its
// description, a rule's name): recorded by the reader so that a rewrite in another dialect
// (convert) can say what it leaves out instead of dropping it silently.
struct Unmapped {
  LocId loc = kNoLoc;
  std::string what;  // "on_deny text", "the description"
};

// A `tools` entry.
struct ToolRules {
  std::string_view name;
  LocId key_loc = kNoLoc;
  LocId value_loc = kNoLoc;
  // Spans into the Policy's storage.
  std::span<const Limit> limits;
  std::span<const Condition> require;
  std::span<const Condition> deny_if;
  // Every call is denied by a rule of the entry (Intercept's unconditional deny rule).
  bool denied = false;
  // Every call waits for a person's approval (Intercept's unconditional require_approval): a
  // guard on every operation.
  bool approval = false;
  // False when the entry has keys a hosted policy does not know ("action", "rate_limit") or a
  // malformed limit or condition: the schema rule reports those, and risk rules stay silent about
  // the entry rather than pile on.
  bool well_formed = true;
};

struct HideEntry {
  std::string_view name;  // "*" hides every tool
  LocId loc = kNoLoc;
};

enum class DefaultAction : uint8_t { kUnset, kAllow, kDeny };

struct Policy {
  Policy() = default;
  Policy(Policy&&) noexcept = default;
  Policy& operator=(Policy&&) noexcept = default;
  Policy(const Policy&) = delete;
  Policy& operator=(const Policy&) = delete;

  DefaultAction default_action = DefaultAction::kUnset;  // kUnset: absent or malformed
  // False when the dialect's default applied because the file names none (Intercept: allow).
  bool default_written = true;
  // Limits naming one counter share one quota across tools (hosted JSON); false where each
  // tool's counters are its own (Intercept's state.<tool>.<counter>).
  bool counters_shared = true;
  LocId default_loc = kNoLoc;
  std::vector<HideEntry> hide;  // in file order, "*" included
  LocId hide_all_loc = kNoLoc;  // the "*" entry, if any
  std::vector<Limit> all_tools_limits;
  // In file order; with duplicate keys the last one is kept. Entries whose value is not an object
  // are left out.
  std::vector<ToolRules> tools;
  LocId tools_loc = kNoLoc;  // the "tools" value
  size_t tools_written = 0;  // entries the file lists under "tools", the malformed ones included

  bool hides_all() const { return hide_all_loc != kNoLoc; }
  const ToolRules* FindTool(std::string_view name) const;
  // The hide entry naming exactly `name` (not "*"), or nullptr.
  const HideEntry* FindHidden(std::string_view name) const;

  // What the spans of `tools` point into (filled by ReadPolicy; vectors keep their buffers when
  // the Policy is moved).
  std::vector<Limit> limit_storage;
  std::vector<Condition> condition_storage;
  std::vector<std::string_view> value_storage;
  // The items of list-valued conditions (ConditionValue::items); a deque, so adding a list keeps
  // the others in place, and moving the Policy keeps every list where it is.
  std::deque<std::vector<ConditionValue>> value_lists;
  std::vector<Unmapped> unmapped;  // in file order
};

// MCP's naming rule: 1 to 128 characters of A-Z a-z 0-9 _ - . ("*" is not a tool name).
bool ValidToolName(std::string_view name);

// Never fails: a document that is not an object yields an empty Policy. The Policy views `doc`.
Policy ReadPolicy(const json::Document& doc);

enum class Decision : uint8_t {
  kHidden,           // hidden (by name or "*")
  kDeniedByDefault,  // unlisted under default deny
  kDenied,           // every call denied by one of its own rules
  kLimited,          // allowed, with at least one limit (its own or all_tools)
  kConditioned,      // allowed with argument conditions but no limit
  kUnlimited,        // allowed with nothing
};
std::string_view DecisionName(Decision decision);

// Which server a policy is for, and how that was decided.
struct ServerChoice {
  // kTools: a server the caller built from a tools/list dump (lint --tools).
  enum class Source : uint8_t { kNone, kFlag, kConfig, kInferred, kTools };
  const CatalogServer* server = nullptr;
  Source source = Source::kNone;
  size_t matched = 0;  // kInferred: names the server has, of `total` names looked up
  size_t total = 0;

  // "kestra-io/mcp-server-python (inferred, 14 of 14 names)", "... (--server)",
  // "the server described by dump.json (--tools)", "none".
  std::string Describe() const;
};

struct ResolvedTool {
  std::string_view name;                     // views the policy's document or the catalog
  const CatalogTool* catalog = nullptr;      // the server's entry, if any
  const ToolRules* rules = nullptr;          // the `tools` entry, if listed
  const HideEntry* hidden_by = nullptr;      // the entry (name or "*") that hides it
  Category category = Category::kOther;
  bool from_catalog = false;                 // else classified by the heuristic
  bool uncertain = false;                    // the category is the heuristic's guess
  bool on_server = true;                     // false: a known server does not have this name
  Decision decision = Decision::kUnlimited;
  bool has_limits = false;      // own limits or all_tools limits
  bool has_conditions = false;  // a non-empty require or deny_if

  bool reachable() const {
    return decision != Decision::kHidden && decision != Decision::kDeniedByDefault &&
           decision != Decision::kDenied;
  }
};

// Views the Policy it was resolved from (and through it the Document): both must outlive it.
struct Resolution {
  ServerChoice server;
  std::vector<ResolvedTool> tools;  // sorted by name

  const ResolvedTool* Find(std::string_view name) const;
};

// The names the policy mentions (tools keys and hide entries but "*"), each once, for inference.
std::vector<std::string_view> PolicyToolNames(const Policy& policy);

// The catalog server sharing most names with the policy (Catalog::Infer) when it has all of
// them, or two thirds and at least two; else Source::kNone.
ServerChoice InferServer(const Policy& policy, const Catalog& catalog);

Resolution Resolve(const Policy& policy, const ServerChoice& server, const Classifier& classifier);
// Same, but asks for the classifier only when a tool is not in the server's catalog entry, so a
// policy of a catalogued server never pays for compiling the heuristic's lexicon.
Resolution Resolve(const Policy& policy, const ServerChoice& server,
                   const std::function<const Classifier&()>& classifier);

}  // namespace mcpolicy

#endif  // MCPOLICY_POLICY_H_
