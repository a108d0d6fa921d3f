// Turns schema documents into the compiled node array: resolves $id and $ref (loading remote
// documents on demand), compiles patterns and indexes keywords. Internal to Schema::Compile.
#ifndef MCPOLICY_SCHEMA_COMPILER_H_
#define MCPOLICY_SCHEMA_COMPILER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "mcpolicy/json.h"
#include "mcpolicy/schema.h"
#include "schema/compiled.h"

namespace mcpolicy::schema {

// Schema objects nested deeper than this (counting $ref hops) are reported, not compiled.
inline constexpr uint32_t kMaxSchemaDepth = 256;

class Compiler {
 public:
  Compiler(Compiled* out, const SchemaOptions& options) : out_(out), options_(options) {}

  // Compiles `root` into the Compiled given at construction; returns every problem found, in
  // document order. The Compiled is usable only when the result is empty.
  std::vector<SchemaCompileError> Run(json::Document root);

 private:
  // Where a schema sits, and the base URI of its parent (its own $id still applies).
  struct Target {
    uint32_t doc = 0;
    uint32_t node = 0;
    std::string base;
  };

  // resolver.cc
  uint32_t AddDocument(std::unique_ptr<json::Document> doc, const std::string& uri);
  void CollectIds(uint32_t doc, json::Value schema, const std::string& base, uint32_t depth);
  bool LoadDocument(const std::string& uri, std::string* why);
  uint32_t ResolveRef(uint32_t doc, json::Value ref, const std::string& base);
  bool WalkPointer(const Target& from, std::string_view pointer, Target* out) const;
  void CollapseRefChains();

  // compiler.cc
  uint32_t CompileSchema(uint32_t doc, uint32_t node, const std::string& inherited_base);
  void CompileKeywords(uint32_t doc, json::Value schema, const std::string& base, Node* n);
  uint32_t Subschema(uint32_t doc, json::Value sub, const std::string& base);
  bool SubschemaList(uint32_t doc, json::Value list, const std::string& base,
                     std::vector<uint32_t>* out);
  uint32_t AddRegex(uint32_t doc, json::Value at, std::string_view pattern);
  void Error(uint32_t doc, json::Value at, std::string message);
  const json::Document& Doc(uint32_t doc) const { return *out_->docs[doc]; }

  Compiled* out_;
  const SchemaOptions& options_;
  std::unordered_map<std::string, Target> resources_;  // absolute URI (or URI#anchor) -> schema
  std::unordered_map<uint64_t, uint32_t> compiled_;    // (doc << 32 | node) -> node index
  std::vector<SchemaCompileError> errors_;
  uint32_t depth_ = 0;
};

// The base URI in effect inside `schema` when its parent's is `base` (applies a non-anchor $id).
std::string ApplyId(const std::string& base, json::Value schema);

// Text of the draft-07 meta-schema (http://json-schema.org/draft-07/schema).
std::string_view Draft07MetaSchema();

}  // namespace mcpolicy::schema

#endif  // MCPOLICY_SCHEMA_COMPILER_H_
