#include "classify/analyzer.h"

#include <algorithm>
#include <cstring>

namespace mcpolicy::classify {
namespace {

constexpr float kMultiplexerConfidence = 0.3f;
constexpr float kAmbiguousConfidence = 0.4f;
constexpr float kNoVerbConfidence = 0.35f;
constexpr float kRuleConfidence = 0.85f;
constexpr float kQualifierConfidence = 0.75f;

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() > suffix.size() &&
         s.substr(s.size() - suffix.size()) == suffix;
}

// Finds `stem` + `tail` without allocating.
const WordEntry* FindJoined(const Lexicon& lex, std::string_view stem,
                            std::string_view tail) {
  char buffer[kMaxNameBytes + 8];
  if (stem.size() + tail.size() > sizeof(buffer)) return nullptr;
  std::memcpy(buffer, stem.data(), stem.size());
  std::memcpy(buffer + stem.size(), tail.data(), tail.size());
  return lex.Find({buffer, stem.size() + tail.size()});
}

// Looks a word up as written, then without a plural ending ("flows", "indices",
// "searches") and, in prose, without "-ing" ("listing", "running", "creating").
const WordEntry* Lookup(const Lexicon& lex, std::string_view w, bool prose,
                        uint8_t* flags) {
  if (const WordEntry* e = lex.Find(w)) return e;
  const WordEntry* e = nullptr;
  if (EndsWith(w, "ies")) e = FindJoined(lex, w.substr(0, w.size() - 3), "y");
  if (!e && EndsWith(w, "es")) e = lex.Find(w.substr(0, w.size() - 2));
  if (!e && EndsWith(w, "s") && !EndsWith(w, "ss"))
    e = lex.Find(w.substr(0, w.size() - 1));
  if (e) {
    *flags |= Words::kPlural;
    return e;
  }
  if (prose && EndsWith(w, "ing") && w.size() > 5) {
    const std::string_view base = w.substr(0, w.size() - 3);
    e = lex.Find(base);
    if (!e) e = FindJoined(lex, base, "e");
    if (!e && base[base.size() - 1] == base[base.size() - 2])
      e = lex.Find(base.substr(0, base.size() - 1));
    if (e) *flags |= Words::kInflected;
  }
  return e;
}

void Resolve(const Lexicon& lex, bool prose, Words* w) {
  const size_t n = w->buffer.count;
  for (size_t i = 0; i < n; ++i) {
    w->entry[i] = nullptr;
    w->flags[i] = 0;
  }
  for (size_t i = 0; i < n; ++i) {
    if (i + 1 < n) {
      if (const WordEntry* e = lex.Find(w->buffer.pair(i))) {
        w->entry[i] = e;
        w->flags[i + 1] = Words::kPhraseTail;
        ++i;
        continue;
      }
    }
    const std::string_view word = w->buffer.at(i);
    w->entry[i] = Lookup(lex, word, prose, &w->flags[i]);
    // Redis-style commands carry a one-letter type prefix: "hdel", "lpush",
    // "zadd".
    if (!w->entry[i] && !prose && word.size() >= 4 &&
        lex.command_prefixes().find(word[0]) != std::string::npos) {
      const WordEntry* e = lex.Find(word.substr(1));
      if (e && e->command_stem) w->entry[i] = e;
    }
    // "un" + a verb reverses it ("unassign", "unfreeze"): the lexicon's "un_" entry stands in
    // for any such word it does not list itself.
    if (!w->entry[i] && word.size() >= 5 && word.starts_with("un")) {
      const WordEntry* base = lex.Find(word.substr(2));
      if (base && base->verb != VerbKind::kNone) w->entry[i] = lex.Find("un_");
    }
  }
}

class Analysis {
 public:
  Analysis(const Lexicon& lex, const Words& words, bool prose,
           ClassMask context)
      : lex_(lex),
        w_(words),
        prose_(prose),
        n_(words.buffer.count),
        context_(context) {}

  Verdict Run() {
    Verdict v;
    if (n_ == 0) {
      v.category = Category::kOther;
      return v;
    }
    while (prose_ && first_ < n_ && w_.entry[first_] &&
           w_.entry[first_]->prose_skip)
      ++first_;
    ClassMask all = 0;
    for (size_t i = first_; i < n_; ++i)
      all |= w_.entry[i] ? w_.entry[i]->classes : 0;
    ui_ = ((all | context_) & lex_.ui_classes()) != 0;

    const int primary = PrimaryVerb();
    // A qualifier anywhere in a name ("delete_dry_run"), or before the verb in
    // prose.
    const size_t qualifier_end = prose_ && primary >= 0 ? primary + 1 : n_;
    for (size_t i = first_; i < qualifier_end; ++i) {
      if (w_.entry[i] && w_.entry[i]->qualifier) {
        return Decide(
            Category::kRead, kQualifierConfidence, Basis::kClear,
            {Note::kQualifier, static_cast<uint8_t>(i), 0, 0, Category::kRead});
      }
    }
    if (primary < 0) return NoVerb(all);

    const size_t p = static_cast<size_t>(primary);
    Reading reading = Read(p);
    const size_t last = n_ - 1;
    const WordEntry* tail = w_.entry[last];
    if (!prose_ && tail && tail->suffix_mode &&
        (w_.flags[last] & ~Words::kInflected) == 0) {
      // "manage_config_read", or a noun that doubles as a verb: "label_write".
      const WordEntry* head = w_.entry[p];
      if (last != p && (head->verb == VerbKind::kMultiplexer ||
                        (head->weak && last == p + 1))) {
        return Decide(tail->suffix_category, 0.7f, Basis::kClear,
                      {Note::kSuffix, static_cast<uint8_t>(last), 0, 0,
                       tail->suffix_category});
      }
      if (last == p && p > first_ && DangerRank(tail->suffix_category) > 0) {
        return Decide(tail->suffix_category, kMultiplexerConfidence,
                      Basis::kMultiplexer,
                      {Note::kSuffix, static_cast<uint8_t>(last), 0, 0,
                       tail->suffix_category});
      }
    }
    Verdict verdict = Decide(reading.category, reading.confidence,
                             reading.basis, reading.note);
    for (size_t j = p + 1; j < n_; ++j) {
      if (!w_.entry[j - 1] || !w_.entry[j - 1]->connector ||
          !UsableVerb(j, /*joined=*/true)) {
        continue;
      }
      const Reading other = Read(j);
      if (DangerRank(other.category) > DangerRank(verdict.category)) {
        Note note = other.note;
        if (note.kind == Note::kVerb) note.kind = Note::kJoinedVerb;
        verdict.category = other.category;
        verdict.basis = other.basis;
        verdict.confidence = std::min(verdict.confidence, other.confidence);
        verdict.AddNote(note);
      }
    }
    return verdict;
  }

 private:
  struct Reading {
    Category category;
    float confidence;
    Basis basis;
    Note note;
  };

  static Verdict Decide(Category category, float confidence, Basis basis,
                        const Note& note) {
    Verdict v;
    v.category = category;
    v.confidence = confidence;
    v.basis = basis;
    v.AddNote(note);
    return v;
  }

  int FirstVerb(size_t begin, size_t end) {
    scan_begin_ = begin;
    for (size_t i = begin; i < end; ++i) {
      if (UsableVerb(i, /*joined=*/false)) return static_cast<int>(i);
    }
    return -1;
  }

  // The governing verb. Prose opens with it. A name may carry it anywhere
  // ("d1_database_delete"), preferably in its last namespace segment
  // ("mcp__github__create_issue"); a plain operation verb that ends the name
  // outranks an earlier verb that doubles as a noun
  // ("compute_vm_delete", "deploy_plan_get").
  int PrimaryVerb() {
    if (prose_) return FirstVerb(first_, std::min(first_ + 1, n_));
    const size_t segment = std::max(first_, w_.buffer.segment);
    int p = FirstVerb(segment, n_);
    if (p < 0 && segment > first_) p = FirstVerb(first_, segment);
    if (p < 0) return p;
    const size_t last = n_ - 1;
    const WordEntry* e = w_.entry[last];
    if (static_cast<size_t>(p) < last && e && e->final_verb &&
        !w_.entry[p]->final_verb &&
        !(w_.entry[last - 1] && w_.entry[last - 1]->connector) &&
        UsableVerb(last, true)) {
      p = static_cast<int>(last);
    }
    return p;
  }

  bool UsableVerb(size_t i, bool joined) const {
    const WordEntry* e = w_.entry[i];
    if (!e || e->verb == VerbKind::kNone) return false;
    const uint8_t flags = w_.flags[i];
    if ((flags & Words::kPlural) && !(prose_ && i == first_)) return false;
    if ((flags & Words::kInflected) && i != first_ && !joined) return false;
    if (e->ui_only && !ui_) return false;
    // A word that doubles as a noun, alone after unknown prefixes and ending the name, is the
    // noun: "ci_build" lists builds.
    if (e->weak && !prose_ && !joined && i != first_ && i + 1 == n_ && i > 0) {
      bool only_unknown_before = true;
      for (size_t j = first_; j < i; ++j) only_unknown_before &= w_.entry[j] == nullptr;
      if (only_unknown_before) return false;
    }
    if (e->weak && !joined && i != first_) {
      if (prose_ || i + 1 != n_ || !e->tail_verb) {
        for (size_t j = scan_begin_; j < i; ++j) {
          const WordEntry* before = w_.entry[j];
          if (before &&
              (before->verb != VerbKind::kNone || before->classes != 0))
            return false;
        }
      }
    }
    return true;
  }

  // The noun that the verb at `v` acts on: the last noun after it before a
  // preposition, or, when the verb ends the name ("d1_database_delete"), the
  // last noun before it.
  int HeadNoun(size_t v) const {
    int head = -1;
    for (size_t j = v + 1; j < n_; ++j) {
      const WordEntry* e = w_.entry[j];
      if ((w_.flags[j] & Words::kPhraseTail) || (e && e->prose_skip)) continue;
      if (e && (e->classes & lex_.preposition_classes())) {
        if (head >= 0) break;
        continue;
      }
      if (e && e->connector) break;
      head = static_cast<int>(j);
    }
    for (size_t j = v; head < 0 && j-- > first_;) {
      const WordEntry* e = w_.entry[j];
      if ((w_.flags[j] & Words::kPhraseTail) || (e && e->prose_skip)) continue;
      if (e && ((e->classes & lex_.preposition_classes()) || e->connector))
        continue;
      head = static_cast<int>(j);
    }
    return head;
  }

  // True when some word besides the verb at `v` could be its object.
  bool HasObject(size_t v) const {
    for (size_t j = first_; j < n_; ++j) {
      const WordEntry* e = w_.entry[j];
      if (j == v || (w_.flags[j] & Words::kPhraseTail)) continue;
      if (e && (e->connector || e->prose_skip ||
                (e->classes & lex_.preposition_classes())))
        continue;
      return true;
    }
    return false;
  }

  bool RuleMatches(const Rule& rule, size_t v, Category base,
                   uint8_t* trigger) const {
    const uint32_t id = lex_.IdOf(w_.entry[v]);
    const bool any_verb = rule.verbs.empty() && rule.verb_categories == 0;
    if (!any_verb &&
        std::find(rule.verbs.begin(), rule.verbs.end(), id) ==
            rule.verbs.end() &&
        !(rule.verb_categories >> static_cast<int>(base) & 1)) {
      return false;
    }
    ClassMask seen = context_;
    int first_hit = -1;
    const ClassMask wanted = rule.any | rule.all;
    for (size_t j = first_; j < n_; ++j) {
      if (j == v || !w_.entry[j]) continue;
      const ClassMask c = w_.entry[j]->classes;
      if ((c & wanted) && first_hit < 0) first_hit = static_cast<int>(j);
      seen |= c;
    }
    if (rule.any && !(seen & rule.any)) return false;
    if ((seen & rule.all) != rule.all) return false;
    if (rule.weak_only && !w_.entry[v]->weak) return false;
    if (rule.needs_object && !HasObject(v)) return false;
    if (rule.last) {
      const WordEntry* last = w_.entry[n_ - 1];
      if (!last || !(last->classes & rule.last) || n_ - 1 == v) return false;
      first_hit = static_cast<int>(n_ - 1);
    }
    if (rule.head) {
      const int head = HeadNoun(v);
      if (head < 0 || !w_.entry[head] || !(w_.entry[head]->classes & rule.head))
        return false;
      first_hit = head;
    }
    *trigger = static_cast<uint8_t>(first_hit < 0 ? v : first_hit);
    return true;
  }

  Reading Read(size_t v) const {
    const WordEntry* e = w_.entry[v];
    const uint8_t token = static_cast<uint8_t>(v);
    if (ui_ && e->has_ui_category) {
      return {e->ui_category,
              e->weight,
              Basis::kClear,
              {Note::kUiVerb, token, 0, 0, e->ui_category}};
    }
    const Category base = e->verb_category;
    const std::vector<Rule>& rules = lex_.rules();
    if (e->verb != VerbKind::kMultiplexer) {
      for (size_t r = 0; r < rules.size(); ++r) {
        uint8_t trigger = 0;
        if (!RuleMatches(rules[r], v, base, &trigger)) continue;
        const Rule& rule = rules[r];
        return {rule.category,
                rule.guess ? kAmbiguousConfidence : kRuleConfidence,
                rule.guess ? Basis::kAmbiguous : Basis::kClear,
                {Note::kRule, trigger, token, static_cast<uint16_t>(r),
                 rule.category}};
      }
    }
    switch (e->verb) {
      case VerbKind::kMultiplexer:
        return {base,
                kMultiplexerConfidence,
                Basis::kMultiplexer,
                {Note::kMultiplexerVerb, token, 0, 0, base}};
      case VerbKind::kAmbiguous:
        return {base,
                kAmbiguousConfidence,
                Basis::kAmbiguous,
                {Note::kAmbiguous, token, 0, 0, base}};
      default:
        return {
            base, e->weight, Basis::kClear, {Note::kVerb, token, 0, 0, base}};
    }
  }

  Verdict NoVerb(ClassMask all) const {
    for (size_t i = first_; i < n_; ++i) {
      const WordEntry* e = w_.entry[i];
      if (e && e->multiplexer_noun && !(w_.flags[i] & Words::kPlural)) {
        return Decide(e->multiplexer_category, kMultiplexerConfidence,
                      Basis::kMultiplexer,
                      {Note::kMultiplexerNoun, static_cast<uint8_t>(i), 0, 0,
                       e->multiplexer_category});
      }
    }
    const std::vector<Rule>& rules = lex_.noun_rules();
    for (size_t r = 0; r < rules.size() && !prose_; ++r) {
      if (!(all & rules[r].any)) continue;
      for (size_t i = first_; i < n_; ++i) {
        if (!w_.entry[i] || !(w_.entry[i]->classes & rules[r].any)) continue;
        const Rule& rule = rules[r];
        return Decide(rule.category, rule.guess ? kAmbiguousConfidence : 0.6f,
                      rule.guess ? Basis::kAmbiguous : Basis::kClear,
                      {Note::kNounRule, static_cast<uint8_t>(i), 0,
                       static_cast<uint16_t>(r), rule.category});
      }
    }
    // Nothing recognised is not evidence of a read: a tool is read-only only when something says
    // so (a read verb, an informational noun, the description, readOnlyHint), so the least
    // dangerous category that is not read stands in, as a guess.
    return Decide(Category::kWrite, kNoVerbConfidence, Basis::kNoVerb,
                  {Note::kNoVerb, 0, 0, 0, Category::kWrite});
  }

  const Lexicon& lex_;
  const Words& w_;
  const bool prose_;
  const size_t n_;
  const ClassMask
      context_;  // classes of the tool's name, when reading its description
  size_t first_ = 0;
  size_t scan_begin_ =
      0;  // where the current verb search started (weak-verb test)
  bool ui_ = false;
};

}  // namespace

Verdict AnalyzeName(const Lexicon& lexicon, std::string_view name,
                    Words* words) {
  Tokenize(name, TokenizeOptions{}, &words->buffer);
  Resolve(lexicon, /*prose=*/false, words);
  return Analysis(lexicon, *words, /*prose=*/false, /*context=*/0).Run();
}

ClassMask ClassesOf(const Words& words) {
  ClassMask all = 0;
  for (size_t i = 0; i < words.buffer.count; ++i)
    all |= words.entry[i] ? words.entry[i]->classes : 0;
  return all;
}

Verdict AnalyzeProse(const Lexicon& lexicon, std::string_view description,
                     ClassMask context, Words* words) {
  TokenizeOptions options;
  options.split_case = false;
  options.find_segments = false;
  options.first_clause = true;
  options.max_tokens = 16;
  Tokenize(description, options, &words->buffer);
  Resolve(lexicon, /*prose=*/true, words);
  return Analysis(lexicon, *words, /*prose=*/true, context).Run();
}

std::optional<Category> OperationCategory(const Lexicon& lexicon,
                                          std::string_view value) {
  Words words;
  const Verdict v = AnalyzeName(lexicon, value, &words);
  if (v.basis == Basis::kEmpty || v.basis == Basis::kNoVerb)
    return std::nullopt;
  return v.category;
}

}  // namespace mcpolicy::classify
