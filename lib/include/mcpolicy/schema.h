// JSON Schema draft-07 validation.
//
// A Schema is compiled once: every $ref is resolved, every pattern is compiled with RE2, property
// names and enum values are indexed. It then validates any number of instances; a valid instance
// costs no allocation. Compilation problems (an unresolvable $ref, a pattern RE2 cannot compile,
// a keyword of the wrong type) are returned as values with their position, never thrown.
//
// Validation reports leaf causes only (never "does not match the subschema" parents). When no
// branch of an anyOf/oneOf matches, the errors of the closest branch are reported. Instances
// nested deeper than SchemaOptions::max_depth are reported ("maxDepth"), not recursed into, so any
// depth is safe; a schema that recurses without consuming the instance, or that applies a
// subschema many times over (allOf of two recursive $refs), stops at a bound ("$ref",
// "maxSteps") instead of looping or taking exponential time.
#ifndef MCPOLICY_SCHEMA_H_
#define MCPOLICY_SCHEMA_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "mcpolicy/json.h"

namespace mcpolicy {

// One reason an instance is invalid.
struct SchemaError {
  uint32_t node = 0;        // instance node; for a key-level error (unknown key), the kKey node
  std::string pointer;      // JSON pointer of the value ("/tools/0/actoin" for an unknown key)
  std::string keyword;      // "additionalProperties", "type", ...; "maxDepth" for the depth guard
  std::string schema_path;  // "#/definitions/tool/additionalProperties"; other documents: "<uri>#/..."
  std::string message;      // one sentence, lower-case start, no position
  std::vector<std::string> candidates;  // allowed keys or enum values (JSON text) considered
  std::string offending;                // the unknown key, or the bad value's JSON text
};

// Why a schema could not be compiled, at a position in one of its documents.
struct SchemaCompileError {
  std::string source;       // "" for the root document, else the URI of the document
  uint32_t offset = 0;      // byte offset in that document
  json::Location location;  // 1-based line and column of `offset`
  std::string schema_path;  // "#/properties/name/pattern"
  std::string message;      // one sentence, lower-case start, no position
};

struct SchemaOptions {
  // Retrieval URI of the root document; relative $id and $ref resolve against it. May be empty.
  std::string base_uri;
  // A $ref whose absolute URI starts with `prefix` is read from `directory` + the rest of the URI
  // (e.g. {"http://localhost:1234/", "/usr/share/json-schema-test-suite/remotes"}).
  struct Mapping {
    std::string prefix;
    std::string directory;
  };
  std::vector<Mapping> mappings;
  // A $ref that resolves to a relative path (no scheme) is read from this directory when non-empty.
  std::string base_directory;
  // Largest schema file a $ref may read (a FIFO, device or directory is never read).
  uint64_t max_document_bytes = 64ull << 20;
  // Documents known by URI (embedded schemas), consulted before any file. The draft-07
  // meta-schema (http://json-schema.org/draft-07/schema) is always known.
  std::vector<std::pair<std::string, std::string>> documents;  // {uri, JSON text}
  // Whether "format" is an assertion (date-time, email, hostname, ipv4, ipv6, uri, regex, ...).
  bool validate_formats = true;
  // Instance nesting levels validated; a deeper value gets one "maxDepth" error and is skipped.
  uint32_t max_depth = 512;
};

struct SchemaCompileResult;

class Schema {
 public:
  // Compiles `document` (kept alive inside the Schema). Never throws on bad input.
  static SchemaCompileResult Compile(json::Document document, const SchemaOptions& options = {});

  // All errors of `instance`, ordered by instance position, then keyword, then message.
  // Builds pointers through instance.document().PointerOf, so concurrent calls must not share
  // an instance Document; the Schema itself may be shared between threads.
  std::vector<SchemaError> Validate(json::Value instance) const;
  // Same verdict as Validate(instance).empty(), stopping at the first failure.
  bool IsValid(json::Value instance) const;

  // The root schema document.
  const json::Document& document() const;

  Schema(Schema&&) noexcept;
  Schema& operator=(Schema&&) noexcept;
  ~Schema();

  struct Impl;

 private:
  explicit Schema(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

struct SchemaCompileResult {
  std::optional<Schema> schema;             // set exactly when errors is empty
  std::vector<SchemaCompileError> errors;   // in document order
  bool ok() const { return schema.has_value(); }
};

// The schema embedded at `path` ("schemas/catalog.schema.json"), compiled on first use and shared
// by every caller and thread; nullptr when there is none or it does not compile (a packaging bug
// the tests catch).
const Schema* EmbeddedSchema(std::string_view path);

}  // namespace mcpolicy

#endif  // MCPOLICY_SCHEMA_H_
