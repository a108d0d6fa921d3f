#include "classify/lexicon.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

namespace mcpolicy::classify {

const RE2::Set& Lexicon::cue_set() const {
  std::call_once(cue_once_, [this] {
    RE2::Options options;
    options.set_case_sensitive(false);
    options.set_log_errors(false);
    cue_set_ = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
    for (const std::string& p : cue_patterns_) cue_set_->Add(p, nullptr);
    // Every pattern was accepted by Compile's check; an empty set (no cues) is left
    // uncompiled and Match on it returns false, as it should.
    if (!cue_patterns_.empty()) cue_set_->Compile();
  });
  return *cue_set_;
}

uint64_t HashWord(std::string_view word) {
  uint64_t h = 14695981039346656037ull;
  for (char c : word) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h == 0 ? 1 : h;
}

Lexicon::Lexicon() = default;
Lexicon::~Lexicon() = default;

const WordEntry* Lexicon::Find(std::string_view word) const {
  if (slots_.empty()) return nullptr;
  const uint64_t h = HashWord(word);
  const size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.hash == 0) return nullptr;
    if (slot.hash == h && words_[slot.index].word == word)
      return &words_[slot.index];
  }
}

// Reads the JSON document into a Lexicon. Every problem is reported as one
// sentence naming the offending key, so a user editing an override lexicon can
// find it.
class LexiconBuilder {
 public:
  explicit LexiconBuilder(Lexicon* lex) : lex_(lex) {}

  bool Build(const nlohmann::json& doc, std::string* error) {
    error_ = error;
    if (!doc.is_object()) return Fail("the lexicon must be a JSON object");
    if (doc.value("version", 0) != 1)
      return Fail("lexicon \"version\" must be 1");
    if (!ReadClasses(doc) || !ReadVerbs(doc) || !ReadRoles(doc) ||
        !ReadRules(doc) || !ReadCues(doc) || !ReadSchema(doc)) {
      return false;
    }
    BuildTable();
    return true;
  }

 private:
  bool Fail(std::string message) {
    *error_ = std::move(message);
    return false;
  }

  WordEntry& Entry(const std::string& word) {
    auto [it, inserted] = index_.emplace(word, lex_->words_.size());
    if (inserted) {
      lex_->words_.emplace_back();
      lex_->words_.back().word = word;
    }
    return lex_->words_[it->second];
  }

  bool Category(const nlohmann::json& value, const char* where,
                mcpolicy::Category* out) {
    std::optional<mcpolicy::Category> c;
    if (value.is_string()) c = ParseCategory(value.get<std::string>());
    if (!c) return Fail(std::string("unknown category in ") + where);
    *out = *c;
    return true;
  }

  bool Words(const nlohmann::json& group, const char* where,
             std::vector<std::string>* out) {
    const auto it = group.find("words");
    if (it == group.end() || !it->is_array()) {
      return Fail(std::string(where) + " needs a \"words\" array");
    }
    for (const auto& w : *it) {
      if (!w.is_string())
        return Fail(std::string(where) + " words must be strings");
      out->push_back(w.get<std::string>());
    }
    return true;
  }

  bool ClassBits(const nlohmann::json& names, const char* where,
                 ClassMask* out) {
    *out = 0;
    if (names.is_null()) return true;
    if (!names.is_array())
      return Fail(std::string(where) + " must be an array of class names");
    for (const auto& n : names) {
      const auto it = n.is_string() ? class_bits_.find(n.get<std::string>())
                                    : class_bits_.end();
      if (it == class_bits_.end())
        return Fail(std::string("unknown object class in ") + where);
      *out |= it->second;
    }
    return true;
  }

  bool ReadClasses(const nlohmann::json& doc) {
    const auto& classes = doc.value("classes", nlohmann::json::object());
    if (classes.size() > 64) return Fail("at most 64 object classes");
    for (const auto& [name, words] : classes.items()) {
      const ClassMask bit = ClassMask{1} << lex_->class_names_.size();
      lex_->class_names_.push_back(name);
      class_bits_[name] = bit;
      if (!words.is_array())
        return Fail("class \"" + name + "\" must list words");
      for (const auto& w : words) Entry(w.get<std::string>()).classes |= bit;
    }
    const auto& special =
        doc.value("special_classes", nlohmann::json::object());
    ClassMask* targets[] = {&lex_->ui_classes_, &lex_->preposition_classes_};
    const char* keys[] = {"ui", "preposition"};
    for (int i = 0; i < 2; ++i) {
      if (!ClassBits(special.value(keys[i], nlohmann::json()), keys[i],
                     targets[i]))
        return false;
    }
    return true;
  }

  bool ReadVerbs(const nlohmann::json& doc) {
    for (const auto& group : doc.value("verbs", nlohmann::json::array())) {
      mcpolicy::Category category;
      if (!Category(group.value("category", nlohmann::json()), "verbs",
                    &category))
        return false;
      const std::string kind = group.value("kind", "plain");
      VerbKind verb_kind = kind == "multiplexer" ? VerbKind::kMultiplexer
                           : kind == "ambiguous" ? VerbKind::kAmbiguous
                           : kind == "plain"     ? VerbKind::kPlain
                                                 : VerbKind::kNone;
      if (verb_kind == VerbKind::kNone)
        return Fail("unknown verb kind \"" + kind + "\"");
      std::vector<std::string> words;
      if (!Words(group, "verbs", &words)) return false;
      for (const std::string& w : words) {
        WordEntry& e = Entry(w);
        e.verb = verb_kind;
        e.verb_category = category;
        e.weight = group.value("weight", 0.9f);
        e.weak = group.value("weak", false);
        e.ui_only = group.value("ui_only", false);
      }
    }
    const nlohmann::json ui_meanings =
        doc.value("ui_meanings", nlohmann::json::object());
    for (const auto& [cat, words] : ui_meanings.items()) {
      mcpolicy::Category category;
      if (!Category(nlohmann::json(cat), "ui_meanings", &category))
        return false;
      for (const auto& w : words) {
        WordEntry& e = Entry(w.get<std::string>());
        if (e.verb == VerbKind::kNone)
          return Fail("ui_meanings word \"" + e.word + "\" is no verb");
        e.has_ui_category = true;
        e.ui_category = category;
      }
    }
    return true;
  }

  bool ReadRoles(const nlohmann::json& doc) {
    for (const auto& group :
         doc.value("multiplexer_nouns", nlohmann::json::array())) {
      mcpolicy::Category category;
      if (!Category(group.value("category", nlohmann::json()),
                    "multiplexer_nouns", &category)) {
        return false;
      }
      std::vector<std::string> words;
      if (!Words(group, "multiplexer_nouns", &words)) return false;
      for (const std::string& w : words) {
        Entry(w).multiplexer_noun = true;
        Entry(w).multiplexer_category = category;
      }
    }
    for (const auto& w : doc.value("qualifiers", nlohmann::json::array())) {
      Entry(w.get<std::string>()).qualifier = true;
    }
    for (const auto& w : doc.value("connectors", nlohmann::json::array())) {
      Entry(w.get<std::string>()).connector = true;
    }
    for (const auto& w : doc.value("prose_skip", nlohmann::json::array())) {
      Entry(w.get<std::string>()).prose_skip = true;
    }
    for (const auto& w : doc.value("tail_verbs", nlohmann::json::array())) {
      WordEntry& e = Entry(w.get<std::string>());
      if (!e.weak)
        return Fail("tail_verbs word \"" + e.word + "\" is not a weak verb");
      e.tail_verb = true;
    }
    for (const auto& w : doc.value("final_verbs", nlohmann::json::array())) {
      WordEntry& e = Entry(w.get<std::string>());
      if (e.verb != VerbKind::kPlain)
        return Fail("final_verbs word \"" + e.word + "\" is no verb");
      e.final_verb = true;
    }
    for (const auto& w : doc.value("command_stems", nlohmann::json::array())) {
      Entry(w.get<std::string>()).command_stem = true;
    }
    const nlohmann::json suffix_modes =
        doc.value("suffix_modes", nlohmann::json::object());
    for (const auto& [word, cat] : suffix_modes.items()) {
      WordEntry& e = Entry(word);
      e.suffix_mode = true;
      if (!Category(cat, "suffix_modes", &e.suffix_category)) return false;
    }
    lex_->command_prefixes_ = doc.value("command_prefixes", "");
    return true;
  }

  bool ReadRules(const nlohmann::json& doc) {
    return ReadRuleList(doc.value("rules", nlohmann::json::array()),
                        &lex_->rules_) &&
           ReadRuleList(doc.value("noun_rules", nlohmann::json::array()),
                        &lex_->noun_rules_);
  }

  bool ReadRuleList(const nlohmann::json& list, std::vector<Rule>* out) {
    for (const auto& r : list) {
      Rule rule;
      for (const auto& v : r.value("verbs", nlohmann::json::array())) {
        const std::string word = v.get<std::string>();
        const auto it = index_.find(word);
        if (it == index_.end() ||
            lex_->words_[it->second].verb == VerbKind::kNone) {
          return Fail("rule verb \"" + word + "\" is not in \"verbs\"");
        }
        rule.verbs.push_back(static_cast<uint32_t>(it->second));
      }
      for (const auto& c :
           r.value("verb_categories", nlohmann::json::array())) {
        mcpolicy::Category category;
        if (!Category(c, "rule verb_categories", &category)) return false;
        rule.verb_categories |=
            static_cast<uint8_t>(1u << static_cast<int>(category));
      }
      if (!ClassBits(r.value("any", nlohmann::json()), "rule \"any\"",
                     &rule.any) ||
          !ClassBits(r.value("all", nlohmann::json()), "rule \"all\"",
                     &rule.all) ||
          !ClassBits(r.value("head", nlohmann::json()), "rule \"head\"",
                     &rule.head) ||
          !ClassBits(r.value("last", nlohmann::json()), "rule \"last\"",
                     &rule.last) ||
          !Category(r.value("category", nlohmann::json()), "rule",
                    &rule.category)) {
        return false;
      }
      rule.guess = r.value("guess", false);
      rule.weak_only = r.value("weak_only", false);
      rule.needs_object = r.value("object", false);
      rule.note = r.value("note", "");
      out->push_back(std::move(rule));
    }
    return true;
  }

  // Checks every cue pattern now (a bad lexicon is rejected up front) but leaves building the
  // combined RE2::Set to the first description (Lexicon::cue_set).
  bool ReadCues(const nlohmann::json& doc) {
    RE2::Options options;
    options.set_case_sensitive(false);
    options.set_log_errors(false);
    RE2::Set check(options, RE2::UNANCHORED);
    for (const auto& c :
         doc.value("description_cues", nlohmann::json::array())) {
      Cue cue;
      if (!Category(c.value("category", nlohmann::json()), "description_cues",
                    &cue.category)) {
        return false;
      }
      const std::string kind = c.value("kind", "raise");
      cue.kind = kind == "read_only"    ? CueKind::kReadOnly
                 : kind == "operations" ? CueKind::kOperations
                                        : CueKind::kRaise;
      cue.label = c.value("label", "");
      std::string pattern = c.value("pattern", "");
      std::string re_error;
      if (check.Add(pattern, &re_error) < 0) {
        return Fail("description cue \"" + cue.label + "\": " + re_error);
      }
      lex_->cue_patterns_.push_back(std::move(pattern));
      lex_->cues_.push_back(std::move(cue));
    }
    return true;
  }

  bool ReadSchema(const nlohmann::json& doc) {
    const auto& schema = doc.value("schema", nlohmann::json::object());
    for (const auto& p :
         schema.value("selector_properties", nlohmann::json::array())) {
      lex_->selector_properties_.push_back(p.get<std::string>());
    }
    for (const auto& a : schema.value("arguments", nlohmann::json::array())) {
      ArgumentCue cue;
      if (!Category(a.value("category", nlohmann::json()), "schema arguments",
                    &cue.category)) {
        return false;
      }
      if (!Words(a, "schema arguments", &cue.names)) return false;
      lex_->argument_cues_.push_back(std::move(cue));
    }
    return true;
  }

  void BuildTable() {
    size_t size = 16;
    while (size < lex_->words_.size() * 2) size <<= 1;
    lex_->slots_.assign(size, {});
    for (size_t i = 0; i < lex_->words_.size(); ++i) {
      const uint64_t h = HashWord(lex_->words_[i].word);
      size_t s = h & (size - 1);
      while (lex_->slots_[s].hash != 0) s = (s + 1) & (size - 1);
      lex_->slots_[s] = {h, static_cast<uint32_t>(i)};
    }
  }

  Lexicon* lex_;
  std::string* error_ = nullptr;
  std::unordered_map<std::string, size_t> index_;
  std::unordered_map<std::string, ClassMask> class_bits_;
};

std::unique_ptr<Lexicon> Lexicon::Compile(std::string_view json,
                                          std::string* error) {
  nlohmann::json doc =
      nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) {
    *error = "the lexicon is not valid JSON";
    return nullptr;
  }
  std::unique_ptr<Lexicon> lex(new Lexicon());
  try {
    if (!LexiconBuilder(lex.get()).Build(doc, error)) return nullptr;
  } catch (const nlohmann::json::exception& e) {
    *error =
        std::string("the lexicon has a value of the wrong type: ") + e.what();
    return nullptr;
  }
  return lex;
}

}  // namespace mcpolicy::classify
