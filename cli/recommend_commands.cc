// recommend.
#include <array>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "common.h"
#include "mcpolicy/escape.h"
#include "mcpolicy/io.h"
#include "mcpolicy/recommend.h"

namespace mcpolicy::cli {
namespace {

constexpr const char* kRecommendExamples = R"(
Tiers: strict lists reads only and hides the rest; recommended (the default) lists reads as {},
limits writes to 30/minute, executes to 10/minute, others to 60/minute and hides destructive and
financial tools; permissive lists reads and others as {}, limits writes to 1800/hour and executes
to 600/hour, and still hides destructive and financial tools. --read ... --other replace one
category's row: allow, hide, or N/minute, N/hour, N/day. The "recommend" section of .mcpolicy.json
({"tier": "strict", "write": "10/minute", ...}) sets the same; flags win.

A multiplexer (one tool whose argument selects the operation) is listed with a deny_if on the
operation values whose category is hidden and the limit of its strictest remaining operation; it
is hidden when every operation is.

The policy is written with 2-space indent, top-level keys in the order version, default, hide,
tools, hide entries and tools sorted, deny_if before limits, one condition or limit per line.

--dialect intercept writes an Intercept YAML policy instead, laid out like Intercept's scaffold
policies: default: deny, tools grouped under comment headers by category (# --- read ---), read
tools as rules: [], limits as rate_limit: N/window rules, hidden tools under hide:, a multiplexer
guarded by an evaluate rule (args.action not_in [...]). With --approve, destructive and financial
tools and operations get a require_approval rule instead of being hidden or denied.

Examples:
  mcpolicy recommend --server kestra-io/mcp-server-python
  mcpolicy recommend --server kestra --tier strict -o policy.json
  mcpolicy recommend --tools tools-list.json --write 10/minute --explain
  mcpolicy recommend --server kestra --dialect intercept --approve -o policy.yaml
  mcpolicy fetch -- node server.js | mcpolicy recommend --tools - --explain-file why.txt
Exit codes: 0 policy written, 1 written but some input entries were skipped (reported on stderr),
2 mcpolicy could not do its job (unknown server, unreadable or empty input, bad value, -o file
exists without --force).)";

constexpr std::array<Category, 6> kCategories = {Category::kRead,      Category::kWrite,
                                                 Category::kExecute,   Category::kDestructive,
                                                 Category::kFinancial, Category::kOther};

struct RecommendFlags {
  RecommendRequest request;
  std::string tier;
  std::array<std::string, 6> treatments;  // by Category
  std::string output_file;
  std::string explain_file;
  bool force = false;
  std::string max_file_size = "64M";
  std::string dialect = "json";
};

int Fail(const std::string& message) {
  std::cerr << "mcpolicy: error: " << Escaped(message) << "\n";
  return 2;
}

// An existing path (a dangling symlink included) is refused without --force; a device or FIFO
// is written to, not replaced, so it needs none.
bool Exists(const std::string& path) {
  std::error_code ec;
  std::filesystem::file_status target = std::filesystem::status(path, ec);
  if (!ec && (std::filesystem::is_character_file(target) || std::filesystem::is_fifo(target))) {
    return false;
  }
  return std::filesystem::symlink_status(path, ec).type() != std::filesystem::file_type::not_found;
}

int Run(RecommendFlags& flags) {
  RecommendRequest& r = flags.request;
  if (!flags.tier.empty()) {
    r.tier = ParseTier(flags.tier);
    if (!r.tier) {
      return Fail("--tier: \"" + flags.tier + "\" is not a tier (strict, recommended, permissive)");
    }
  }
  for (Category c : kCategories) {
    const std::string& text = flags.treatments[static_cast<size_t>(c)];
    if (text.empty()) continue;
    std::optional<Treatment> t = ParseTreatment(text);
    if (!t) {
      return Fail("--" + std::string(CategoryName(c)) + ": \"" + text +
                  "\" is not a treatment (allow, hide, or N/minute, N/hour, N/day with N from 1 "
                  "to 1000000000)");
    }
    r.overrides[static_cast<size_t>(c)] = t;
  }
  if (!ParseSizeFlag(flags.max_file_size, r.max_bytes)) return 2;
  r.dialect = ParseOutputDialect(flags.dialect).value_or(OutputDialect::kJson);
  for (const std::string* path : {&flags.output_file, &flags.explain_file}) {
    if (!path->empty() && !flags.force && Exists(*path)) {
      return Fail(*path + " already exists; use --force to overwrite it");
    }
  }
  r.explain = r.explain || !flags.explain_file.empty();
  r.output_file = flags.output_file;
  r.explain_file = flags.explain_file;

  RecommendOutput output = RunRecommend(r);
  for (const std::string& w : output.warnings) std::cerr << "mcpolicy: warning: " << Escaped(w) << "\n";
  for (const std::string& e : output.errors) std::cerr << "mcpolicy: error: " << Escaped(e) << "\n";
  if (output.exit_code == 2) return 2;
  if (!flags.explain_file.empty()) {
    if (std::string error = WriteFileAtomically(flags.explain_file, output.explain);
        !error.empty()) {
      return Fail(error);
    }
  } else if (r.explain) {
    std::cerr << output.explain;
  }
  return WriteOutput(output.policy, flags.output_file, output.exit_code);
}

}  // namespace

void RegisterRecommendCommands(CLI::App& app, std::vector<Command>& commands) {
  auto flags = std::make_shared<RecommendFlags>();
  RecommendRequest& req = flags->request;
  CLI::App* cmd = app.add_subcommand(
      "recommend",
      "Write a policy (PolicyLayer JSON or Intercept YAML) for an MCP server from its tools' risk "
      "categories");
  cmd->add_option("--server", req.server,
                  "Catalog server (id or alias; see 'mcpolicy catalog list'): every tool of it, or "
                  "where --tools names are looked up first");
  cmd->add_option("--tools", req.tools_path,
                  "A tools/list dump (any form 'classify --tools' reads), or - for standard input");
  cmd->add_option("--catalog", req.catalog_dirs,
                  "Directory (or file) of catalog entries; a file replaces the bundled server with "
                  "the same id (repeatable)");
  cmd->add_option("--tier", flags->tier, "strict, recommended (default) or permissive");
  for (Category c : kCategories) {
    std::string name(CategoryName(c));
    cmd->add_option("--" + name, flags->treatments[static_cast<size_t>(c)],
                    "Treatment of " + name + " tools: allow, hide, or N/minute|hour|day");
  }
  cmd->add_option("--dialect", flags->dialect,
                  "Policy dialect to write: json (PolicyLayer hosted, the default) or intercept "
                  "(Intercept YAML)")
      ->check(CLI::IsMember({"json", "intercept"}))
      ->capture_default_str();
  cmd->add_flag("--approve", req.approve,
                "With --dialect intercept: destructive and financial tools (and operations) wait "
                "for a person's approval (require_approval) instead of being hidden");
  cmd->add_option("-o,--output", flags->output_file, "Write the policy to FILE (atomically)");
  cmd->add_flag("--force", flags->force, "Let -o and --explain-file replace an existing file");
  cmd->add_flag("--explain", req.explain,
                "Print a table of every tool (category, confidence, source, rule, evidence) to "
                "standard error");
  cmd->add_option("--explain-file", flags->explain_file,
                  "Write that table to FILE (atomically) instead of standard error");
  cmd->add_option("--config", req.config_file,
                  "Read the \"recommend\" settings from this configuration instead of the "
                  ".mcpolicy.json found walking up from the working directory");
  cmd->add_flag("--no-config", req.no_config, "Ignore configuration files");
  cmd->add_option("--max-file-size", flags->max_file_size,
                  "Largest JSON document, or longest line, accepted (bytes, or with K/M/G)")
      ->capture_default_str();
  cmd->add_option("--stdin-filename", req.stdin_filename,
                  "Name to report standard input ('-') under");
  cmd->footer(kRecommendExamples);
  commands.push_back({cmd, [flags] { return Run(*flags); }});
}

}  // namespace mcpolicy::cli
