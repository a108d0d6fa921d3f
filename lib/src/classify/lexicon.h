// The classifier's compiled vocabulary: every word of catalog/lexicon.json in
// one open-addressing hash table (string_view lookups, no allocation), the
// verb/object rules, and the description cues compiled into one RE2::Set. Built
// once; immutable afterwards, so shared freely between threads.
#ifndef MCPOLICY_CLASSIFY_LEXICON_H_
#define MCPOLICY_CLASSIFY_LEXICON_H_

#include <re2/re2.h>
#include <re2/set.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "mcpolicy/classify.h"

namespace mcpolicy::classify {

// One bit per object class ("store", "money", "ui", ...); at most 64 classes.
using ClassMask = uint64_t;

enum class VerbKind : uint8_t {
  kNone,         // not a verb
  kPlain,        // the verb decides by itself (get, delete)
  kMultiplexer,  // selects among operations (manage, handle): worst plausible,
                 // low confidence
  kAmbiguous,  // depends on caller input (query): most dangerous plausible, low
               // confidence
};

struct WordEntry {
  std::string word;

  // Verb role.
  VerbKind verb = VerbKind::kNone;
  Category verb_category = Category::kOther;
  float weight = 0;   // confidence when this verb alone decides
  bool weak = false;  // also an everyday noun ("log", "test"): a verb only
                      // where a name starts
  bool tail_verb =
      false;  // weak, yet a verb when it ends a noun-first name ("pods_run")
  bool final_verb = false;  // a plain operation verb ("get", "delete") that
                            // governs when it ends a name whose earlier verb
                            // doubles as a noun ("compute_vm_delete")
  bool ui_only =
      false;  // a verb only next to a user-interface word ("type", "select")
  bool has_ui_category =
      false;  // in a UI context the verb means ui_category instead
  Category ui_category = Category::kOther;

  // Noun role.
  ClassMask classes = 0;
  bool multiplexer_noun =
      false;  // "management", "lifecycle": the tool selects among operations
  Category multiplexer_category = Category::kOther;

  // Other roles.
  bool qualifier =
      false;  // "dry_run", "preview", "simulate": the call changes nothing
  bool connector = false;  // "or", "and": joins two verbs whose worst counts
  bool prose_skip =
      false;  // boilerplate that may open a description ("this tool will")
  bool suffix_mode =
      false;  // "..._read" / "..._write" names a variant of a multiplexer
  Category suffix_category = Category::kOther;
  bool command_stem =
      false;  // may follow a one-letter type prefix ("hdel", "lpush", "zadd")
};

// A verb/object rule: when the governing verb matches and the name's objects
// match, the category becomes `category`. Rules are tried in lexicon order; the
// first match wins.
struct Rule {
  std::vector<uint32_t>
      verbs;  // word ids; empty with verb_categories == 0: any verb
  uint8_t verb_categories =
      0;  // bit per Category: verbs whose own category is one of these
  ClassMask any = 0;   // some token has one of these classes
  ClassMask all = 0;   // each of these classes appears on some token
  ClassMask head = 0;  // the head noun (what the verb acts on) has one of these
  ClassMask last = 0;  // the name's last word has one of these ("..._guide")
  bool weak_only =
      false;  // only verbs that double as nouns ("backup", "build")
  bool needs_object =
      false;  // only when the name has some other word besides the verb
  Category category = Category::kOther;
  bool guess = false;  // most dangerous plausible reading: low confidence
  std::string
      note;  // why, for the evidence ("truncating a table deletes rows")
};

enum class CueKind : uint8_t {
  kRaise,       // a strong phrase: the category is at least cue.category
  kReadOnly,    // the text claims the tool changes nothing
  kOperations,  // the text lists operations, among them cue.category ones
                // (multiplexers)
};

struct Cue {
  Category category = Category::kOther;
  CueKind kind = CueKind::kRaise;
  std::string label;  // the phrase shown in evidence, e.g. "permanently"
};

struct ArgumentCue {
  std::vector<std::string>
      names;  // property names, lower case ("command", "sql")
  Category category = Category::kOther;
};

class Lexicon {
 public:
  // Parses and compiles `json`; on failure returns null and sets *error to one
  // sentence.
  static std::unique_ptr<Lexicon> Compile(std::string_view json,
                                          std::string* error);
  ~Lexicon();

  // The entry for a lower-case word or "a_b" phrase, or null.
  const WordEntry* Find(std::string_view word) const;
  uint32_t IdOf(const WordEntry* entry) const {
    return static_cast<uint32_t>(entry - words_.data());
  }

  const std::vector<Rule>& rules() const { return rules_; }
  // Rules for names without any verb: the first whose classes appear decides.
  const std::vector<Rule>& noun_rules() const { return noun_rules_; }
  ClassMask ui_classes() const { return ui_classes_; }
  // Object class names by bit index (bit i of a ClassMask is class_names()[i]).
  const std::vector<std::string>& class_names() const { return class_names_; }
  ClassMask preposition_classes() const { return preposition_classes_; }
  const std::string& command_prefixes() const { return command_prefixes_; }

  // Compiled on first use: only descriptions need it, and lint never has one, so a lint run
  // does not pay for compiling the description cues.
  const RE2::Set& cue_set() const;
  const std::vector<Cue>& cues() const { return cues_; }
  const std::vector<std::string>& selector_properties() const {
    return selector_properties_;
  }
  const std::vector<ArgumentCue>& argument_cues() const {
    return argument_cues_;
  }

 private:
  Lexicon();
  friend class LexiconBuilder;

  struct Slot {
    uint64_t hash = 0;
    uint32_t index = 0;  // into words_; valid when hash != 0
  };

  std::vector<WordEntry> words_;
  std::vector<Slot> slots_;  // power-of-two size, linear probing
  std::vector<std::string> class_names_;
  std::vector<Rule> rules_;
  std::vector<Rule> noun_rules_;
  ClassMask ui_classes_ = 0;
  ClassMask preposition_classes_ = 0;
  std::string command_prefixes_;
  mutable std::once_flag cue_once_;
  mutable std::unique_ptr<RE2::Set> cue_set_;
  std::vector<std::string> cue_patterns_;
  std::vector<Cue> cues_;
  std::vector<std::string> selector_properties_;
  std::vector<ArgumentCue> argument_cues_;
};

// 64-bit FNV-1a, never 0 (0 marks an empty slot).
uint64_t HashWord(std::string_view word);

}  // namespace mcpolicy::classify

#endif  // MCPOLICY_CLASSIFY_LEXICON_H_
