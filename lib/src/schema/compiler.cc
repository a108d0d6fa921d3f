// Keyword compilation: each draft-07 keyword is checked for the right JSON type and stored in the
// compact form the validator reads.
#include "schema/compiler.h"

#include <algorithm>
#include <utility>

#include "schema/equality.h"
#include "schema/regex.h"
#include "schema/uri.h"
#include "util/suggest.h"
#include "util/text.h"

namespace mcpolicy::schema {
namespace {

using json::Type;
using json::Value;

// An "enum" with more values than this gets a hash index.
constexpr size_t kEnumLinearLimit = 8;

uint8_t TypeBit(std::string_view name) {
  if (name == "null") return kNullBit;
  if (name == "boolean") return kBooleanBit;
  if (name == "integer") return kIntegerBit;
  if (name == "number") return kNumberBit;
  if (name == "string") return kStringBit;
  if (name == "array") return kArrayBit;
  if (name == "object") return kObjectBit;
  return 0;
}

bool NonNegativeInteger(Value v, uint64_t* out) {
  if (!v.is_number() || !v.is_integer() || v.as_number() < 0) return false;
  double d = v.as_number();
  *out = d >= 1.8e19 ? UINT64_MAX : static_cast<uint64_t>(d);
  return true;
}

bool IsSchemaValue(Value v) { return v.is_object() || v.is_bool(); }

}  // namespace

void Compiler::Error(uint32_t doc, Value at, std::string message) {
  SchemaCompileError e;
  e.source = out_->doc_uris[doc];
  e.offset = at.offset();
  e.location = Doc(doc).Locate(e.offset);
  e.schema_path = e.source + "#" + Doc(doc).PointerOf(at.index());
  e.message = std::move(message);
  errors_.push_back(std::move(e));
}

std::vector<SchemaCompileError> Compiler::Run(json::Document root) {
  if (!root.ok()) {
    SchemaCompileError e;
    e.offset = root.error()->offset;
    e.location = root.Locate(e.offset);
    e.message = "the schema is not valid JSON: " + root.error()->message;
    return {e};
  }
  std::string base(StripFragment(options_.base_uri));
  AddDocument(std::make_unique<json::Document>(std::move(root)), base);
  out_->max_depth = options_.max_depth;
  out_->root = CompileSchema(0, 0, base);
  CollapseRefChains();
  std::stable_sort(errors_.begin(), errors_.end(), [](const auto& a, const auto& b) {
    if (a.source != b.source) return a.source.empty() && !b.source.empty();
    return a.offset < b.offset;
  });
  return std::move(errors_);
}

uint32_t Compiler::CompileSchema(uint32_t doc, uint32_t node, const std::string& inherited_base) {
  uint64_t key = (uint64_t{doc} << 32) | node;
  if (auto it = compiled_.find(key); it != compiled_.end()) return it->second;
  Value v(&Doc(doc), node);
  uint32_t index = static_cast<uint32_t>(out_->nodes.size());
  out_->nodes.emplace_back();
  Node n;
  n.doc = doc;
  n.source = node;
  n.path = out_->doc_uris[doc] + "#" + Doc(doc).PointerOf(node);
  if (depth_ >= kMaxSchemaDepth) {
    Error(doc, v, "schema nesting deeper than " + std::to_string(kMaxSchemaDepth) +
                      " levels is not supported");
    out_->nodes[index] = std::move(n);
    return index;  // not cached: every deep spot gets reported once
  }
  compiled_[key] = index;
  ++depth_;
  if (v.is_bool()) {
    n.kind = v.as_bool() ? Node::Kind::kTrue : Node::Kind::kFalse;
  } else if (v.is_object()) {
    n.kind = Node::Kind::kObject;
    std::string base = ApplyId(inherited_base, v);
    Value ref = v.Find("$ref");
    if (ref.valid()) {
      if (ref.is_string()) {
        n.ref = ResolveRef(doc, ref, base);
      } else {
        Error(doc, ref, "\"$ref\" must be a string, found " + std::string(TypeName(ref.type())));
      }
    } else {
      CompileKeywords(doc, v, base, &n);
    }
  } else {
    Error(doc, v, "a schema must be an object or a boolean, found " +
                      std::string(TypeName(v.type())));
  }
  --depth_;
  out_->nodes[index] = std::move(n);
  return index;
}

uint32_t Compiler::Subschema(uint32_t doc, Value sub, const std::string& base) {
  if (!IsSchemaValue(sub)) {
    Error(doc, sub, "expected a schema (an object or a boolean), found " +
                        std::string(TypeName(sub.type())));
    return kNone;
  }
  return CompileSchema(doc, sub.index(), base);
}

bool Compiler::SubschemaList(uint32_t doc, Value list, const std::string& base,
                             std::vector<uint32_t>* out) {
  if (!list.is_array() || list.size() == 0) {
    Error(doc, list, "expected a non-empty array of schemas");
    return false;
  }
  for (Value e : list.elements()) {
    uint32_t s = Subschema(doc, e, base);
    if (s == kNone) return false;
    out->push_back(s);
  }
  return true;
}

uint32_t Compiler::AddRegex(uint32_t doc, Value at, std::string_view pattern) {
  std::string error;
  std::unique_ptr<RE2> re = CompileEcmaRegex(pattern, &error);
  if (!re) {
    Error(doc, at, error);
    return kNone;
  }
  out_->regexes.push_back(std::move(re));
  out_->regex_sources.emplace_back(pattern);
  return static_cast<uint32_t>(out_->regexes.size() - 1);
}

void Compiler::CompileKeywords(uint32_t doc, Value schema, const std::string& base, Node* n) {
  int32_t next_bit = 0;
  auto track = [&](std::string_view name) {
    KeyEntry& e = n->keys.Add(name);
    if (e.bit < 0 && next_bit < 64) e.bit = next_bit++;
    return e.bit;
  };
  auto number = [&](Value v, uint64_t flag, double* slot) {
    if (!v.is_number()) {
      Error(doc, v, "expected a number, found " + std::string(TypeName(v.type())));
      return;
    }
    *slot = v.as_number();
    n->flags |= flag;
  };
  auto count = [&](Value v, std::string_view keyword, uint64_t flag, uint64_t* slot) {
    if (!NonNegativeInteger(v, slot)) {
      Error(doc, v, JsonQuoted(keyword) + " must be a non-negative integer");
      return;
    }
    n->flags |= flag;
  };
  auto single = [&](Value v, uint64_t flag, uint32_t* slot) {
    uint32_t s = Subschema(doc, v, base);
    if (s == kNone) return;
    *slot = s;
    n->flags |= flag;
  };

  for (const auto& m : schema.members()) {
    std::string_view k = m.name();
    Value v = m.value;
    if (k == "type") {
      if (v.is_string()) {
        n->types = TypeBit(v.as_string());
        if (n->types == 0) {
          std::string hint = Suggest(v.as_string(), {"null", "boolean", "integer", "number",
                                                     "string", "array", "object"});
          Error(doc, v, "unknown type " + JsonQuoted(v.as_string()) +
                            (hint.empty() ? "" : "; did you mean " + JsonQuoted(hint) + "?"));
        }
      } else if (v.is_array() && v.size() > 0) {
        for (Value t : v.elements()) {
          uint8_t bit = t.is_string() ? TypeBit(t.as_string()) : 0;
          if (bit == 0) Error(doc, t, "\"type\" entries must be JSON Schema type names");
          n->types |= bit;
        }
      } else {
        Error(doc, v, "\"type\" must be a type name or a non-empty array of type names");
      }
    } else if (k == "enum") {
      if (!v.is_array()) {
        Error(doc, v, "\"enum\" must be an array");
        continue;
      }
      EnumSet set;
      set.all_strings = true;
      for (Value e : v.elements()) {
        set.values.push_back(e);
        if (e.is_string()) set.strings.push_back(e.as_string());
        set.all_strings = set.all_strings && e.is_string();
      }
      if (set.values.size() > kEnumLinearLimit) {
        for (uint32_t i = 0; i < set.values.size(); ++i) {
          set.by_hash.emplace_back(JsonHash(set.values[i]), i);
        }
        std::sort(set.by_hash.begin(), set.by_hash.end());
      }
      out_->enums.push_back(std::move(set));
      n->enum_set = static_cast<uint32_t>(out_->enums.size() - 1);
      n->flags |= kHasEnum;
    } else if (k == "const") {
      n->const_value = v;
      n->flags |= kHasConst;
    } else if (k == "multipleOf") {
      if (!v.is_number() || v.as_number() <= 0) {
        Error(doc, v, "\"multipleOf\" must be a number greater than 0");
        continue;
      }
      number(v, kHasMultipleOf, &n->multiple_of);
    } else if (k == "maximum") {
      number(v, kHasMaximum, &n->maximum);
    } else if (k == "exclusiveMaximum") {
      number(v, kHasExclusiveMaximum, &n->exclusive_maximum);
    } else if (k == "minimum") {
      number(v, kHasMinimum, &n->minimum);
    } else if (k == "exclusiveMinimum") {
      number(v, kHasExclusiveMinimum, &n->exclusive_minimum);
    } else if (k == "maxLength") {
      count(v, k, kHasMaxLength, &n->max_length);
    } else if (k == "minLength") {
      count(v, k, kHasMinLength, &n->min_length);
    } else if (k == "maxItems") {
      count(v, k, kHasMaxItems, &n->max_items);
    } else if (k == "minItems") {
      count(v, k, kHasMinItems, &n->min_items);
    } else if (k == "maxProperties") {
      count(v, k, kHasMaxProperties, &n->max_properties);
    } else if (k == "minProperties") {
      count(v, k, kHasMinProperties, &n->min_properties);
    } else if (k == "pattern") {
      if (!v.is_string()) {
        Error(doc, v, "\"pattern\" must be a string");
        continue;
      }
      n->pattern = AddRegex(doc, v, v.as_string());
      if (n->pattern != kNone) n->flags |= kHasPattern;
    } else if (k == "format") {
      if (!v.is_string()) {
        Error(doc, v, "\"format\" must be a string");
        continue;
      }
      n->format = FormatFromName(v.as_string());
      if (n->format != Format::kNone && options_.validate_formats) n->flags |= kHasFormat;
    } else if (k == "items") {
      if (v.is_array()) {
        bool ok = true;
        for (Value e : v.elements()) {
          uint32_t s = Subschema(doc, e, base);
          ok = ok && s != kNone;
          n->item_list.push_back(s);
        }
        if (ok) n->flags |= kHasItemList;
      } else {
        single(v, kHasItems, &n->items);
      }
    } else if (k == "additionalItems") {
      n->additional_items = Subschema(doc, v, base);
    } else if (k == "contains") {
      single(v, kHasContains, &n->contains);
    } else if (k == "uniqueItems") {
      if (!v.is_bool()) {
        Error(doc, v, "\"uniqueItems\" must be a boolean");
        continue;
      }
      n->unique_items = v.as_bool();
      if (n->unique_items) n->flags |= kHasUniqueItems;
    } else if (k == "required") {
      if (!v.is_array()) {
        Error(doc, v, "\"required\" must be an array of strings");
        continue;
      }
      for (Value e : v.elements()) {
        if (!e.is_string()) {
          Error(doc, e, "\"required\" entries must be strings");
          continue;
        }
        n->required.push_back(RequiredKey{e.as_string(), track(e.as_string())});
      }
      n->flags |= kHasRequired;
    } else if (k == "properties" || k == "patternProperties" || k == "definitions") {
      if (!v.is_object()) {
        Error(doc, v, JsonQuoted(k) + " must be an object");
        continue;
      }
      for (const auto& p : v.members()) {
        uint32_t s = Subschema(doc, p.value, base);
        if (s == kNone) continue;
        if (k == "properties") {
          n->keys.Add(p.name()).schema = s;
          n->flags |= kHasProperties;
        } else if (k == "patternProperties") {
          uint32_t re = AddRegex(doc, p.key, p.name());
          if (re == kNone) continue;
          n->pattern_properties.push_back(PatternProperty{re, s});
          n->flags |= kHasPatternProperties;
        }
      }
    } else if (k == "additionalProperties") {
      single(v, kHasAdditionalProperties, &n->additional_properties);
    } else if (k == "dependencies") {
      if (!v.is_object()) {
        Error(doc, v, "\"dependencies\" must be an object");
        continue;
      }
      for (const auto& p : v.members()) {
        Dependency d;
        d.key = p.name();
        d.path = out_->doc_uris[doc] + "#" + Doc(doc).PointerOf(p.value.index());
        if (p.value.is_array()) {
          bool ok = true;
          for (Value e : p.value.elements()) {
            if (!e.is_string()) {
              Error(doc, e, "\"dependencies\" arrays must hold strings");
              ok = false;
              break;
            }
            d.required.push_back(e.as_string());
          }
          if (!ok) continue;
        } else {
          d.schema = Subschema(doc, p.value, base);
          if (d.schema == kNone) continue;
        }
        d.bit = track(d.key);
        n->dependencies.push_back(std::move(d));
        n->flags |= kHasDependencies;
      }
    } else if (k == "propertyNames") {
      single(v, kHasPropertyNames, &n->property_names);
    } else if (k == "allOf") {
      if (SubschemaList(doc, v, base, &n->all_of)) n->flags |= kHasAllOf;
    } else if (k == "anyOf") {
      if (SubschemaList(doc, v, base, &n->any_of)) n->flags |= kHasAnyOf;
    } else if (k == "oneOf") {
      if (SubschemaList(doc, v, base, &n->one_of)) n->flags |= kHasOneOf;
    } else if (k == "not") {
      single(v, kHasNot, &n->not_schema);
    } else if (k == "if") {
      single(v, kHasIf, &n->if_schema);
    } else if (k == "then") {
      n->then_schema = Subschema(doc, v, base);
    } else if (k == "else") {
      n->else_schema = Subschema(doc, v, base);
    } else if (k == "$id" || k == "$schema" || k == "$comment") {
      if (!v.is_string()) Error(doc, v, JsonQuoted(k) + " must be a string");
    }
    // Other keywords (title, description, default, examples, content*, ...) only annotate.
  }
  // "additionalItems" only applies after an "items" array.
  if (!(n->flags & kHasItemList)) n->additional_items = kNone;
}

}  // namespace mcpolicy::schema
