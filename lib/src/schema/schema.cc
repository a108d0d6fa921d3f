// Schema's public entry points: compile through Compiler, validate through Validator.
#include "mcpolicy/schema.h"

#include <utility>

#include "schema/compiled.h"
#include "schema/compiler.h"
#include "schema/validator.h"

namespace mcpolicy {

Schema::Schema(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Schema::Schema(Schema&&) noexcept = default;
Schema& Schema::operator=(Schema&&) noexcept = default;
Schema::~Schema() = default;

SchemaCompileResult Schema::Compile(json::Document document, const SchemaOptions& options) {
  auto impl = std::make_unique<Impl>();
  SchemaCompileResult result;
  schema::Compiler compiler(impl.get(), options);
  result.errors = compiler.Run(std::move(document));
  if (result.errors.empty()) result.schema.emplace(Schema(std::move(impl)));
  return result;
}

std::vector<SchemaError> Schema::Validate(json::Value instance) const {
  schema::Errors errors;
  schema::Validator validator(*impl_, instance);
  validator.Check(impl_->root, instance, 0, &errors);
  return schema::Finalize(*impl_, instance.document(), std::move(errors));
}

bool Schema::IsValid(json::Value instance) const {
  schema::Validator validator(*impl_, instance);
  return validator.Check(impl_->root, instance, 0, nullptr);
}

const json::Document& Schema::document() const { return *impl_->docs[0]; }

}  // namespace mcpolicy
