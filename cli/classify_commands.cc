// classify, catalog list, catalog show.
#include <cstdio>
#include <iostream>

#include "app.h"
#include "common.h"
#include "mcpolicy/escape.h"
#include "mcpolicy/classify_commands.h"

namespace mcpolicy::cli {
namespace {

constexpr const char* kClassifyExamples = R"(
Input forms for --tools (told apart automatically): a tools/list result {"tools": [...]}, a
JSON-RPC response wrapping one, an array of tool objects, JSONL (one tool object or tools/list
result per line), or plain text with one tool name per line ('#' comments and blank lines skipped).
JSONL and plain text are streamed: any number of lines in, one line of output each.

Examples:
  mcpolicy classify --server kestra-io/mcp-server-python manage_executions execute_flow
  mcpolicy classify d1_database_delete send_message list_issues
  mcpolicy classify --tools tools-list.json --format json
  mcpolicy fetch -- npx -y @modelcontextprotocol/server-everything | mcpolicy classify --tools - --format jsonl
  mcpolicy classify --no-catalog --tools names.txt
Exit codes: 0 every tool classified, 1 some input entries were skipped (reported on stderr),
2 mcpolicy could not do its job (unreadable or malformed input, unknown server).)";

constexpr const char* kCatalogListExamples = R"(
Examples:
  mcpolicy catalog list
  mcpolicy catalog list --format json
  mcpolicy catalog list --catalog ./my-catalog      user files replace bundled servers by id)";

constexpr const char* kCatalogShowExamples = R"(
Examples:
  mcpolicy catalog show kestra-io/mcp-server-python
  mcpolicy catalog show kestra --format json         ids and aliases both work
Exit codes: 0 shown, 2 unknown server or a bad --catalog file.)";

void AddCatalogFlag(CLI::App* app, std::vector<std::string>& dirs) {
  app->add_option("--catalog", dirs,
                  "Directory (or file) of catalog entries in the schemas/catalog.schema.json format; "
                  "a file replaces the bundled server with the same id (repeatable)");
}

int PrintErrors(const CommandOutput& output) {
  for (const std::string& e : output.errors) std::cerr << "mcpolicy: error: " << Escaped(e) << "\n";
  return output.exit_code;
}

struct ClassifyFlags {
  ClassifyRequest request;
  std::string format = "text";
  std::string color = "auto";
  std::string max_file_size = "64M";
  bool quiet = false;
  bool no_catalog = false;
};

}  // namespace

void RegisterClassifyCommands(CLI::App& app, std::vector<Command>& commands) {
  auto flags = std::make_shared<ClassifyFlags>();
  CLI::App* classify = app.add_subcommand("classify", "Classify MCP tools as read, write, execute, destructive, "
                                                      "financial or other, with risk and evidence");
  ClassifyRequest& req = flags->request;
  classify->add_option("names", req.names, "Tool names, exactly as the server spells them");
  classify->add_option("--tools", req.tools_path, "Read the tools from FILE, or - for standard input");
  classify->add_option("--server", req.server,
                       "Resolve names against this catalog server (id or alias; see 'mcpolicy catalog list')");
  classify->add_flag("--no-catalog", flags->no_catalog, "Use the heuristic alone, never the catalog");
  AddCatalogFlag(classify, req.catalog_dirs);
  classify->add_option("--format", flags->format, "Output format")
      ->check(CLI::IsMember({"text", "json", "jsonl"}))
      ->capture_default_str();
  classify->add_option("--color", flags->color, "Colour text output by risk")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  classify->add_flag("-q,--quiet", flags->quiet, "Text format: no summary line");
  classify->add_option("--max-file-size", flags->max_file_size,
                       "Largest JSON document, or longest line, accepted (bytes, or with K/M/G)")
      ->capture_default_str();
  classify->add_option("--stdin-filename", req.stdin_filename, "Name to report standard input ('-') under");
  classify->add_option("-j,--jobs", req.jobs, "Classification threads for big inputs (default: one per core)");
  classify->footer(kClassifyExamples);
  commands.push_back({classify, [flags] {
                        ClassifyRequest& r = flags->request;
                        r.format = *ParseClassifyFormat(flags->format);
                        r.color = UseColor(flags->color, false);
                        r.summary = !flags->quiet;
                        r.use_catalog = !flags->no_catalog;
                        if (!ParseSizeFlag(flags->max_file_size, r.max_bytes)) return 2;
                        static char buffer[1 << 16];
                        std::setvbuf(stdout, buffer, _IOFBF, sizeof buffer);
                        CommandOutput output = RunClassify(r, [](std::string_view s) {
                          std::fwrite(s.data(), 1, s.size(), stdout);
                        });
                        std::fflush(stdout);
                        return PrintErrors(output);
                      }});

  CLI::App* catalog = app.add_subcommand("catalog", "List the bundled catalog of MCP servers, or show one");
  catalog->require_subcommand(1);

  auto list_format = std::make_shared<std::string>("text");
  auto list = std::make_shared<CatalogListRequest>();
  CLI::App* list_cmd = catalog->add_subcommand("list", "Every catalog server with its tool and category counts");
  list_cmd->add_option("--format", *list_format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  AddCatalogFlag(list_cmd, list->catalog_dirs);
  list_cmd->footer(kCatalogListExamples);
  commands.push_back({list_cmd, [list_format, list] {
                        list->json = *list_format == "json";
                        list->bundled_date = CatalogDate();
                        return Emit(RunCatalogList(*list), "");
                      }});

  auto show_format = std::make_shared<std::string>("text");
  auto show = std::make_shared<CatalogShowRequest>();
  CLI::App* show_cmd = catalog->add_subcommand("show", "Every tool of one server: category, risk, summary, operations");
  show_cmd->add_option("server", show->server, "Server id or alias, e.g. kestra-io/mcp-server-python")->required();
  show_cmd->add_option("--format", *show_format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  AddCatalogFlag(show_cmd, show->catalog_dirs);
  show_cmd->footer(kCatalogShowExamples);
  commands.push_back({show_cmd, [show_format, show] {
                        show->json = *show_format == "json";
                        return Emit(RunCatalogShow(*show), "");
                      }});
}

}  // namespace mcpolicy::cli
