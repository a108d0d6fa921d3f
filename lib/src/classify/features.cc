#include "classify/features.h"

#include <algorithm>
#include <cstring>

namespace mcpolicy::classify {
namespace {

constexpr size_t kDescriptionWords = 24;
constexpr size_t kArguments = 16;

constexpr std::string_view kBasisNames[] = {"empty", "clear", "multiplexer", "ambiguous", "noverb"};

std::string_view BasisName(Basis basis) { return kBasisNames[static_cast<size_t>(basis)]; }

std::string_view Bucket(float confidence) {
  return confidence >= 0.75f ? "/high" : confidence >= 0.5f ? "/mid" : "/low";
}

// The word a token stands for: the lexicon's entry (plural endings removed) or the token itself.
std::string_view WordOf(const Words& words, size_t i, char* scratch, size_t scratch_size) {
  if (const WordEntry* e = words.entry[i]) return e->word;
  std::string_view t = words.buffer.at(i);
  // Unknown words lose a plural "s" so "assets" and "asset" meet.
  if (t.size() > 3 && t.back() == 's' && t[t.size() - 2] != 's' && t.size() - 1 <= scratch_size) {
    std::memcpy(scratch, t.data(), t.size() - 1);
    return {scratch, t.size() - 1};
  }
  return t;
}

void AddLower(FeatureBuffer* out, std::string_view kind, std::string_view value) {
  char buffer[64];
  const size_t n = std::min(value.size(), sizeof buffer);
  for (size_t i = 0; i < n; ++i) {
    const char c = value[i];
    buffer[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  out->Add(kind, {buffer, n});
}

void NameFeatures(const Lexicon& lex, const Words& w, FeatureBuffer* out) {
  const size_t n = w.buffer.count;
  char scratch[kMaxNameBytes];
  out->Add("n:", n == 0 ? "0" : n == 1 ? "1" : n == 2 ? "2" : "3+");
  const std::vector<std::string>& classes = lex.class_names();
  for (size_t i = 0; i < n; ++i) {
    if (w.flags[i] & Words::kPhraseTail) continue;
    const std::string_view word = WordOf(w, i, scratch, sizeof scratch);
    out->Add("w:", word);
    if (i == 0) out->Add("f:", word);
    if (i + 1 == n || (i + 2 == n && (w.flags[i + 1] & Words::kPhraseTail))) out->Add("l:", word);
    const WordEntry* e = w.entry[i];
    if (!e) continue;
    if (e->verb != VerbKind::kNone) {
      out->Add("v:", CategoryName(e->verb_category), e->weak ? "/weak" : "");
    }
    for (size_t c = 0; c < classes.size(); ++c) {
      if (e->classes >> c & 1) out->Add("c:", classes[c]);
    }
  }
}

void DescriptionFeatures(const Lexicon& lex, std::string_view description, FeatureBuffer* out) {
  TokenizeOptions options;
  options.split_case = false;
  options.find_segments = false;
  options.max_tokens = kMaxTokens;
  TokenBuffer tokens;
  Tokenize(description, options, &tokens);
  size_t kept = 0;
  bool first = true;
  for (size_t i = 0; i < tokens.count && kept < kDescriptionWords; ++i) {
    std::string_view t = tokens.at(i);
    const WordEntry* e = lex.Find(t);
    if (!e && t.size() > 3 && t.back() == 's') e = lex.Find(t.substr(0, t.size() - 1));
    if (e && e->prose_skip) continue;
    const std::string_view word = e ? std::string_view(e->word) : t;
    out->Add("d:", word);
    if (first) out->Add("d0:", word);
    first = false;
    ++kept;
  }
}

}  // namespace

bool FeatureBuffer::Add(std::string_view kind, std::string_view a, std::string_view b) {
  const size_t n = kind.size() + a.size() + b.size();
  if (count == kMaxFeatures || used + n > text.size() || n > 0xFFFF) return false;
  begin[count] = static_cast<uint16_t>(used);
  size[count] = static_cast<uint16_t>(n);
  char* p = text.data() + used;
  std::memcpy(p, kind.data(), kind.size());
  std::memcpy(p + kind.size(), a.data(), a.size());
  if (!b.empty()) std::memcpy(p + kind.size() + a.size(), b.data(), b.size());
  used += n;
  ++count;
  return true;
}

void ExtractFeatures(const Lexicon& lexicon, const ToolInfo& tool, const HeuristicView& view,
                     FeatureBuffer* out) {
  out->Clear();
  out->Add("b:", "bias");
  char key[48];
  {
    const std::string_view c = CategoryName(view.category), b = BasisName(view.basis);
    const size_t n = c.size() + 1 + b.size();
    std::memcpy(key, c.data(), c.size());
    key[c.size()] = '/';
    std::memcpy(key + c.size() + 1, b.data(), b.size());
    out->Add("h:", {key, n});
  }
  out->Add("hc:", CategoryName(view.category), Bucket(view.confidence));
  {
    const std::string_view c = CategoryName(view.name.category), b = BasisName(view.name.basis);
    std::memcpy(key, c.data(), c.size());
    key[c.size()] = '/';
    std::memcpy(key + c.size() + 1, b.data(), b.size());
    out->Add("hn:", {key, c.size() + 1 + b.size()});
  }
  if (view.name_words) NameFeatures(lexicon, *view.name_words, out);

  if (view.description_cue >= 0) out->Add("q:", lexicon.cues()[view.description_cue].label);
  if (view.read_only_cue >= 0) out->Add("q:", "read-only claim");
  if (view.schema_operations) out->Add("o:", CategoryName(view.schema_operation));
  if (view.schema_unknown_operation) out->Add("o:", "unknown");
  const ToolHints& h = tool.hints;
  if (h.read_only) out->Add("ro:", *h.read_only ? "true" : "false");
  if (h.destructive) out->Add("de:", *h.destructive ? "true" : "false");
  if (h.idempotent) out->Add("id:", *h.idempotent ? "true" : "false");
  size_t arguments = 0;
  for (std::string_view p : tool.properties) {
    if (arguments++ == kArguments) break;
    AddLower(out, "a:", p);
  }
  if (!tool.description.empty()) DescriptionFeatures(lexicon, tool.description, out);
}

std::string DescribeFeature(std::string_view key) {
  const size_t colon = key.find(':');
  const std::string_view kind = key.substr(0, colon == std::string_view::npos ? 0 : colon + 1);
  const std::string value(colon == std::string_view::npos ? key : key.substr(colon + 1));
  if (kind == "w:") return "name word \"" + value + "\"";
  if (kind == "f:") return "first word \"" + value + "\"";
  if (kind == "l:") return "last word \"" + value + "\"";
  if (kind == "v:") return "a " + value + " verb in the name";
  if (kind == "c:") return "a word of class " + value;
  if (kind == "n:") return value + " word(s) in the name";
  if (kind == "h:") return "the rules' reading " + value;
  if (kind == "hn:") return "the name's own reading " + value;
  if (kind == "hc:") return "the rules' answer " + value;
  if (kind == "q:") return "description: \"" + value + "\"";
  if (kind == "o:") return "operation enum: " + value;
  if (kind == "ro:") return "readOnlyHint=" + value;
  if (kind == "de:") return "destructiveHint=" + value;
  if (kind == "id:") return "idempotentHint=" + value;
  if (kind == "a:") return "argument \"" + value + "\"";
  if (kind == "d:" || kind == "d0:") return "description word \"" + value + "\"";
  if (kind == "b:") return "prior";
  return std::string(key);
}

}  // namespace mcpolicy::classify
