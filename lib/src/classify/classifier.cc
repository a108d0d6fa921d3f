// Combines the signals of one tool definition into a Classification. The name
// decides unless it cannot (no verb, a multiplexer, an input-dependent verb);
// then the description's opening clause, its cues, the schema and the hints, in
// that order, may decide. Strong description cues
// ("permanently", "charges the customer") and schema operations can only make a
// tool more dangerous than its name says, except that a read-only claim settles
// an input-dependent verb.
#include <algorithm>
#include <array>

#include "classify/analyzer.h"
#include "classify/evidence.h"
#include "classify/features.h"
#include "classify/lexicon.h"
#include "classify/model.h"
#include "classify/signals.h"
#include "mcpolicy/classify.h"
#include "mcpolicy/embedded.h"

namespace mcpolicy {
namespace {

using classify::Basis;

constexpr std::array<std::string_view, 6> kCategoryNames = {
    "read", "write", "execute", "destructive", "financial", "other"};

std::string_view HintText(bool value) { return value ? "=true" : "=false"; }

// The word the name's verdict rests on, for hint contradictions ("verb
// \"delete\"").
std::string_view DecidingWord(const classify::Verdict& v,
                              const classify::Words& words) {
  if (v.note_count == 0 || v.notes[0].kind == classify::Note::kNoVerb)
    return {};
  const classify::Note& n = v.notes[v.note_count - 1];
  return classify::TokenText(
      words, n.kind == classify::Note::kRule ? n.verb : n.token);
}

}  // namespace

std::string_view CategoryName(Category category) {
  return kCategoryNames[static_cast<size_t>(category)];
}

std::optional<Category> ParseCategory(std::string_view name) {
  for (size_t i = 0; i < kCategoryNames.size(); ++i) {
    if (kCategoryNames[i] == name) return static_cast<Category>(i);
  }
  return std::nullopt;
}

std::string_view RiskName(Risk risk) {
  static constexpr std::array<std::string_view, 4> kNames = {
      "low", "medium", "high", "critical"};
  return kNames[static_cast<size_t>(risk)];
}

Risk RiskOf(Category category) {
  switch (category) {
    case Category::kWrite:
      return Risk::kMedium;
    case Category::kExecute:
      return Risk::kHigh;
    case Category::kDestructive:
    case Category::kFinancial:
      return Risk::kCritical;
    default:
      return Risk::kLow;
  }
}

int DangerRank(Category category) {
  switch (category) {
    case Category::kWrite:
      return 1;
    case Category::kExecute:
      return 2;
    case Category::kDestructive:
    case Category::kFinancial:
      return 3;
    default:
      return 0;
  }
}

int CategoryRank(Category category) {
  switch (category) {
    case Category::kFinancial:
      return 5;
    case Category::kDestructive:
      return 4;
    case Category::kExecute:
      return 3;
    case Category::kWrite:
      return 2;
    case Category::kRead:
      return 1;
    case Category::kOther:
      return 0;
  }
  return 0;
}

Classifier::Classifier() : Classifier(embedded::Find("catalog/lexicon.json"), {}) {
  if (lexicon_) {
    lazy_model_ = std::make_unique<classify::LazyModel>(
        embedded::Find("catalog/classifier-model.json"));
  }
}

const classify::Model* Classifier::model() const {
  if (model_) return model_.get();
  return lazy_model_ ? lazy_model_->Get() : nullptr;
}

Classifier::Classifier(std::string_view lexicon_json) : Classifier(lexicon_json, {}) {}

Classifier::Classifier(std::string_view lexicon_json, std::string_view model_json) {
  if (lexicon_json.empty()) {
    error_ = "the lexicon is empty (catalog/lexicon.json was not embedded)";
    return;
  }
  lexicon_ = classify::Lexicon::Compile(lexicon_json, &error_);
  if (!lexicon_ && error_.empty()) error_ = "the lexicon could not be compiled";
  if (!lexicon_ || model_json.empty()) return;
  model_ = classify::Model::Parse(model_json, &error_);
  if (!model_) lexicon_.reset();
}

Classifier::~Classifier() = default;
Classifier::Classifier(Classifier&&) noexcept = default;
Classifier& Classifier::operator=(Classifier&&) noexcept = default;

Classification Classifier::Classify(const ToolInfo& tool) const {
  Classification c;
  Classify(tool, &c);
  return c;
}

namespace classify {

// The rule-based reading of `tool`: the name decides unless it cannot, then the description, the
// schema and the hints may; writes its evidence and fills `view` (category, basis, confidence and
// the signals the learned model sees).
void RunRules(const Lexicon& lex, const ToolInfo& tool, Words* name_words_out,
              HeuristicView* view, EvidenceWriter* evidence_writer) {
  classify::Words& name_words = *name_words_out;
  classify::EvidenceWriter& evidence = *evidence_writer;

  const classify::Verdict name =
      classify::AnalyzeName(lex, tool.name, &name_words);
  Category category = name.category;
  float confidence = name.confidence;
  Basis basis = name.basis;

  // Description: the opening clause speaks for a name without a verb; cues may
  // raise.
  classify::DescriptionSignals desc;
  classify::ScanDescription(lex, tool.description,
                            classify::ClassesOf(name_words), &desc);
  bool lead_decided = false, read_only_settled = false, raised = false;
  if (desc.present) {
    const Basis lead = desc.lead.basis;
    if ((basis == Basis::kNoVerb || basis == Basis::kEmpty) &&
        lead != Basis::kNoVerb && lead != Basis::kEmpty) {
      category = desc.lead.category;
      confidence = lead == Basis::kClear ? 0.7f : desc.lead.confidence;
      basis = lead;
      lead_decided = true;
    } else if (basis == Basis::kClear && lead == Basis::kClear &&
               desc.lead.category == category) {
      confidence = std::min(0.97f, confidence + 0.05f);
    }
    if (basis == Basis::kAmbiguous && desc.read_only_cue >= 0) {
      category = Category::kRead;
      confidence = 0.6f;
      basis = Basis::kClear;
      read_only_settled = true;
    }
    if (desc.raise_cue >= 0) {
      const classify::Cue& cue = lex.cues()[static_cast<size_t>(desc.raise_cue)];
      if (DangerRank(cue.category) > DangerRank(category)) {
        category = cue.category;
        confidence = std::max(confidence, 0.75f);
        basis = Basis::kClear;
        raised = true;
      }
    }
  }

  if (lead_decided) classify::AddLeadNote(desc.lead, desc.words, &evidence);
  if (raised) {
    evidence.Add({"description: \"", lex.cues()[static_cast<size_t>(desc.raise_cue)].label, "\""});
  }
  if (read_only_settled) {
    evidence.Add({"description: \"", lex.cues()[static_cast<size_t>(desc.read_only_cue)].label,
                  "\" settles the input-dependent verb: read"});
  }
  classify::AddNameNotes(lex, name, name_words,
                         lead_decided || raised || read_only_settled,
                         &evidence);

  // Schema: an operation enum shows the worst operation outright.
  classify::SchemaSignals schema;
  classify::ScanSchema(lex, tool, &schema);
  if (schema.has_operations) {
    const bool open = basis != Basis::kClear;
    const bool floor_only =
        !schema.unknown_operation.empty() && DangerRank(schema.operation_category) == 0;
    if (floor_only) {
      evidence.Add({"schema: ", schema.selector, " enum has \"", schema.unknown_operation,
                    "\", an operation of unknown effect"});
    } else if (open || DangerRank(schema.operation_category) > DangerRank(category)) {
      category = schema.operation_category;
      confidence = 0.85f;
      basis = Basis::kClear;
    }
    evidence.Add({"schema: ", schema.selector, " enum has \"", schema.operation,
                  "\" (", CategoryName(schema.operation_category), ")"});
  }
  if (schema.has_argument) {
    const bool open = basis != Basis::kClear;
    if (open && DangerRank(schema.argument_category) > DangerRank(category)) {
      category = schema.argument_category;
      confidence = 0.5f;
    }
    evidence.Add({"schema: argument \"", schema.argument, "\" (",
                  CategoryName(schema.argument_category), ")"});
  }

  // Hints: untrusted; they settle only what the rest left open, and
  // contradictions are reported.
  const std::string_view word = DecidingWord(name, name_words);
  const ToolHints& hints = tool.hints;
  if (hints.read_only) {
    const bool read = DangerRank(category) == 0;
    if (*hints.read_only && basis == Basis::kNoVerb) {
      // Nothing else spoke: the server's own declaration is the only evidence there is.
      category = Category::kRead;
      confidence = 0.6f;
      evidence.Add({"hint readOnlyHint=true: read"});
    } else if (*hints.read_only && read) {
      confidence = std::min(0.97f, confidence + 0.1f);
      evidence.Add({"hint readOnlyHint=true agrees"});
    } else if (*hints.read_only && basis == Basis::kAmbiguous) {
      category = Category::kRead;
      confidence = 0.55f;
      evidence.Add(
          {"hint readOnlyHint=true settles the input-dependent verb: read"});
    } else if (*hints.read_only && !read && !word.empty()) {
      evidence.Add({"hint readOnlyHint", HintText(*hints.read_only),
                    " contradicts verb \"", word, "\""});
    } else if (*hints.read_only && !read) {
      evidence.Add({"hint readOnlyHint", HintText(*hints.read_only),
                    " contradicts ", CategoryName(category)});
    }  // readOnlyHint=false on a read verdict: ruled out below
  }
  if (hints.destructive && !hints.read_only.value_or(false)) {
    const bool destructive = category == Category::kDestructive;
    if (*hints.destructive != destructive &&
        (destructive || DangerRank(category) == 0)) {
      evidence.Add({"hint destructiveHint", HintText(*hints.destructive),
                    " contradicts ",
                    word.empty() ? CategoryName(category) : "verb \"", word,
                    word.empty() ? "" : "\""});
    }
  }

  view->name_words = &name_words;
  view->name = name;
  view->category = category;
  view->basis = basis;
  view->confidence = confidence;
  view->description_cue = desc.raise_cue;
  view->read_only_cue = desc.read_only_cue;
  view->schema_operations = schema.has_operations;
  view->schema_operation = schema.operation_category;
  view->schema_unknown_operation = !schema.unknown_operation.empty();
}

void ToolFeatures(const Lexicon& lexicon, const ToolInfo& tool, FeatureBuffer* out) {
  Words name_words;
  HeuristicView view;
  std::vector<std::string> scratch;
  EvidenceWriter evidence(&scratch);
  RunRules(lexicon, tool, &name_words, &view, &evidence);
  ExtractFeatures(lexicon, tool, view, out);
}

}  // namespace classify

void Classifier::Classify(const ToolInfo& tool, Classification* out) const {
  classify::EvidenceWriter evidence(&out->evidence);
  if (!lexicon_) {
    out->category = Category::kOther;
    out->risk = RiskOf(out->category);
    out->confidence = 0;
    out->uncertain = true;
    evidence.Add({"no lexicon: ", error_});
    evidence.Finish();
    return;
  }
  const classify::Lexicon& lex = *lexicon_;
  classify::Words name_words;
  classify::HeuristicView view;
  classify::RunRules(lex, tool, &name_words, &view, &evidence);
  Category category = view.category;
  float confidence = view.confidence;
  Basis basis = view.basis;
  const ToolHints& hints = tool.hints;
  // MCP's annotation semantics: readOnlyHint=false, or destructiveHint=true without
  // readOnlyHint=true, says the tool changes its environment, so it is not read (DOMAIN.md §3).
  const bool declared_read_only = hints.read_only.value_or(false);
  const bool declared_changes =
      (hints.read_only && !*hints.read_only) ||
      (hints.destructive.value_or(false) && !declared_read_only);
  const bool read_ruled_out = declared_changes && DangerRank(category) == 0;
  const bool sure = classify::RulesSure(view) && !read_ruled_out;
  // A bare name the rules are sure of never pays for the model (names-only speed); a tool that
  // shows more may be overruled when the model is confident (Model::overrule()).
  const bool more_than_name = !tool.description.empty() || !tool.properties.empty() ||
                              !tool.enums.empty() || hints.read_only || hints.destructive ||
                              hints.idempotent || hints.open_world;
  bool overruled = false;
  if (!sure || more_than_name) {
    if (const classify::Model* m = model()) {
      // Overruling a sure verb, hints that declare changes rule read out as well.
      const bool not_read = read_ruled_out || (sure && declared_changes);
      overruled = classify::ApplyModel(*m, lex, tool, view, not_read, sure, &category,
                                       &confidence, &evidence);
    }
  }
  if (DangerRank(category) == 0 && declared_changes) {
    category = Category::kWrite;
    confidence = std::min(confidence, 0.45f);
    evidence.Add({hints.read_only ? "hint readOnlyHint=false" : "hint destructiveHint=true",
                  " rules out read: assuming write, low confidence"});
  }

  out->category = category;
  out->risk = RiskOf(category);
  out->confidence = std::clamp(static_cast<double>(confidence), 0.0, 1.0);
  // A read answer that no read word or declaration supports is a guess whatever its score.
  out->uncertain = out->confidence < kUncertainBelow ||
                   (DangerRank(category) == 0 && (basis != Basis::kClear || overruled) &&
                    !declared_read_only);
  evidence.Settle(category);  // no "assuming destructive" beside an execute answer
  evidence.Finish();
}

}  // namespace mcpolicy
