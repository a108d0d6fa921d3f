// Fuzz target: draft-07 schema compilation and validation (mcpolicy/schema.h). The input holds a
// schema and an instance separated by a line "--" (which valid JSON cannot contain); without the
// separator the input is validated against itself. No file is ever read: remote $refs fail.
// Compilation must fail cleanly or yield a schema whose IsValid agrees with Validate.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "mcpolicy/json.h"
#include "mcpolicy/schema.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using mcpolicy::json::Document;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string_view schema_text = input;
  std::string_view instance_text = input;
  if (size_t sep = input.find("\n--\n"); sep != std::string_view::npos) {
    schema_text = input.substr(0, sep);
    instance_text = input.substr(sep + 4);
  }
  Document schema_doc = Document::Parse(std::string(schema_text));
  if (!schema_doc.ok()) return 0;
  mcpolicy::SchemaOptions options;
  options.max_depth = 64;
  mcpolicy::SchemaCompileResult compiled = mcpolicy::Schema::Compile(std::move(schema_doc), options);
  if (!compiled.ok()) {
    if (compiled.errors.empty()) std::abort();
    for (const auto& e : compiled.errors) {
      if (e.message.empty() || e.location.line == 0) std::abort();
    }
    return 0;
  }
  Document instance = Document::Parse(std::string(instance_text));
  if (!instance.ok()) return 0;
  std::vector<mcpolicy::SchemaError> errors = compiled.schema->Validate(instance.root());
  for (const auto& e : errors) {
    if (e.node >= instance.nodes().size() || e.message.empty()) std::abort();
  }
  if (compiled.schema->IsValid(instance.root()) != errors.empty()) std::abort();
  return 0;
}
