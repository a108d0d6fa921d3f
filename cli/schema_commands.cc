// schema.
#include "common.h"

namespace mcpolicy::cli {

void RegisterSchemaCommands(CLI::App& app, std::vector<Command>& commands) {
  auto request = std::make_shared<SchemaRequest>();
  CLI::App* schema = app.add_subcommand("schema", "Print a JSON Schema compiled into mcpolicy, or list them");
  schema->add_option("name", request->name, "policy, config, report, diff, catalog or baseline (none: list them)");
  schema->footer(R"(
Examples:
  mcpolicy schema                              every schema: name, $id, title
  mcpolicy schema policy > .vscode/mcpolicy-policy.schema.json   for an editor (README: Editors)
  mcpolicy schema catalog > catalog.schema.json && mcpolicy validate --schema catalog.schema.json my-server.json
Each schema's $id is urn:mcpolicy:schema:NAME:N; N changes only when it stops accepting documents
it accepted before.)");
  commands.push_back({schema, [request] { return Emit(RunSchema(*request), ""); }});
}

}  // namespace mcpolicy::cli
