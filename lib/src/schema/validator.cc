// The validation engine. Error text is built only by the Report* functions (messages.cc), which
// stay out of line: the recursive frames here hold no strings, and a valid instance allocates
// nothing.
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
// anyOf/oneOf failures nested deeper than this inside each other report one likely branch
// instead of ranking all of them, which would cost time exponential in the nesting.
constexpr uint32_t kMaxRankedNesting = 3;

uint8_t InstanceBits(const json::Document& doc, const json::Node& node) {
  switch (node.type()) {
    case Type::kNull: return kNullBit;
    case Type::kBool: return kBooleanBit;
    case Type::kNumber: return IsIntegerNode(doc, node) ? (kIntegerBit | kNumberBit) : kNumberBit;
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
  if (std::fabs(q) >= 9e15) return true;                // no fractional bits left to tell
  return std::fabs(q - std::round(q)) < 1e-9;
}

bool Matches(const RE2& re, std::string_view s) {
  return re.Match(re2::StringPiece(s.data(), s.size()), 0, s.size(), RE2::UNANCHORED, nullptr, 0);
}

class Counter {
 public:
  explicit Counter(uint32_t* count) : count_(count) { ++*count_; }
  ~Counter() { --*count_; }
  Counter(const Counter&) = delete;
  Counter& operator=(const Counter&) = delete;

 private:
  uint32_t* count_;
};

}  // namespace

Validator::Validator(const Compiled& compiled, Value root) : c_(compiled) {
  const json::Node& node = root.document().nodes()[root.index()];
  steps_left_ = std::max(kMinSteps, kStepsPerNode * (SubtreeEnd(node, root.index()) - root.index()));
}

bool Validator::IsFalse(uint32_t schema) const {
  const Node& n = c_.nodes[schema];
  return (n.ref != kNone ? c_.nodes[n.ref] : n).kind == Node::Kind::kFalse;
}

bool Validator::Check(uint32_t s, Value v, uint32_t depth, Errors* out) {
  if (c_.nodes[s].ref != kNone) s = c_.nodes[s].ref;
  const Node& n = c_.nodes[s];
  if (n.kind != Node::Kind::kObject) {
    if (n.kind == Node::Kind::kTrue) return true;
    if (out) ReportFalse(out, s, v, depth);
    return false;
  }
  if (depth > c_.max_depth || frames_ >= kMaxFrames) {
    if (out) ReportGuard(out, s, v, depth, depth > c_.max_depth, c_.max_depth);
    return false;
  }
  if (steps_left_ == 0) {
    if (out && !out_of_steps_) ReportSteps(out, s, v, depth);
    out_of_steps_ = true;
    return false;
  }
  --steps_left_;
  Counter frame(&frames_);

  const json::Node& node = v.document().nodes()[v.index()];
  if (n.types != 0 && (InstanceBits(v.document(), node) & n.types) == 0) {
    if (out) ReportType(out, n, s, v, depth);
    return false;  // the other keywords would only repeat the mismatch
  }
  const uint64_t f = n.flags;
  bool ok = true;
  if ((f & kHasEnum) && !c_.enums[n.enum_set].Contains(v)) {
    if (!out) return false;
    ReportEnum(out, c_, n, s, v, depth);
    ok = false;
  }
  if ((f & kHasConst) && !JsonEqual(v, n.const_value)) {
    if (!out) return false;
    ReportConst(out, n, s, v, depth);
    ok = false;
  }
  switch (node.type()) {
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
  const double x = v.document().NumberAt(v.document().nodes()[v.index()]);
  const uint64_t f = n.flags;
  bool ok = true;
  auto check = [&](uint64_t flag, bool passes, std::string_view keyword) {
    if (!(f & flag) || passes) return;
    ok = false;
    if (out) ReportBound(out, c_, n, s, v, depth, keyword);
  };
  check(kHasMinimum, x >= n.minimum, "minimum");
  check(kHasMaximum, x <= n.maximum, "maximum");
  check(kHasExclusiveMinimum, x > n.exclusive_minimum, "exclusiveMinimum");
  check(kHasExclusiveMaximum, x < n.exclusive_maximum, "exclusiveMaximum");
  if (f & kHasMultipleOf) check(kHasMultipleOf, IsMultiple(x, n.multiple_of), "multipleOf");
  return ok;
}

bool Validator::CheckString(const Node& n, uint32_t s, Value v, uint32_t depth, Errors* out) {
  const std::string_view text = StringOf(v.document(), v.document().nodes()[v.index()]);
  const uint64_t f = n.flags;
  bool ok = true;
  // A string has at most as many code points as bytes: count only when that cannot decide.
  if ((f & kHasMaxLength) && text.size() > n.max_length) {
    size_t length = utf8::CodePoints(text);
    if (length > n.max_length) {
      if (!out) return false;
      ReportCount(out, s, v, depth, "maxLength", n.max_length, length);
      ok = false;
    }
  }
  if (f & kHasMinLength) {
    size_t length = text.size() < n.min_length ? text.size() : utf8::CodePoints(text);
    if (length < n.min_length) {
      if (!out) return false;
      ReportCount(out, s, v, depth, "minLength", n.min_length, length);
      ok = false;
    }
  }
  if ((f & kHasPattern) && !Matches(*c_.regexes[n.pattern], text)) {
    if (!out) return false;
    ReportPattern(out, c_, s, v, depth, n.pattern);
    ok = false;
  }
  if ((f & kHasFormat) && !CheckFormat(n.format, text)) {
    if (!out) return false;
    ReportFormat(out, n, s, v, depth);
    ok = false;
  }
  return ok;
}

bool Validator::CheckArray(const Node& n, uint32_t s, Value v, uint32_t depth, Errors* out) {
  const uint64_t f = n.flags;
  const json::Document& doc = v.document();
  const std::vector<json::Node>& tape = doc.nodes();
  const uint32_t end = tape[v.index()].payload;
  // Counted (a walk over the children) only for the keywords that need the count.
  const uint32_t size =
      (f & (kHasMinItems | kHasMaxItems | kHasUniqueItems)) ? ChildCount(doc, v.index()) : 0;
  bool ok = true;
  if ((f & kHasMinItems) && size < n.min_items) {
    if (!out) return false;
    ReportCount(out, s, v, depth, "minItems", n.min_items, size);
    ok = false;
  }
  if ((f & kHasMaxItems) && size > n.max_items) {
    if (!out) return false;
    ReportCount(out, s, v, depth, "maxItems", n.max_items, size);
    ok = false;
  }
  if (f & kHasItems) {
    for (uint32_t k = v.index() + 1; k < end; k = SubtreeEnd(tape[k], k)) {
      ok = Check(n.items, Value(&doc, k), depth + 1, out) && ok;
      if (!ok && !out) return false;
    }
  }
  if (f & kHasItemList) {
    uint32_t i = 0;
    for (uint32_t k = v.index() + 1; k < end; k = SubtreeEnd(tape[k], k), ++i) {
      uint32_t schema = i < n.item_list.size() ? n.item_list[i] : n.additional_items;
      if (schema == kNone) break;
      if (i >= n.item_list.size() && IsFalse(schema)) {
        if (out) ReportExtraItem(out, s, Value(&doc, k), depth + 1, i, n.item_list.size());
        ok = false;
        break;
      }
      ok = Check(schema, Value(&doc, k), depth + 1, out) && ok;
      if (!ok && !out) return false;
    }
  }
  if (f & kHasContains) {
    bool found = false;
    for (uint32_t k = v.index() + 1; k < end && !found; k = SubtreeEnd(tape[k], k)) {
      found = Check(n.contains, Value(&doc, k), depth + 1, nullptr);
    }
    if (!found) {
      if (!out) return false;
      ReportContains(out, s, v, depth);
      ok = false;
    }
  }
  if ((f & kHasUniqueItems) && size > 1) ok = CheckUnique(s, v, depth, out) && ok;
  return ok;
}

bool Validator::CheckUnique(uint32_t s, Value v, uint32_t depth, Errors* out) {
  const json::Document& doc = v.document();
  const std::vector<json::Node>& tape = doc.nodes();
  const uint32_t end = tape[v.index()].payload;
  bool ok = true;
  if (v.size() <= kPairwiseUniqueLimit) {
    uint32_t j = 0;
    for (uint32_t b = v.index() + 1; b < end; b = SubtreeEnd(tape[b], b), ++j) {
      uint32_t i = 0;
      for (uint32_t a = v.index() + 1; a < b; a = SubtreeEnd(tape[a], a), ++i) {
        if (!JsonEqual(Value(&doc, a), Value(&doc, b))) continue;
        if (!out) return false;
        ReportDuplicate(out, s, Value(&doc, b), depth + 1, j, i);
        ok = false;
        break;
      }
    }
    return ok;
  }
  std::vector<uint32_t> items;  // node index of each item
  scratch_.clear();
  for (uint32_t k = v.index() + 1; k < end; k = SubtreeEnd(tape[k], k)) {
    scratch_.emplace_back(JsonHash(Value(&doc, k)), static_cast<uint32_t>(items.size()));
    items.push_back(k);
  }
  std::sort(scratch_.begin(), scratch_.end());
  std::vector<std::pair<uint32_t, uint32_t>> duplicates;  // (later item, earlier item)
  for (size_t a = 0; a < scratch_.size(); ++a) {
    for (size_t b = a + 1; b < scratch_.size() && scratch_[b].first == scratch_[a].first; ++b) {
      uint32_t first = scratch_[a].second, later = scratch_[b].second;
      if (!JsonEqual(Value(&doc, items[first]), Value(&doc, items[later]))) continue;
      if (!out) return false;
      duplicates.emplace_back(std::max(first, later), std::min(first, later));
    }
  }
  std::sort(duplicates.begin(), duplicates.end());
  for (size_t k = 0; k < duplicates.size(); ++k) {
    if (k > 0 && duplicates[k].first == duplicates[k - 1].first) continue;  // once per item
    ReportDuplicate(out, s, Value(&doc, items[duplicates[k].first]), depth + 1,
                    duplicates[k].first, duplicates[k].second);
    ok = false;
  }
  return ok;
}

bool Validator::CheckObject(const Node& n, uint32_t s, Value v, uint32_t depth, Errors* out) {
  const uint64_t f = n.flags;
  const json::Document& doc = v.document();
  const std::vector<json::Node>& tape = doc.nodes();
  const uint32_t end = tape[v.index()].payload;
  const uint32_t size =
      (f & (kHasMinProperties | kHasMaxProperties)) ? ChildCount(doc, v.index()) : 0;
  bool ok = true;
  if ((f & kHasMinProperties) && size < n.min_properties) {
    if (!out) return false;
    ReportCount(out, s, v, depth, "minProperties", n.min_properties, size);
    ok = false;
  }
  if ((f & kHasMaxProperties) && size > n.max_properties) {
    if (!out) return false;
    ReportCount(out, s, v, depth, "maxProperties", n.max_properties, size);
    ok = false;
  }
  uint64_t seen = 0;  // bits of required and dependency keys present
  if (f & (kHasProperties | kHasPatternProperties | kHasAdditionalProperties |
           kHasPropertyNames | kHasRequired | kHasDependencies)) {
    // A member is a kKey node followed by its value's subtree.
    for (uint32_t k = v.index() + 1; k < end; k = SubtreeEnd(tape[k + 1], k + 1)) {
      const Value key(&doc, k), value(&doc, k + 1);
      const std::string_view name = StringOf(doc, tape[k]);
      const KeyEntry* entry = n.keys.empty() ? nullptr : n.keys.Find(name);
      bool matched = false;
      if (entry) {
        if (entry->bit >= 0) seen |= uint64_t{1} << entry->bit;
        if (entry->schema != kNone) {
          matched = true;
          if (IsFalse(entry->schema)) {
            if (out) ReportForbiddenKey(out, entry->schema, key, depth + 1);
            ok = false;
          } else {
            ok = Check(entry->schema, value, depth + 1, out) && ok;
          }
        }
      }
      for (const PatternProperty& p : n.pattern_properties) {
        if (!Matches(*c_.regexes[p.regex], name)) continue;
        matched = true;
        ok = Check(p.schema, value, depth + 1, out) && ok;
      }
      if (!matched && (f & kHasAdditionalProperties)) {
        if (IsFalse(n.additional_properties)) {
          if (out) ReportUnknownKey(out, c_, n, s, key, depth + 1);
          ok = false;
        } else {
          ok = Check(n.additional_properties, value, depth + 1, out) && ok;
        }
      }
      if (f & kHasPropertyNames) ok = Check(n.property_names, key, depth + 1, out) && ok;
      if (!ok && !out) return false;
    }
  }
  if (f & kHasRequired) {
    for (const RequiredKey& r : n.required) {
      if (r.bit >= 0 ? (seen >> r.bit) & 1 : v.Find(r.name).valid()) continue;
      if (!out) return false;
      ReportMissing(out, s, v, depth, r.name);
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
    if (!(d.bit >= 0 ? (seen >> d.bit) & 1 : v.Find(d.key).valid())) continue;
    if (d.schema != kNone) {
      ok = Check(d.schema, v, depth, out) && ok;
    } else {
      for (std::string_view needed : d.required) {
        if (v.Find(needed).valid()) continue;
        if (!out) return false;
        ReportDependency(out, c_, s, v, depth, d, needed);
        ok = false;
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
    ReportNot(out, s, v, depth);
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
  for (uint32_t i = 0; i < branches.size(); ++i) {
    if (!Check(branches[i], v, depth, nullptr)) continue;
    if (!one_of) return true;
    matched.push_back(i);
    if (!out && matched.size() > 1) return false;
  }
  if (matched.size() == 1) return true;
  if (!out) return false;
  if (!matched.empty()) {
    ReportManyMatches(out, s, v, depth, matched);
    return false;
  }
  std::vector<Errors> per_branch(branches.size());
  if (ranked_nesting_ < kMaxRankedNesting) {
    Counter nesting(&ranked_nesting_);
    for (uint32_t i = 0; i < branches.size(); ++i) Check(branches[i], v, depth, &per_branch[i]);
  } else {
    // Deep inside other failing alternatives: report the first branch that accepts the type.
    const uint8_t bits = InstanceBits(v.document(), v.document().nodes()[v.index()]);
    uint32_t pick = 0;
    for (auto i = static_cast<uint32_t>(branches.size()); i-- > 0;) {
      const Node& b = c_.nodes[c_.nodes[branches[i]].ref != kNone ? c_.nodes[branches[i]].ref
                                                                   : branches[i]];
      if (b.types == 0 || (b.types & bits)) pick = i;
    }
    Check(branches[pick], v, depth, &per_branch[pick]);
    per_branch = {std::move(per_branch[pick])};
  }
  ReportClosest(s, one_of ? "oneOf" : "anyOf", v, depth, per_branch, out);
  return false;
}

}  // namespace mcpolicy::schema
