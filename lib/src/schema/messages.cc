#include "schema/messages.h"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <utility>

#include "source/utf8.h"
#include "util/suggest.h"
#include "util/text.h"

namespace mcpolicy::schema {
namespace {

using json::Type;
using json::Value;

// Longest rendering of a value inside a message, in code points.
constexpr size_t kRenderLimit = 64;
// Lists of allowed keys or enum values longer than this are summarised, not spelled out.
constexpr size_t kListLimit = 8;

// The first `limit` code points of `s`.
std::string_view Prefix(std::string_view s, size_t limit) {
  size_t count = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && count++ == limit) return s.substr(0, i);
  }
  return s;
}

}  // namespace

std::string Render(Value v) {
  std::string out;
  switch (v.type()) {
    case Type::kString:
    case Type::kKey: {
      std::string_view s = v.as_string();
      std::string_view cut = Prefix(s, kRenderLimit);
      if (cut.size() == s.size()) {
        AppendJsonQuoted(out, s);
      } else {
        AppendJsonQuoted(out, std::string(cut) + "...");
      }
      return out;
    }
    case Type::kNumber: return std::string(v.raw_number());
    case Type::kBool: return v.as_bool() ? "true" : "false";
    case Type::kNull: return "null";
    case Type::kArray:
    case Type::kObject: {
      const json::Document& doc = v.document();
      std::string_view text = std::string_view(doc.text()).substr(
          v.offset(), doc.EndOffset(v.index()) - v.offset());
      std::string_view cut = Prefix(text, kRenderLimit * 2);
      bool space = false;
      for (char c : cut) {  // one line: runs of whitespace become one space
        bool ws = c == ' ' || c == '\n' || c == '\r' || c == '\t';
        if (ws && !space) out.push_back(' ');
        if (!ws) out.push_back(c);
        space = ws;
      }
      if (out.size() > kRenderLimit + 3 || cut.size() < text.size()) {
        out = std::string(Prefix(out, kRenderLimit)) + "...";
      }
      return out;
    }
  }
  return out;
}

std::string Subject(Value v) {
  return v.type() == Type::kKey ? "key " + Render(v) : Render(v);
}

std::string TypeList(uint8_t bits) {
  if (bits & kNumberBit) bits &= static_cast<uint8_t>(~kIntegerBit);  // integers are numbers
  static const std::pair<uint8_t, std::string_view> kOrder[] = {
      {kStringBit, "string"}, {kNumberBit, "number"},  {kIntegerBit, "integer"},
      {kBooleanBit, "boolean"}, {kObjectBit, "object"}, {kArrayBit, "array"},
      {kNullBit, "null"}};
  std::vector<std::string_view> names;
  for (const auto& [bit, name] : kOrder) {
    if (bits & bit) names.push_back(name);
  }
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += names[i];
  }
  return out;
}

namespace {

std::string_view InstanceType(Value v) {
  return v.type() == Type::kKey ? "string" : json::TypeName(v.type());
}

std::string CommaList(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ", ";
    out += items[i];
  }
  return out;
}

Emitted& Add(Errors* out, uint32_t s, Value v, uint32_t depth, std::string_view keyword,
             std::string message) {
  Emitted& e = out->emplace_back();
  e.node = v.index();
  e.depth = depth;
  e.schema = s;
  e.keyword = keyword;
  e.path_suffix = "/" + std::string(keyword);
  e.message = std::move(message);
  return e;
}

}  // namespace

void ReportFalse(Errors* out, uint32_t s, Value v, uint32_t depth) {
  Emitted& e = Add(out, s, v, depth, "false", "no value is allowed here");
  e.path_suffix.clear();
  e.offending = Render(v);
}

void ReportGuard(Errors* out, uint32_t s, Value v, uint32_t depth, bool too_deep,
                 uint32_t max_depth) {
  Emitted& e =
      too_deep ? Add(out, s, v, depth, "maxDepth",
                     "nesting deeper than " + std::to_string(max_depth) + " levels is not validated")
               : Add(out, s, v, depth, "$ref",
                     "schema recursion deeper than " + std::to_string(kMaxFrames) +
                         " steps is not validated");
  e.path_suffix.clear();
}

void ReportSteps(Errors* out, uint32_t s, Value v, uint32_t depth) {
  Emitted& e = Add(out, s, v, depth, "maxSteps",
                   "validation stopped here: the schema applies too many subschemas to this "
                   "value");
  e.path_suffix.clear();
}

void ReportType(Errors* out, const Node& n, uint32_t s, Value v, uint32_t depth) {
  std::string found(InstanceType(v));
  // 1e400 is not "a number that is not an integer": it is beyond what any double holds.
  if (v.is_number() && !std::isfinite(v.as_number())) {
    found = Render(v) + ", a number too large to represent";
  }
  Emitted& e = Add(out, s, v, depth, "type", "expected " + TypeList(n.types) + ", found " + found);
  e.expected_types = n.types;
  e.offending = Render(v);
}

void ReportEnum(Errors* out, const Compiled& c, const Node& n, uint32_t s, Value v,
                uint32_t depth) {
  const EnumSet& set = c.enums[n.enum_set];
  std::vector<std::string> rendered;
  std::vector<std::string_view> strings;
  for (Value e : set.values) {
    rendered.push_back(Render(e));
    if (e.is_string()) strings.push_back(e.as_string());
  }
  std::string message;
  if (rendered.size() == 1) {
    message = "expected " + rendered[0] + ", found " + Subject(v);
  } else if (rendered.size() <= kListLimit) {
    message = Subject(v) + " is not one of " + CommaList(rendered);
  } else {
    message = Subject(v) + " is not one of the " + std::to_string(rendered.size()) +
              " allowed values";
  }
  if (v.type() == Type::kString || v.type() == Type::kKey) {
    std::string hint = Suggest(v.as_string(), strings);
    if (!hint.empty()) {
      message += "; did you mean ";
      AppendJsonQuoted(message, hint);
      message += "?";
    }
  }
  Emitted& e = Add(out, s, v, depth, "enum", std::move(message));
  e.candidates = std::move(rendered);
  e.offending = Render(v);
}

void ReportConst(Errors* out, const Node& n, uint32_t s, Value v, uint32_t depth) {
  Emitted& e =
      Add(out, s, v, depth, "const", "expected " + Render(n.const_value) + ", found " + Subject(v));
  e.offending = Render(v);
  e.candidates.push_back(Render(n.const_value));
}

void ReportBound(Errors* out, const Compiled& c, const Node& n, uint32_t s, Value v,
                 uint32_t depth, std::string_view keyword) {
  std::string_view relation = keyword == "minimum"            ? ">="
                              : keyword == "maximum"          ? "<="
                              : keyword == "exclusiveMinimum" ? ">"
                              : keyword == "exclusiveMaximum" ? "<"
                                                              : "a multiple of";
  Value limit = Value(c.docs[n.doc].get(), n.source).Find(keyword);
  Emitted& e = Add(out, s, v, depth, keyword,
                   "must be " + std::string(relation) + " " + std::string(limit.raw_number()) +
                       ", found " + std::string(v.raw_number()));
  e.offending = v.raw_number();
}

void ReportCount(Errors* out, uint32_t s, Value v, uint32_t depth, std::string_view keyword,
                 uint64_t limit, uint64_t found) {
  std::string_view noun = keyword.ends_with("Length") ? "character"
                          : keyword.ends_with("Items") ? "item"
                                                       : "key";
  std::string message = (keyword.starts_with("min") ? "must have at least " : "must have at most ") +
                        Plural(limit, noun) + ", found " + std::to_string(found);
  if (noun == "character") {  // "must be at most 3 characters long, found 4"
    message = (keyword.starts_with("min") ? "must be at least " : "must be at most ") +
              Plural(limit, noun) + " long, found " + std::to_string(found);
  }
  Emitted& e = Add(out, s, v, depth, keyword, std::move(message));
  if (noun == "character") e.offending = Render(v);
}

void ReportPattern(Errors* out, const Compiled& c, uint32_t s, Value v, uint32_t depth,
                   uint32_t regex) {
  Emitted& e = Add(out, s, v, depth, "pattern",
                   Subject(v) + " does not match pattern " + c.regex_sources[regex]);
  e.offending = Render(v);
}

void ReportFormat(Errors* out, const Node& n, uint32_t s, Value v, uint32_t depth) {
  Emitted& e = Add(out, s, v, depth, "format",
                   Subject(v) + " is not a valid " + std::string(FormatName(n.format)));
  e.offending = Render(v);
}

void ReportExtraItem(Errors* out, uint32_t s, Value item, uint32_t depth, uint32_t index,
                     size_t allowed) {
  Emitted& e = Add(out, s, item, depth, "additionalItems",
                   "unexpected item at index " + std::to_string(index) +
                       "; the array may hold at most " + Plural(allowed, "item"));
  e.offending = Render(item);
}

void ReportContains(Errors* out, uint32_t s, Value array, uint32_t depth) {
  Add(out, s, array, depth, "contains",
      array.size() == 0
          ? "must contain an item matching the \"contains\" schema, found an empty array"
          : "no item matches the \"contains\" schema");
}

void ReportDuplicate(Errors* out, uint32_t s, Value item, uint32_t depth, uint32_t index,
                     uint32_t first) {
  Emitted& e = Add(out, s, item, depth, "uniqueItems",
                   "item " + std::to_string(index) + " duplicates item " + std::to_string(first) +
                       "; items must be unique");
  e.offending = Render(item);
}

void ReportForbiddenKey(Errors* out, uint32_t s, Value key, uint32_t depth) {
  Emitted& e = Add(out, s, key, depth, "false", "key " + Render(key) + " is not allowed");
  e.path_suffix.clear();
  e.offending = std::string(key.as_string());
}

void ReportUnknownKey(Errors* out, const Compiled& c, const Node& n, uint32_t s, Value key,
                      uint32_t depth) {
  std::vector<std::string_view> allowed;
  for (const KeyEntry& entry : n.keys.entries()) {
    if (entry.schema == kNone) continue;
    const Node& target = c.nodes[entry.schema].ref != kNone ? c.nodes[c.nodes[entry.schema].ref]
                                                             : c.nodes[entry.schema];
    if (target.kind != Node::Kind::kFalse) allowed.push_back(entry.name);
  }
  std::string message = "unknown key " + Render(key);
  std::string hint = Suggest(key.as_string(), allowed);
  std::vector<std::string> rendered;
  for (std::string_view name : allowed) {
    rendered.emplace_back();
    AppendJsonQuoted(rendered.back(), name);
  }
  std::vector<std::string> patterns;
  for (const PatternProperty& p : n.pattern_properties) patterns.push_back(c.regex_sources[p.regex]);
  if (!hint.empty()) {
    message += "; did you mean ";
    AppendJsonQuoted(message, hint);
    message += "?";
  } else if (allowed.empty() && patterns.empty()) {
    message += "; no keys are allowed here";
  } else if (rendered.size() <= kListLimit && patterns.size() <= 2) {
    std::string matching;
    for (size_t i = 0; i < patterns.size(); ++i) matching += (i > 0 ? " or " : "") + patterns[i];
    if (patterns.empty()) {
      message += rendered.size() == 1 ? "; the only allowed key is " + rendered[0]
                                      : "; allowed keys are " + CommaList(rendered);
    } else if (rendered.empty()) {
      message += "; allowed keys must match " + matching;
    } else {
      message += "; allowed keys are " + CommaList(rendered) + " and keys matching " + matching;
    }
  }
  Emitted& e = Add(out, s, key, depth, "additionalProperties", std::move(message));
  e.candidates = std::move(rendered);
  e.offending = std::string(key.as_string());
}

void ReportMissing(Errors* out, uint32_t s, Value object, uint32_t depth, std::string_view name) {
  Emitted& e = Add(out, s, object, depth, "required", "missing required key ");
  AppendJsonQuoted(e.message, name);
  e.offending = std::string(name);
}

void ReportDependency(Errors* out, const Compiled& c, uint32_t s, Value object, uint32_t depth,
                      const Dependency& d, std::string_view needed) {
  Value key = object;  // the caret goes on the key that brings the dependency
  for (const json::Member& m : object.members()) {
    if (m.name() == d.key) key = m.key;
  }
  Emitted& e = Add(out, s, key, depth + 1, "dependencies", "key ");
  AppendJsonQuoted(e.message, d.key);
  e.message += " requires key ";
  AppendJsonQuoted(e.message, needed);
  e.path_suffix = d.path.substr(c.nodes[s].path.size());  // d.path extends the node's path
  e.offending = std::string(needed);
}

void ReportNot(Errors* out, uint32_t s, Value v, uint32_t depth) {
  Emitted& e = Add(out, s, v, depth, "not", "must not match the \"not\" schema");
  e.offending = Render(v);
}

void ReportManyMatches(Errors* out, uint32_t s, Value v, uint32_t depth,
                       const std::vector<uint32_t>& matched) {
  std::string list;
  for (size_t k = 0; k < matched.size(); ++k) {
    if (k > 0) list += k + 1 == matched.size() ? " and " : ", ";
    list += std::to_string(matched[k]);
  }
  Add(out, s, v, depth, "oneOf",
      "matches oneOf alternatives " + list + ", but exactly one must match");
}

void ReportClosest(uint32_t s, std::string_view keyword, Value v, uint32_t depth,
                   std::vector<Errors>& branches, Errors* out) {
  struct Rank {
    bool root_mismatch = false;
    size_t const_misses = 0;
    size_t count = 0;
    uint32_t deepest = 0;
  };
  std::vector<Rank> ranks(branches.size());
  uint8_t merged_types = 0;
  bool all_mismatch = true;
  for (size_t i = 0; i < branches.size(); ++i) {
    Rank& r = ranks[i];
    for (const Emitted& e : branches[i]) {
      if (e.node == v.index() && (e.keyword == "type" || e.keyword == "false")) {
        r.root_mismatch = true;
        merged_types |= e.expected_types;
      }
      if (e.keyword == "const" || (e.keyword == "enum" && e.candidates.size() == 1)) {
        ++r.const_misses;
      }
      r.deepest = std::max(r.deepest, e.depth);
    }
    r.count = branches[i].size();
    all_mismatch = all_mismatch && r.root_mismatch;
  }
  if (all_mismatch) {
    Emitted& e = merged_types != 0
                     ? Add(out, s, v, depth, "type",
                           "expected " + TypeList(merged_types) + ", found " +
                               std::string(InstanceType(v)))
                     : Add(out, s, v, depth, keyword,
                           "matches none of the " + std::string(keyword) + " alternatives");
    e.path_suffix = "/" + std::string(keyword);
    e.expected_types = merged_types;
    e.offending = Render(v);
    return;
  }
  auto key = [&](size_t i) {
    const Rank& r = ranks[i];
    return std::make_tuple(r.root_mismatch, r.const_misses, r.count, -int64_t{r.deepest}, i);
  };
  size_t best = 0;
  for (size_t i = 1; i < branches.size(); ++i) {
    if (key(i) < key(best)) best = i;
  }
  if (branches[best].empty()) {  // cannot happen: a failing check always reports
    Add(out, s, v, depth, keyword, "matches none of the " + std::string(keyword) + " alternatives");
    return;
  }
  for (Emitted& e : branches[best]) out->push_back(std::move(e));
}

std::vector<SchemaError> Finalize(const Compiled& compiled, const json::Document& instance,
                                  Errors errors) {
  auto order = [](const Emitted& a, const Emitted& b) {
    return std::tie(a.node, a.keyword, a.message) < std::tie(b.node, b.keyword, b.message);
  };
  std::stable_sort(errors.begin(), errors.end(), order);
  errors.erase(std::unique(errors.begin(), errors.end(),
                           [&](const Emitted& a, const Emitted& b) { return !order(a, b); }),
               errors.end());
  std::vector<SchemaError> result;
  result.reserve(errors.size());
  for (Emitted& e : errors) {
    SchemaError r;
    r.node = e.node;
    r.pointer = instance.PointerOf(e.node);
    r.keyword = std::string(e.keyword);
    r.schema_path = compiled.nodes[e.schema].path + e.path_suffix;
    r.message = std::move(e.message);
    r.candidates = std::move(e.candidates);
    r.offending = std::move(e.offending);
    result.push_back(std::move(r));
  }
  return result;
}

}  // namespace mcpolicy::schema
