// Schemas compiled into the binary, each compiled once on first use and shared.
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "mcpolicy/embedded.h"
#include "mcpolicy/schema.h"

namespace mcpolicy {

const Schema* EmbeddedSchema(std::string_view path) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<Schema>, std::less<>> compiled;
  std::lock_guard<std::mutex> lock(mutex);
  auto it = compiled.find(path);
  if (it != compiled.end()) return it->second.get();
  std::unique_ptr<Schema> schema;
  std::string_view text = embedded::Find(path);
  if (!text.empty()) {
    SchemaCompileResult r = Schema::Compile(json::Document::Parse(std::string(text)));
    if (r.ok()) schema = std::make_unique<Schema>(std::move(*r.schema));
  }
  return compiled.emplace(std::string(path), std::move(schema)).first->second.get();
}

}  // namespace mcpolicy
