// $id and $ref: which schema a reference names, loading the documents it needs on demand.
#include <algorithm>
#include <utility>

#include "mcpolicy/io.h"
#include "schema/compiler.h"
#include "schema/uri.h"
#include "util/text.h"

namespace mcpolicy::schema {
namespace {

using json::Value;

constexpr std::string_view kDraft07Uri = "http://json-schema.org/draft-07/schema";

// Calls fn(sub) for every subschema `schema` holds under a draft-07 keyword.
template <typename Fn>
void ForEachSubschema(Value schema, Fn fn) {
  for (const auto& m : schema.members()) {
    std::string_view k = m.name();
    Value v = m.value;
    if (k == "items" || k == "additionalItems" || k == "contains" || k == "additionalProperties" ||
        k == "propertyNames" || k == "not" || k == "if" || k == "then" || k == "else") {
      if (v.is_object()) fn(v);
      if (v.is_array() && k == "items") {
        for (Value e : v.elements()) fn(e);
      }
    } else if (k == "allOf" || k == "anyOf" || k == "oneOf") {
      if (v.is_array()) {
        for (Value e : v.elements()) fn(e);
      }
    } else if (k == "properties" || k == "patternProperties" || k == "definitions" ||
               k == "dependencies") {
      if (v.is_object()) {
        for (const auto& p : v.members()) fn(p.value);
      }
    }
  }
}

// Reads a $ref's file as every input is read: a FIFO or device named by a $ref must not block.
bool ReadFile(const std::string& path, uint64_t max_bytes, std::string* text, std::string* error) {
  ReadResult read = ReadInput(path, max_bytes);
  if (!read.ok) {
    *error = read.error;
    return false;
  }
  *text = std::move(read.data);
  return true;
}

std::string JoinPath(std::string_view dir, std::string_view rest) {
  std::string out(dir);
  if (!out.empty() && out.back() != '/') out.push_back('/');
  while (rest.starts_with("/")) rest.remove_prefix(1);
  out.append(rest);
  return out;
}

}  // namespace

std::string ApplyId(const std::string& base, Value schema) {
  if (!schema.is_object() || schema.Find("$ref").valid()) return base;  // $ref hides siblings
  Value id = schema.Find("$id");
  if (!id.is_string() || id.as_string().starts_with("#")) return base;
  return std::string(StripFragment(ResolveUri(base, id.as_string())));
}

uint32_t Compiler::AddDocument(std::unique_ptr<json::Document> doc, const std::string& uri) {
  uint32_t index = static_cast<uint32_t>(out_->docs.size());
  out_->docs.push_back(std::move(doc));
  out_->doc_uris.push_back(uri);
  resources_.emplace(uri, Target{index, 0, uri});
  CollectIds(index, Doc(index).root(), uri, 0);
  return index;
}

void Compiler::CollectIds(uint32_t doc, Value schema, const std::string& base, uint32_t depth) {
  if (!schema.is_object() || depth > kMaxSchemaDepth) return;
  std::string own = ApplyId(base, schema);
  Value id = schema.Find("$id");
  if (id.is_string() && !schema.Find("$ref").valid()) {
    std::string resolved = ResolveUri(base, id.as_string());
    std::string_view uri = StripFragment(resolved);
    if (!id.as_string().starts_with("#")) {
      resources_.emplace(std::string(uri), Target{doc, schema.index(), base});
    }
    if (uri.size() + 1 < resolved.size()) {  // a non-empty fragment names a location
      resources_.emplace(resolved, Target{doc, schema.index(), base});
    }
  }
  ForEachSubschema(schema, [&](Value sub) { CollectIds(doc, sub, own, depth + 1); });
}

bool Compiler::LoadDocument(const std::string& uri, std::string* why) {
  std::string text;
  bool found = false;
  for (const auto& [known, content] : options_.documents) {
    if (StripFragment(known) == uri) {
      text = content;
      found = true;
      break;
    }
  }
  if (!found && uri == kDraft07Uri) {
    text = std::string(Draft07MetaSchema());
    found = true;
  }
  std::string path, error;
  for (size_t i = 0; !found && i < options_.mappings.size(); ++i) {
    const auto& m = options_.mappings[i];
    if (!m.prefix.empty() && uri.starts_with(m.prefix)) {
      path = JoinPath(m.directory, std::string_view(uri).substr(m.prefix.size()));
      found = ReadFile(path, options_.max_document_bytes, &text, &error);
    }
  }
  if (!found && !options_.base_directory.empty() && !SplitUri(uri).has_scheme &&
      !uri.empty()) {
    path = JoinPath(options_.base_directory, uri);
    found = ReadFile(path, options_.max_document_bytes, &text, &error);
  }
  if (!found) {
    *why = path.empty() ? "no document is known by that URI" : "cannot read " + error;
    return false;
  }
  json::Document doc = json::Document::Parse(std::move(text));
  if (!doc.ok()) {
    json::Location at = doc.Locate(doc.error()->offset);
    *why = "the document " + JsonQuoted(uri) + " is not valid JSON (" + doc.error()->message +
           " at line " + std::to_string(at.line) + ", column " + std::to_string(at.column) + ")";
    return false;
  }
  AddDocument(std::make_unique<json::Document>(std::move(doc)), uri);
  return true;
}

bool Compiler::WalkPointer(const Target& from, std::string_view pointer, Target* out) const {
  const json::Document& doc = Doc(from.doc);
  Value current(&doc, from.node);
  std::string base = from.base;
  size_t pos = 0;
  while (pos < pointer.size()) {
    if (pointer[pos] != '/') return false;
    size_t slash = pointer.find('/', pos + 1);
    if (slash == std::string_view::npos) slash = pointer.size();
    std::string token;
    for (size_t k = pos + 1; k < slash; ++k) {
      if (pointer[k] == '~' && k + 1 < slash && (pointer[k + 1] == '0' || pointer[k + 1] == '1')) {
        token.push_back(pointer[k + 1] == '0' ? '~' : '/');
        ++k;
      } else {
        token.push_back(pointer[k]);
      }
    }
    base = ApplyId(base, current);
    Value next;
    if (current.is_object()) {
      next = current.Find(token);
    } else if (current.is_array() && !token.empty() && token.size() < 10 &&
               token.find_first_not_of("0123456789") == std::string::npos &&
               (token == "0" || token[0] != '0')) {
      uint32_t want = static_cast<uint32_t>(std::stoul(token)), i = 0;
      for (Value e : current.elements()) {
        if (i++ == want) {
          next = e;
          break;
        }
      }
    }
    if (!next.valid()) return false;
    current = next;
    pos = slash;
  }
  *out = Target{from.doc, current.index(), base};
  return true;
}

uint32_t Compiler::ResolveRef(uint32_t doc, Value ref, const std::string& base) {
  std::string resolved = ResolveUri(base, ref.as_string());
  std::string uri(StripFragment(resolved));
  std::string_view raw_fragment;
  if (uri.size() < resolved.size()) raw_fragment = std::string_view(resolved).substr(uri.size() + 1);
  std::string fragment;
  if (!PercentDecode(raw_fragment, &fragment)) {
    Error(doc, ref, "$ref " + JsonQuoted(ref.as_string()) + " has a malformed %-escape");
    return kNone;
  }
  Target target;
  if (!fragment.empty() && fragment[0] != '/') {
    auto it = resources_.find(resolved);
    if (it == resources_.end() && resources_.find(uri) == resources_.end()) {
      std::string why;
      if (!LoadDocument(uri, &why)) {
        Error(doc, ref, "cannot resolve $ref " + JsonQuoted(ref.as_string()) + ": " + why);
        return kNone;
      }
      it = resources_.find(resolved);
    }
    if (it == resources_.end()) {
      Error(doc, ref, "cannot resolve $ref " + JsonQuoted(ref.as_string()) + ": no schema has $id " +
                          JsonQuoted("#" + fragment));
      return kNone;
    }
    target = it->second;
  } else {
    auto it = resources_.find(uri);
    if (it == resources_.end()) {
      std::string why;
      if (!LoadDocument(uri, &why)) {
        Error(doc, ref, "cannot resolve $ref " + JsonQuoted(ref.as_string()) + ": " + why);
        return kNone;
      }
      it = resources_.find(uri);
    }
    if (!WalkPointer(it->second, fragment, &target)) {
      Error(doc, ref, "$ref " + JsonQuoted(ref.as_string()) + " points to nothing");
      return kNone;
    }
  }
  Value v(&Doc(target.doc), target.node);
  if (!v.is_object() && !v.is_bool()) {
    Error(doc, ref, "$ref " + JsonQuoted(ref.as_string()) + " points to a " +
                        std::string(TypeName(v.type())) + ", not a schema");
    return kNone;
  }
  return CompileSchema(target.doc, target.node, target.base);
}

void Compiler::CollapseRefChains() {
  // First break every cycle of pure $refs (reported once, at its earliest node); afterwards a
  // node's ref names a node without a ref, so validation takes one hop.
  std::vector<Node>& nodes = out_->nodes;
  for (uint32_t i = 0; i < nodes.size(); ++i) {
    uint32_t j = i;
    for (size_t steps = 0; nodes[j].ref != kNone && steps <= nodes.size(); ++steps) j = nodes[j].ref;
    if (nodes[j].ref == kNone) continue;
    uint32_t first = j;  // j is on the cycle: find its earliest member
    for (uint32_t k = nodes[j].ref; k != j; k = nodes[k].ref) first = std::min(first, k);
    Value ref = Value(&Doc(nodes[first].doc), nodes[first].source).Find("$ref");
    Error(nodes[first].doc, ref, "$ref " + JsonQuoted(ref.as_string()) +
                                     " is part of a cycle of $refs that never reaches a schema");
    nodes[first].ref = kNone;
  }
  for (uint32_t i = 0; i < nodes.size(); ++i) {
    uint32_t j = i;
    while (nodes[j].ref != kNone) j = nodes[j].ref;
    if (j != i) nodes[i].ref = j;
  }
}

}  // namespace mcpolicy::schema
