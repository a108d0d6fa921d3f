#include "schema/validator.h"

#include <algorithm>
#include <cmath>

#include "schema/equality.h"
#include "schema/formats.h"
#include "schema/messages.h"
#include "schema/tape.h"
#include "source/utf8.h"

namespace mcpolicy::schema {
namespace {

using json::Type;
using json::Value;

// Up to this many items, uniqueItems compares pairs instead of hashing.
constexpr uint32_t kPairwiseUniqueLimit = 16;

uint8_t InstanceBits(const json::Node& node) {
  switch (node.type) {
    case Type::kNull: return kNullBit;
    case Type::kBool: return kBooleanBit;
    case Type::kNumber: return IsIntegerNode(node) ? (kIntegerBit | kNumberBit) : kNumberBit;
    case Type::kString:
    case Type::kKey: return kStringBit;
    case Type::kArray: return kArrayBit;
    case Type::kObject: return kObjectBit;
  }
  return 0;
}

bool IsMultiple(double x, double m) {
  if (x == 0) return true;
  if (std::floor(x) == x && std::floor(m) == m && std::fabs(x) < 9e15 && m < 9e15) {
    return std::fmod(x, m) == 0;
  }
  double q = x / m;
  if (!std::isfinite(q)) return std::fmod(x, m) == 0;  // exact, where the quotient overflows
  if (std::fabs(q) >= 9e15) return true;  // no fractional bits left to tell
  return std::fabs(q - std::round(q)) < 1e-9;
}

bool Matches(const RE2& re, std::string_view s) {
  return re.Match(re2::StringPiece(s.data(), s.size()), 0, s.size(), RE2::UNANCHORED, nullptr, 0);
}

struct FrameGuard {
  explicit FrameGuard(uint32_t* frames) : frames_(frames) { ++*frames_; }
  ~FrameGuard() { --*frames_; }
  uint32_t* frames_;
};

std::string Plural(uint64_t count, std::string_view noun) {
  return std::to_string(count) + " " + std::string(noun) + (count == 1 ? "" : "s");
}

}  // namespace

bool Validator::IsFalse(uint32_t schema) const {
  const Node& n = c_.nodes[schema];
  const Node& target = n.ref != kNone ? c_.nodes[n.ref] : n;
  return target.kind == Node::Kind::kFalse;
}

bool Validator::Check(uint32_t s, Value v, uint32_t depth, Errors* out) {
  if (c_.nodes[s].ref != kNone) s = c_.nodes[s].ref;
  const Node& n = c_.nodes[s];
  if (n.kind != Node::Kind::kObject) {
    if (n.kind == Node::Kind::kTrue) return true;
    if (out) {
      Emitted e = MakeError(s, v, depth, "false", "no value is allowed here");
      e.path_suffix.clear();
      e.offending = Render(v);
      out->push_back(std::move(e));
    }
    return false;
  }
  if (depth > c_.max_depth || frames_ >= kMaxFrames) {
    if (out) {
      bool too_deep = depth > c_.max_depth;
      Emitted e = MakeError(s, v, depth, too_deep ? "maxDepth" : "$ref",
                       too_deep ? "nesting deeper than " + std::to_string(c_.max_depth) +
                                      " levels is not validated"
                                : "schema recursion deeper than " + std::to_string(kMaxFrames) +
                                      " steps is not validated");
      e.path_suffix.clear();
      out->push_back(std::move(e));
    }
    return false;
  }
  FrameGuard guard(&frames_);

  const json::Node& node = v.document().nodes()[v.index()];
  if (n.types != 0 && (InstanceBits(node) & n.types) == 0) {
    if (out) out->push_back(TypeError(n, s, v, depth));
    return false;  // the other keywords would only repeat the mismatch
  }
  const uint64_t f = n.flags;
  bool ok = true;
  if ((f & kHasEnum) && !c_.enums[n.enum_set].Contains(v)) {
    if (!out) return false;
    out->push_back(EnumError(c_, n, s, v, depth));
    ok = false;
  }
  if ((f & kHasConst) && !JsonEqual(v, n.const_value)) {
    if (!out) return false;
    Emitted e = MakeError(s, v, depth, "const",
                     "expected " + Render(n.const_value) + ", found " + Subject(v));
    e.offending = Render(v);
    e.candidates.push_back(Render(n.const_value));
    out->push_back(std::move(e));
    ok = false;
  }
  switch (node.type) {
    case Type::kNumber:
      if (f & kNumberKeywords) ok = CheckNumber(n, s, v, depth, out) && ok;
      break;
    case Type::kString:
    case Type::kKey:
      if (f & kStringKeywords) ok = CheckString(n, s, v, depth, out) && ok;
      break;
    case Type::kArray:
      if (f & kArrayKeywords) ok = CheckArray(n, s, v, depth, out) && ok;
      break;
    case Type::kObject:
      if (f & kObjectKeywords) ok = CheckObject(n, s, v, depth, out) && ok;
      break;
    default:
      break;
  }
  if (!ok && !out) return false;
  if (f & kApplicatorKeywords) ok = CheckApplicators(n, s, v, depth, out) && ok;
  return ok;
}

bool Validator::CheckNumber(const Node& n, uint32_t s, Value v, uint32_t depth, Errors* out) {
  const double x = v.as_number();
  bool ok = true;
  auto fail = [&](std::string_view keyword, std::string_view relation) {
    ok = false;
    if (!out) return;
    Value limit = Value(c_.docs[n.doc].get(), n.source).Find(keyword);
    Emitted e = MakeError(s, v, depth, keyword,
                     "must be " + std::string(relation) + " " + std::string(limit.raw_number()) +
                         ", found " + std::string(v.raw_number()));
    e.offending = v.raw_number();
    out->push_back(std::move(e));
  };
  const uint64_t f = n.flags;
  if ((f & kHasMinimum) && !(x >= n.minimum)) fail("minimum", ">=");
  if ((f & kHasMaximum) && !(x <= n.maximum)) fail("maximum", "<=");
  if ((f & kHasExclusiveMinimum) && !(x > n.exclusive_minimum)) fail("exclusiveMinimum", ">");
  if ((f & kHasExclusiveMaximum) && !(x < n.exclusive_maximum)) fail("exclusiveMaximum", "<");
  if ((f & kHasMultipleOf) && !IsMultiple(x, n.multiple_of)) fail("multipleOf", "a multiple of");
  return ok;
}

bool Validator::CheckString(const Node& n, uint32_t s, Value v, uint32_t depth, Errors* out) {
  const std::string_view text = StringOf(v.document(), v.document().nodes()[v.index()]);
  const uint64_t f = n.flags;
  bool ok = true;
  auto fail = [&](std::string_view keyword, std::string message) {
    ok = false;
    if (!out) return;
    Emitted e = MakeError(s, v, depth, keyword, std::move(message));
    e.offending = Render(v);
    out->push_back(std::move(e));
  };
  // A string has at most as many code points as bytes: count only when that cannot decide.
  if ((f & kHasMaxLength) && text.size() > n.max_length) {
    size_t length = utf8::CodePoints(text);
    if (length > n.max_length) {
      fail("maxLength", "must be at most " + Plural(n.max_length, "character") +
                            " long, found " + std::to_string(length));
    }
  }
  if (f & kHasMinLength) {
    size_t length = text.size() < n.min_length ? text.size() : utf8::CodePoints(text);
    if (length < n.min_length) {
      fail("minLength", "must be at least " + Plural(n.min_length, "character") +
                            " long, found " + std::to_string(length));
    }
  }
  if (!ok && !out) return false;
  if ((f & kHasPattern) && !Matches(*c_.regexes[n.pattern], text)) {
    fail("pattern", Subject(v) + " does not match pattern " + c_.regex_sources[n.pattern]);
  }
  if ((f & kHasFormat) && !CheckFormat(n.format, text)) {
    fail("format", Subject(v) + " is not a valid " + std::string(FormatName(n.format)));
  }
  return ok;
}

bool Validator::CheckArray(const Node& n, uint32_t s, Value v, uint32_t depth, Errors* out) {
  const uint64_t f = n.flags;
  const uint32_t size = v.size();
  bool ok = true;
  if ((f & kHasMinItems) && size < n.min_items) {
    if (!out) return false;
    out->push_back(MakeError(s, v, depth, "minItems",
                        "must have at least " + Plural(n.min_items, "item") + ", found " +
                            std::to_string(size)));
    ok = false;
  }
  if ((f & kHasMaxItems) && size > n.max_items) {
    if (!out) return false;
    out->push_back(MakeError(s, v, depth, "maxItems",
                        "must have at most " + Plural(n.max_items, "item") + ", found " +
                            std::to_string(size)));
    ok = false;
  }
  const json::Document& doc = v.document();
  const std::vector<json::Node>& tape = doc.nodes();
  const uint32_t end = tape[v.index()].u.container.end;
  if (f & kHasItems) {
    for (uint32_t k = v.index() + 1; k < end; k = SubtreeEnd(tape[k], k)) {
      ok = Check(n.items, Value(&doc, k), depth + 1, out) && ok;
      if (!ok && !out) return false;
    }
  }
  if (f & kHasItemList) {
    uint32_t i = 0;
    for (uint32_t k = v.index() + 1; k < end; k = SubtreeEnd(tape[k], k)) {
      Value e(&doc, k);
      if (i < n.item_list.size()) {
        ok = Check(n.item_list[i], e, depth + 1, out) && ok;
      } else if (n.additional_items == kNone) {
        break;
      } else if (IsFalse(n.additional_items)) {
        ok = false;
        if (out) {
          Emitted err = MakeError(s, e, depth + 1, "additionalItems",
                             "unexpected item at index " + std::to_string(i) +
                                 "; the array may hold at most " +
                                 Plural(n.item_list.size(), "item"));
          err.offending = Render(e);
          out->push_back(std::move(err));
        }
        break;
      } else {
        ok = Check(n.additional_items, e, depth + 1, out) && ok;
      }
      if (!ok && !out) return false;
      ++i;
    }
  }
  if (f & kHasContains) {
    bool found = false;
    for (Value e : v.elements()) {
      if (Check(n.contains, e, depth + 1, nullptr)) {
        found = true;
        break;
      }
    }
    if (!found) {
      if (!out) return false;
      out->push_back(MakeError(s, v, depth, "contains",
                          size == 0 ? "must contain an item matching the \"contains\" schema, "
                                      "found an empty array"
                                    : "no item matches the \"contains\" schema"));
      ok = false;
    }
  }
  if ((f & kHasUniqueItems) && size > 1) ok = CheckUnique(n, s, v, depth, out) && ok;
  return ok;
}

bool Validator::CheckUnique(const Node& n, uint32_t s, Value v, uint32_t depth, Errors* out) {
  (void)n;
  bool ok = true;
  auto duplicate = [&](Value later, uint32_t later_index, uint32_t first_index) {
    ok = false;
    if (!out) return;
    Emitted e = MakeError(s, later, depth + 1, "uniqueItems",
                     "item " + std::to_string(later_index) + " duplicates item " +
                         std::to_string(first_index) + "; items must be unique");
    e.offending = Render(later);
    out->push_back(std::move(e));
  };
  if (v.size() <= kPairwiseUniqueLimit) {
    uint32_t j = 0;
    for (Value b : v.elements()) {
      uint32_t i = 0;
      for (Value a : v.elements()) {
        if (i >= j) break;
        if (JsonEqual(a, b)) {
          duplicate(b, j, i);
          break;
        }
        ++i;
      }
      if (!ok && !out) return false;
      ++j;
    }
    return ok;
  }
  std::vector<Value> items;
  items.reserve(v.size());
  scratch_.clear();
  for (Value e : v.elements()) {
    scratch_.emplace_back(JsonHash(e), static_cast<uint32_t>(items.size()));
    items.push_back(e);
  }
  std::sort(scratch_.begin(), scratch_.end());
  std::vector<std::pair<uint32_t, uint32_t>> pairs;  // (later, first)
  for (size_t a = 0; a < scratch_.size(); ++a) {
    for (size_t b = a + 1; b < scratch_.size() && scratch_[b].first == scratch_[a].first; ++b) {
      if (JsonEqual(items[scratch_[a].second], items[scratch_[b].second])) {
        if (!out) return false;
        pairs.emplace_back(scratch_[b].second, scratch_[a].second);
      }
    }
  }
  std::sort(pairs.begin(), pairs.end());
  for (size_t k = 0; k < pairs.size(); ++k) {
    if (k > 0 && pairs[k].first == pairs[k - 1].first) continue;  // report each item once
    duplicate(items[pairs[k].first], pairs[k].first, pairs[k].second);
  }
  return ok;
}

bool Validator::CheckObject(const Node& n, uint32_t s, Value v, uint32_t depth, Errors* out) {
  const uint64_t f = n.flags;
  const uint32_t size = v.size();
  bool ok = true;
  if ((f & kHasMinProperties) && size < n.min_properties) {
    if (!out) return false;
    out->push_back(MakeError(s, v, depth, "minProperties",
                        "must have at least " + Plural(n.min_properties, "key") + ", found " +
                            std::to_string(size)));
    ok = false;
  }
  if ((f & kHasMaxProperties) && size > n.max_properties) {
    if (!out) return false;
    out->push_back(MakeError(s, v, depth, "maxProperties",
                        "must have at most " + Plural(n.max_properties, "key") + ", found " +
                            std::to_string(size)));
    ok = false;
  }
  uint64_t seen = 0;
  const bool per_member = f & (kHasProperties | kHasPatternProperties | kHasAdditionalProperties |
                               kHasPropertyNames | kHasRequired | kHasDependencies);
  if (per_member) {
    const json::Document& doc = v.document();
    const std::vector<json::Node>& tape = doc.nodes();
    const uint32_t end = tape[v.index()].u.container.end;
    for (uint32_t k = v.index() + 1; k < end; k = SubtreeEnd(tape[k + 1], k + 1)) {
      const json::Member m{Value(&doc, k), Value(&doc, k + 1)};
      const std::string_view name = StringOf(doc, tape[k]);
      const KeyEntry* entry = n.keys.empty() ? nullptr : n.keys.Find(name);
      bool matched = false;
      if (entry) {
        if (entry->bit >= 0) seen |= uint64_t{1} << entry->bit;
        if (entry->schema != kNone) {
          matched = true;
          if (IsFalse(entry->schema)) {
            ok = false;
            if (out) {
              Emitted e = MakeError(entry->schema, m.key, depth + 1, "false",
                               "key " + Render(m.key) + " is not allowed");
              e.path_suffix.clear();
              e.offending = std::string(name);
              out->push_back(std::move(e));
            }
          } else {
            ok = Check(entry->schema, m.value, depth + 1, out) && ok;
          }
        }
      }
      for (const PatternProperty& p : n.pattern_properties) {
        if (Matches(*c_.regexes[p.regex], name)) {
          matched = true;
          ok = Check(p.schema, m.value, depth + 1, out) && ok;
        }
      }
      if (!matched && (f & kHasAdditionalProperties)) {
        if (IsFalse(n.additional_properties)) {
          ok = false;
          if (out) out->push_back(UnknownKeyError(c_, n, s, m.key, depth + 1));
        } else {
          ok = Check(n.additional_properties, m.value, depth + 1, out) && ok;
        }
      }
      if (f & kHasPropertyNames) ok = Check(n.property_names, m.key, depth + 1, out) && ok;
      if (!ok && !out) return false;
    }
  }
  if (f & kHasRequired) {
    for (const RequiredKey& r : n.required) {
      bool present = r.bit >= 0 ? (seen >> r.bit) & 1 : v.Find(r.name).valid();
      if (present) continue;
      if (!out) return false;
      Emitted e = MakeError(s, v, depth, "required", "missing required key ");
      json::AppendQuoted(e.message, r.name);
      e.offending = std::string(r.name);
      out->push_back(std::move(e));
      ok = false;
    }
  }
  if (f & kHasDependencies) ok = CheckDependencies(n, s, v, depth, seen, out) && ok;
  return ok;
}

bool Validator::CheckDependencies(const Node& n, uint32_t s, Value v, uint32_t depth,
                                  uint64_t seen, Errors* out) {
  bool ok = true;
  for (const Dependency& d : n.dependencies) {
    bool present = d.bit >= 0 ? (seen >> d.bit) & 1 : v.Find(d.key).valid();
    if (!present) continue;
    if (d.schema != kNone) {
      ok = Check(d.schema, v, depth, out) && ok;
    } else {
      for (std::string_view needed : d.required) {
        if (v.Find(needed).valid()) continue;
        ok = false;
        if (!out) return false;
        Value key;
        for (const auto& m : v.members()) {
          if (m.name() == d.key) {
            key = m.key;
            break;
          }
        }
        Emitted e = MakeError(s, key, depth + 1, "dependencies", "key ");
        json::AppendQuoted(e.message, d.key);
        e.message += " requires key ";
        json::AppendQuoted(e.message, needed);
        e.path_suffix = d.path.substr(c_.nodes[s].path.size());  // d.path extends the node's
        e.offending = std::string(needed);
        out->push_back(std::move(e));
      }
    }
    if (!ok && !out) return false;
  }
  return ok;
}

bool Validator::CheckApplicators(const Node& n, uint32_t s, Value v, uint32_t depth,
                                 Errors* out) {
  const uint64_t f = n.flags;
  bool ok = true;
  if (f & kHasAllOf) {
    for (uint32_t sub : n.all_of) {
      ok = Check(sub, v, depth, out) && ok;
      if (!ok && !out) return false;
    }
  }
  if (f & kHasAnyOf) ok = CheckBranches(n, s, v, depth, false, out) && ok;
  if (!ok && !out) return false;
  if (f & kHasOneOf) ok = CheckBranches(n, s, v, depth, true, out) && ok;
  if (!ok && !out) return false;
  if ((f & kHasNot) && Check(n.not_schema, v, depth, nullptr)) {
    if (!out) return false;
    Emitted e = MakeError(s, v, depth, "not", "must not match the \"not\" schema");
    e.offending = Render(v);
    out->push_back(std::move(e));
    ok = false;
  }
  if (f & kHasIf) {
    uint32_t branch = Check(n.if_schema, v, depth, nullptr) ? n.then_schema : n.else_schema;
    if (branch != kNone) ok = Check(branch, v, depth, out) && ok;
  }
  return ok;
}

bool Validator::CheckBranches(const Node& n, uint32_t s, Value v, uint32_t depth, bool one_of,
                              Errors* out) {
  const std::vector<uint32_t>& branches = one_of ? n.one_of : n.any_of;
  std::vector<uint32_t> matched;
  uint32_t matches = 0;
  for (uint32_t i = 0; i < branches.size(); ++i) {
    if (!Check(branches[i], v, depth, nullptr)) continue;
    if (!one_of) return true;
    ++matches;
    if (!out && matches > 1) return false;
    if (out) matched.push_back(i);
  }
  if (matches == 1) return true;
  if (!out) return false;
  std::string_view keyword = one_of ? "oneOf" : "anyOf";
  if (matches > 1) {
    std::vector<std::string> names;
    for (uint32_t i : matched) names.push_back(std::to_string(i));
    std::string list;
    for (size_t k = 0; k < names.size(); ++k) {
      if (k > 0) list += k + 1 == names.size() ? " and " : ", ";
      list += names[k];
    }
    out->push_back(MakeError(s, v, depth, keyword,
                        "matches oneOf alternatives " + list + ", but exactly one must match"));
    return false;
  }
  std::vector<Errors> per_branch(branches.size());
  for (uint32_t i = 0; i < branches.size(); ++i) Check(branches[i], v, depth, &per_branch[i]);
  ReportClosest(n, s, keyword, v, depth, per_branch, out);
  return false;
}

}  // namespace mcpolicy::schema
