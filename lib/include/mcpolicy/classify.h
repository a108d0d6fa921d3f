// Heuristic risk classification of MCP tools that no catalog entry describes.
//
// A Classifier sorts one tool into read / write / execute / destructive /
// financial / other from whatever its definition offers: the name (always), the
// description, the MCP annotations and features of the input schema. All
// vocabulary comes from a lexicon (catalog/lexicon.json, embedded in the
// binary): general English and API words with categories, never a list of known
// tools.
//
//   mcpolicy::Classifier classifier;             // compiles the embedded
//   lexicon once if (!classifier.ok()) { ... classifier.error() ... }
//   mcpolicy::ToolInfo tool{.name = "d1_database_delete"};
//   mcpolicy::Classification c = classifier.Classify(tool);   // destructive,
//   critical
//
// Thread safety: after construction a Classifier is immutable; Classify may be
// called from any number of threads at once.
#ifndef MCPOLICY_CLASSIFY_H_
#define MCPOLICY_CLASSIFY_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mcpolicy {

// PolicyLayer's categories (DOMAIN.md §2).
enum class Category : uint8_t {
  kRead,
  kWrite,
  kExecute,
  kDestructive,
  kFinancial,
  kOther
};
enum class Risk : uint8_t { kLow, kMedium, kHigh, kCritical };

// "read", "write", "execute", "destructive", "financial", "other".
std::string_view CategoryName(Category category);
// Parses a CategoryName; nullopt for anything else.
std::optional<Category> ParseCategory(std::string_view name);
// "low", "medium", "high", "critical".
std::string_view RiskName(Risk risk);

// read/other low, write medium, execute high, destructive/financial critical.
Risk RiskOf(Category category);

// Danger order used to pick the worst operation and to decide "under-rated":
// read = other (0) < write (1) < execute (2) < destructive = financial (3).
int DangerRank(Category category);
// A total order for naming one worst category, e.g. a multiplexer's from its operations:
// financial (5) > destructive > execute > write > read > other (0). DangerRank ties destructive
// with financial and read with other on purpose, because for "under-rated" they weigh the same.
int CategoryRank(Category category);

// MCP tool annotations; nullopt where the server declared nothing. Untrusted
// hints.
struct ToolHints {
  std::optional<bool> read_only;    // readOnlyHint
  std::optional<bool> destructive;  // destructiveHint
  std::optional<bool> idempotent;   // idempotentHint
  std::optional<bool> open_world;   // openWorldHint
};

// An input-schema property whose values are restricted by `enum`.
struct EnumProperty {
  std::string_view name;
  std::vector<std::string_view> values;
};

// What the caller knows about one tool. Views only: the caller keeps the bytes
// alive for the duration of Classify. Everything but `name` may be empty.
struct ToolInfo {
  std::string_view name;
  std::string_view description;
  ToolHints hints;
  std::vector<std::string_view>
      properties;                   // top-level input-schema property names
  std::vector<EnumProperty> enums;  // the enum-valued properties among them
};

// Below this confidence an answer is a guess: Classification::uncertain is set, outputs say
// "uncertain", recommend never allows such a tool unconditionally and lint's uncertain-tool rule
// asks a reviewer to look at it.
inline constexpr double kUncertainBelow = 0.5;

struct Classification {
  Category category = Category::kOther;
  Risk risk = Risk::kLow;
  double confidence =
      0;  // 0..1; below kUncertainBelow means "a guess", said so in the evidence
  // confidence < kUncertainBelow, or a read verdict the tool does not declare (readOnlyHint
  // true) and no read verb supports: the category is the classifier's best guess, not a finding.
  bool uncertain = true;
  // Short phrases naming what decided, in order of weight, e.g. `verb "delete"
  // (token 3)`, `description: "permanently"`, `schema: action enum has
  // "delete"`, `hint readOnlyHint=true contradicts verb "delete"`.
  std::vector<std::string> evidence;
};

namespace classify {
class Lexicon;  // compiled vocabulary (lib/src/classify/lexicon.h)
class Model;      // learned weights (lib/src/classify/model.h)
class LazyModel;  // the embedded model, parsed on first use
}  // namespace classify

class Classifier {
 public:
  // Compiles the embedded catalog/lexicon.json and loads the embedded learned model
  // (catalog/classifier-model.json), which was trained against that lexicon.
  Classifier();
  // Compiles the lexicon in `lexicon_json` (same format), e.g. a user's
  // override file; the rules alone, since a model is bound to the lexicon it was trained with.
  explicit Classifier(std::string_view lexicon_json);
  // The lexicon and a model trained with it (bench/train.cc's output). An empty `model_json`
  // means the rules alone; a malformed one makes the classifier !ok().
  Classifier(std::string_view lexicon_json, std::string_view model_json);
  ~Classifier();
  Classifier(Classifier&&) noexcept;
  Classifier& operator=(Classifier&&) noexcept;

  // False when the lexicon did not parse or compile; Classify then answers
  // `other`, confidence 0.
  bool ok() const { return error_.empty(); }
  // One sentence saying why the lexicon was rejected; empty when ok().
  const std::string& error() const { return error_; }
  // The compiled vocabulary (nullptr when !ok()), for callers that classify parts of a tool,
  // such as a multiplexer's operation values.
  const classify::Lexicon* lexicon() const { return lexicon_.get(); }
  // The learned model (the embedded one is parsed on first use), or nullptr when the rules
  // decide alone.
  const classify::Model* model() const;

  Classification Classify(const ToolInfo& tool) const;

  // Same answer, written into `out`, reusing the storage of its evidence
  // strings, so a loop over many tools with one `out` allocates rarely (the
  // fast path of a million-name run).
  void Classify(const ToolInfo& tool, Classification* out) const;

 private:
  std::unique_ptr<const classify::Lexicon> lexicon_;
  std::unique_ptr<const classify::Model> model_;
  std::unique_ptr<const classify::LazyModel> lazy_model_;
  std::string error_;
};

}  // namespace mcpolicy

#endif  // MCPOLICY_CLASSIFY_H_
