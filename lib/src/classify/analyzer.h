// Reads a category from a run of words: a tool name, or the opening clause of a
// description
// ("prose"). Finds the governing verb anywhere in the words, lets the objects
// and the context change its meaning, and records each reason as a Note for the
// evidence.
#ifndef MCPOLICY_CLASSIFY_ANALYZER_H_
#define MCPOLICY_CLASSIFY_ANALYZER_H_

#include <array>
#include <cstdint>
#include <string_view>

#include "classify/lexicon.h"
#include "classify/tokenizer.h"
#include "mcpolicy/classify.h"

namespace mcpolicy::classify {

// One reason behind a verdict; formatted into an evidence phrase by the caller
// while the tokens it points to are still alive.
struct Note {
  enum Kind : uint8_t {
    kVerb,        // token's verb decided (category)
    kJoinedVerb,  // a second verb joined by "or"/"and" was worse
    kUiVerb,      // token's verb, read in a user-interface context
    kRule,        // rule `index` matched, triggered by object token `token`
    kQualifier,   // token ("dry_run", "preview") makes the call change nothing
    kSuffix,      // trailing "_read"/"_write" names a variant of the tool
    kMultiplexerVerb,  // token ("manage") selects among operations: worst
                       // plausible, a guess
    kMultiplexerNoun,  // token ("management", "action") likewise
    kAmbiguous,  // token's verb ("query") depends on caller input: a guess
    kNounRule,  // no verb, but noun rule `index` matched token ("mouse", "sql")
    kNoVerb,    // no verb at all: not known to be read-only, assumed write, a guess
  };
  Kind kind = kNoVerb;
  uint8_t token = 0;   // index into the TokenBuffer
  uint8_t verb = 0;    // kRule: the verb's token
  uint16_t index = 0;  // kRule, kNounRule: rule index
  Category category = Category::kRead;
};

inline constexpr size_t kMaxNotes = 6;

// How firmly the words decide.
enum class Basis : uint8_t {
  kEmpty,        // no words at all
  kClear,        // a verb (or a rule) decided
  kMultiplexer,  // the tool selects among operations; category is the worst
                 // plausible one
  kAmbiguous,    // the verb's effect depends on the caller's input; most
                 // dangerous plausible
  kNoVerb,       // only nouns: assumed write (nothing says read-only)
};

struct Verdict {
  Category category = Category::kRead;
  float confidence = 0;
  Basis basis = Basis::kEmpty;
  std::array<Note, kMaxNotes> notes;
  size_t note_count = 0;

  void AddNote(const Note& note) {
    if (note_count < kMaxNotes) notes[note_count++] = note;
  }
};

// Tokens resolved against the lexicon.
struct Words {
  TokenBuffer buffer;
  std::array<const WordEntry*, kMaxTokens>
      entry;  // null: unknown word or phrase continuation
  std::array<uint8_t, kMaxTokens> flags;  // kPlural | kPhraseTail | kInflected
  static constexpr uint8_t kPlural =
      1;  // found only after removing a plural ending
  static constexpr uint8_t kPhraseTail =
      2;  // second word of a phrase; its head holds the entry
  static constexpr uint8_t kInflected =
      4;  // found after removing "-s"/"-ing" (prose verbs)
};

// Tokenises a tool name and analyses it.
Verdict AnalyzeName(const Lexicon& lexicon, std::string_view name,
                    Words* words);

// The object classes of all words (a name's context for reading its
// description).
ClassMask ClassesOf(const Words& words);

// Analyses the first clause of a description, skipping boilerplate ("This tool
// will"). The verb must open the clause. `context`: classes of the tool's name,
// which the description is about
// ("browser" makes "Save the page" a read).
Verdict AnalyzeProse(const Lexicon& lexicon, std::string_view description,
                     ClassMask context, Words* words);

// The category an operation word names ("delete", "list_revisions",
// "change_status") or nullopt when it names none; used for the values of an
// action/operation enum.
std::optional<Category> OperationCategory(const Lexicon& lexicon,
                                          std::string_view value);

}  // namespace mcpolicy::classify

#endif  // MCPOLICY_CLASSIFY_ANALYZER_H_
