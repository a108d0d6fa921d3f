#include "classify/evidence.h"

#include <array>

namespace mcpolicy::classify {
namespace {

std::string Concat(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (std::string_view p : parts) out.append(p);
  return out;
}

}  // namespace

void EvidenceWriter::Add(std::initializer_list<std::string_view> parts) {
  if (used_ == out_->size()) out_->emplace_back();
  std::string& s = (*out_)[used_++];
  s.clear();
  for (std::string_view p : parts) s.append(p);
}

void EvidenceWriter::MoveLastToFront() {
  if (used_ <= 1) return;
  auto begin = out_->begin();
  std::rotate(begin, begin + static_cast<std::ptrdiff_t>(used_ - 1),
              begin + static_cast<std::ptrdiff_t>(used_));
  for (Assumption& a : assumptions_) a.index = a.index + 1 == used_ ? 0 : a.index + 1;
}

void EvidenceWriter::MarkAssumption(Category category, std::string settled) {
  if (used_ > 0) assumptions_.push_back({used_ - 1, category, std::move(settled)});
}

void EvidenceWriter::Settle(Category final_category) {
  for (Assumption& a : assumptions_) {
    if (a.category != final_category && a.index < used_) (*out_)[a.index] = std::move(a.settled);
  }
  assumptions_.clear();
}

std::string_view TokenText(const Words& words, size_t i) {
  if (i + 1 < words.buffer.count && (words.flags[i + 1] & Words::kPhraseTail)) {
    return words.buffer.pair(i);
  }
  return words.buffer.at(i);
}

std::string_view TokenNumber(size_t i) {
  static const std::array<std::string, kMaxTokens> kNames = [] {
    std::array<std::string, kMaxTokens> names;
    for (size_t k = 0; k < kMaxTokens; ++k)
      names[k] = "token " + std::to_string(k + 1);
    return names;
  }();
  return i < kMaxTokens ? std::string_view(kNames[i])
                        : std::string_view("token ?");
}

void AddNameNotes(const Lexicon& lexicon, const Verdict& verdict,
                  const Words& words, bool superseded, EvidenceWriter* writer) {
  for (size_t k = 0; k < verdict.note_count; ++k) {
    const Note& note = verdict.notes[k];
    const std::string_view word =
        note.kind == Note::kNoVerb ? "" : TokenText(words, note.token);
    const std::string_view where = TokenNumber(note.token);
    const std::string_view category = CategoryName(note.category);
    switch (note.kind) {
      case Note::kVerb:
        writer->Add({"verb \"", word, "\" (", where, ")"});
        break;
      case Note::kJoinedVerb:
        writer->Add(
            {"second verb \"", word, "\" (", where, ") is worse: ", category});
        break;
      case Note::kUiVerb:
        writer->Add({"verb \"", word, "\" (", where,
                     ") on a live user interface: ", category});
        break;
      case Note::kRule: {
        const Rule& rule = lexicon.rules()[note.index];
        if (note.token == note.verb) {
          writer->Add({"verb \"", word, "\" (", where, "): ", rule.note});
        } else {
          writer->Add({"object \"", word, "\" (", where, ") with verb \"",
                       TokenText(words, note.verb), "\": ", rule.note});
        }
        if (rule.guess) {
          writer->Add({"the effect depends on the caller's input: assuming ",
                       category, ", low confidence"});
          writer->MarkAssumption(note.category, "the effect depends on the caller's input");
        }
        break;
      }
      case Note::kQualifier:
        writer->Add({"qualifier \"", word, "\" (", where,
                     "): the call changes nothing"});
        break;
      case Note::kSuffix:
        writer->Add({"suffix \"", word, "\" (", where, ") names the tool's ",
                     category, " operations",
                     verdict.basis == Basis::kMultiplexer
                         ? ", which may include the worst: low confidence"
                         : ""});
        break;
      case Note::kMultiplexerVerb:
      case Note::kMultiplexerNoun: {
        std::string settled =
            Concat({"\"", word, "\" (", where, ") selects among operations the name does not list"});
        writer->Add({settled, ": assuming the worst plausible (", category,
                     "), low confidence"});
        writer->MarkAssumption(note.category, std::move(settled));
        break;
      }
      case Note::kAmbiguous: {
        std::string settled =
            Concat({"verb \"", word, "\" (", where, ") depends on the caller's input"});
        writer->Add({settled, ": assuming the most dangerous plausible (", category,
                     "), low confidence"});
        writer->MarkAssumption(note.category, std::move(settled));
        break;
      }
      case Note::kNounRule: {
        const Rule& rule = lexicon.noun_rules()[note.index];
        std::string settled = Concat({"no verb; \"", word, "\" (", where, "): ", rule.note});
        writer->Add({settled, rule.guess ? ": assuming " : "",
                     rule.guess ? category : "",
                     rule.guess ? ", low confidence" : ""});
        if (rule.guess) writer->MarkAssumption(note.category, std::move(settled));
        break;
      }
      case Note::kNoVerb:
        if (superseded) {
          writer->Add({"no verb in the name"});
        } else {
          writer->Add({"no verb in the name, so not known to be read-only: assuming write, "
                       "low confidence"});
          writer->MarkAssumption(Category::kWrite, "no verb in the name");
        }
        break;
    }
  }
}

void AddLeadNote(const Verdict& lead, const Words& words,
                 EvidenceWriter* writer) {
  if (lead.note_count == 0) return;
  const Note& note = lead.notes[0];
  const std::string_view category = CategoryName(lead.category);
  switch (note.kind) {
    case Note::kNoVerb:
      return;
    case Note::kMultiplexerVerb:
    case Note::kMultiplexerNoun:
    case Note::kAmbiguous:
    case Note::kNounRule: {
      std::string settled =
          Concat({"description: \"", TokenText(words, note.token), "\" leaves the operation open"});
      writer->Add({settled, ": assuming ", category, ", low confidence"});
      writer->MarkAssumption(lead.category, std::move(settled));
      return;
    }
    case Note::kRule:
      writer->Add({"description: \"", TokenText(words, note.verb), "\" ... \"",
                   TokenText(words, note.token), "\" means ", category});
      return;
    default:
      writer->Add({"description: \"", TokenText(words, note.token), "\" means ",
                   category});
      return;
  }
}

}  // namespace mcpolicy::classify
