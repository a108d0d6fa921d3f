// Tree::Parse: libyaml's events turned into a Tree with an explicit stack (no recursion), with
// duplicate keys, anchors, aliases, merge keys and tags decided as each node is completed.
#include <yaml.h>

#include <algorithm>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "yaml/input.h"
#include "yaml/problems.h"
#include "yaml/scalar.h"
#include "yaml/tree.h"

namespace mcpolicy::yaml {

namespace {

constexpr std::string_view kCoreTag = "tag:yaml.org,2002:";
constexpr uint64_t kWeightCap = uint64_t{1} << 40;  // expanded sizes saturate here

struct ParserDeleter {
  void operator()(yaml_parser_t* p) const {
    yaml_parser_delete(p);
    delete p;
  }
};

// One event, deleted when it goes out of scope.
struct Event {
  yaml_event_t e{};
  bool live = false;
  ~Event() {
    if (live) yaml_event_delete(&e);
  }
};

std::string TagOf(const yaml_char_t* tag) {
  return tag ? std::string(reinterpret_cast<const char*>(tag)) : std::string();
}

std::string AnchorOf(const yaml_char_t* anchor) {
  return anchor ? std::string(reinterpret_cast<const char*>(anchor)) : std::string();
}

}  // namespace

class Builder {
 public:
  Builder(Tree& tree, const ParseOptions& options, size_t start)
      : tree_(tree), options_(options), start_(start), index_(tree.text_, start) {}
  void Run();

 private:
  struct Frame {
    uint32_t node;
    std::vector<uint32_t> children;
    std::unordered_map<std::string, uint32_t> keys;  // identity of each key -> key node
  };

  bool Fail(ParseError::Kind kind, uint32_t offset, std::string message);
  uint32_t Offset(const yaml_mark_t& mark) const {
    return index_.ByteOffset(mark.index);
  }
  uint32_t NewNode(Kind kind, Style style, const yaml_mark_t& start, const yaml_mark_t& end,
                   std::string tag, std::string anchor);
  bool CheckTag(uint32_t node, Kind kind);
  bool AddChild(uint32_t node);
  bool OpenCollection(const yaml_event_t& e, Kind kind);
  bool CloseCollection(const yaml_mark_t& end);
  bool ApplyMerges(Frame& frame);
  bool CountExpansion(uint64_t weight, uint32_t offset);
  std::string KeyIdentity(uint32_t key) const;

  Tree& tree_;
  const ParseOptions& options_;
  size_t start_;
  CodePointIndex index_;
  std::vector<Frame> stack_;
  std::vector<uint64_t> weight_;  // expanded size of each node; 0 while a collection is open
  std::unordered_map<std::string, uint32_t> anchors_;
  uint64_t expanded_ = 0;
  int documents_ = 0;
};

bool Builder::Fail(ParseError::Kind kind, uint32_t offset, std::string message) {
  if (!tree_.error_) tree_.error_ = ParseError{kind, tree_.Locate(offset), std::move(message)};
  return false;
}

uint32_t Builder::NewNode(Kind kind, Style style, const yaml_mark_t& start, const yaml_mark_t& end,
                          std::string tag, std::string anchor) {
  Node n;
  n.kind = kind;
  n.style = style;
  n.begin = tree_.Locate(Offset(start));
  n.end = Offset(end);
  n.tag = std::move(tag);
  n.anchor = std::move(anchor);
  tree_.nodes_.push_back(std::move(n));
  weight_.push_back(kind == Kind::kScalar ? 1 : 0);
  auto index = static_cast<uint32_t>(tree_.nodes_.size() - 1);
  if (!tree_.nodes_[index].anchor.empty()) anchors_[tree_.nodes_[index].anchor] = index;
  return index;
}

// Only YAML's core tags: a custom tag asks for a type a policy reader does not have.
bool Builder::CheckTag(uint32_t node, Kind kind) {
  const Node& n = tree_.nodes_[node];
  if (n.tag.empty() || n.tag == "!") return true;
  std::string_view tag = n.tag;
  std::string_view name = tag.substr(0, kCoreTag.size()) == kCoreTag ? tag.substr(kCoreTag.size()) : "";
  bool scalar_tag = name == "str" || name == "int" || name == "float" || name == "bool" || name == "null";
  bool core = scalar_tag || name == "map" || name == "seq";
  if (!core) {
    return Fail(ParseError::Kind::kTag, n.begin.offset,
                "tag '" + ShortTag(tag) +
                    "' is not supported: a policy holds plain YAML values (only the core tags !!str, "
                    "!!int, !!float, !!bool, !!null, !!seq and !!map are read)");
  }
  bool fits = (kind == Kind::kScalar && scalar_tag) || (kind == Kind::kMap && name == "map") ||
              (kind == Kind::kSeq && name == "seq");
  if (!fits) {
    std::string what = kind == Kind::kScalar ? "a scalar" : kind == Kind::kMap ? "a mapping" : "a list";
    return Fail(ParseError::Kind::kTag, n.begin.offset, "tag '" + ShortTag(tag) + "' cannot mark " + what);
  }
  if (kind == Kind::kScalar) {
    bool ok = true;
    ResolveScalar(tree_, node, &ok);
    if (!ok) {
      std::string text(tree_.scalars_[n.first].substr(0, 40));
      return Fail(ParseError::Kind::kTag, n.begin.offset,
                  "'" + text + "' is not a valid " + ShortTag(tag) + " value");
    }
  }
  return true;
}

// Two keys are the same when their scalars are: quoted and string-valued plain keys by text,
// other plain keys (null, true, 1) by type and text.
std::string Builder::KeyIdentity(uint32_t key) const {
  uint32_t r = tree_.Resolve(key);
  std::string_view text = tree_.ScalarText(r);
  ScalarValue v = ResolveScalar(tree_, r);
  std::string id(1, static_cast<char>('0' + static_cast<int>(v.type)));
  id += text;
  return id;
}

bool Builder::CountExpansion(uint64_t weight, uint32_t offset) {
  expanded_ += std::min(weight, kWeightCap);
  uint64_t limit = options_.max_expanded_nodes + 10 * uint64_t{tree_.nodes_.size()};
  if (expanded_ > limit) {
    return Fail(ParseError::Kind::kAlias, offset,
                "aliases expand this document past " + std::to_string(limit) +
                    " nodes (a \"billion laughs\" document?); write the repeated parts out");
  }
  return true;
}

bool Builder::AddChild(uint32_t node) {
  if (stack_.empty()) return true;  // the root
  Frame& frame = stack_.back();
  const Node& parent = tree_.nodes_[frame.node];
  if (parent.kind == Kind::kMap && frame.children.size() % 2 == 0) {
    uint32_t r = tree_.Resolve(node);
    if (tree_.nodes_[r].kind != Kind::kScalar) {
      return Fail(ParseError::Kind::kKey, tree_.nodes_[node].begin.offset,
                  "a mapping or list cannot be a key; policy keys are plain names");
    }
    auto [it, inserted] = frame.keys.emplace(KeyIdentity(node), node);
    if (!inserted) tree_.duplicates_.push_back({it->second, node});
  }
  frame.children.push_back(node);
  return true;
}

bool Builder::OpenCollection(const yaml_event_t& e, Kind kind) {
  if (stack_.size() >= kMaxDepth) {
    return Fail(ParseError::Kind::kDepth, Offset(e.start_mark),
                "nesting deeper than " + std::to_string(kMaxDepth) + " levels; a policy needs only a few");
  }
  if (!stack_.empty() && tree_.nodes_[stack_.back().node].kind == Kind::kMap &&
      stack_.back().children.size() % 2 == 0) {
    return Fail(ParseError::Kind::kKey, Offset(e.start_mark),
                "a mapping or list cannot be a key; policy keys are plain names");
  }
  bool flow;
  std::string tag, anchor;
  if (kind == Kind::kMap) {
    flow = e.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;
    tag = TagOf(e.data.mapping_start.tag);
    anchor = AnchorOf(e.data.mapping_start.anchor);
  } else {
    flow = e.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE;
    tag = TagOf(e.data.sequence_start.tag);
    anchor = AnchorOf(e.data.sequence_start.anchor);
  }
  uint32_t node = NewNode(kind, flow ? Style::kFlow : Style::kBlock, e.start_mark, e.end_mark,
                          std::move(tag), std::move(anchor));
  if (!CheckTag(node, kind)) return false;
  stack_.push_back(Frame{node, {}, {}});
  return true;
}

bool Builder::ApplyMerges(Frame& frame) {
  Node& map = tree_.nodes_[frame.node];
  std::vector<uint32_t> merge_values;
  std::unordered_map<std::string, bool> seen;
  std::vector<std::pair<uint32_t, uint32_t>> effective;
  for (size_t i = 0; i + 1 < frame.children.size(); i += 2) {
    uint32_t key = frame.children[i];
    const Node& k = tree_.nodes_[key];
    if (k.kind == Kind::kScalar && k.style == Style::kPlain && k.tag.empty() &&
        tree_.scalars_[k.first] == "<<") {
      merge_values.push_back(frame.children[i + 1]);
      continue;
    }
    seen.emplace(KeyIdentity(key), true);
    effective.emplace_back(key, frame.children[i + 1]);
  }
  if (merge_values.empty()) return true;
  for (uint32_t value : merge_values) {
    uint32_t r = tree_.Resolve(value);
    std::vector<uint32_t> sources;
    if (tree_.nodes_[r].kind == Kind::kMap) {
      sources.push_back(r);
    } else if (tree_.nodes_[r].kind == Kind::kSeq) {
      for (uint32_t item : tree_.Items(r)) sources.push_back(tree_.Resolve(item));
    }
    bool ok = !sources.empty();
    for (uint32_t s : sources) ok = ok && tree_.nodes_[s].kind == Kind::kMap;
    if (!ok) {
      return Fail(ParseError::Kind::kSyntax, tree_.nodes_[value].begin.offset,
                  "a merge key '<<' takes a mapping or a list of mappings (such as *defaults)");
    }
    for (uint32_t s : sources) {
      for (auto [k, v] : tree_.Entries(s)) {
        if (seen.emplace(KeyIdentity(k), true).second) effective.emplace_back(k, v);
      }
    }
  }
  map.has_merge = true;
  map.merged_first = static_cast<uint32_t>(tree_.merged_.size());
  map.merged_count = static_cast<uint32_t>(effective.size());
  tree_.merged_.insert(tree_.merged_.end(), effective.begin(), effective.end());
  return true;
}

bool Builder::CloseCollection(const yaml_mark_t& end) {
  Frame frame = std::move(stack_.back());
  stack_.pop_back();
  Node& n = tree_.nodes_[frame.node];
  n.first = static_cast<uint32_t>(tree_.children_.size());
  n.count = static_cast<uint32_t>(frame.children.size());
  tree_.children_.insert(tree_.children_.end(), frame.children.begin(), frame.children.end());
  // A block collection's end event sits at the next token, maybe lines below: end at the last child.
  if (n.style == Style::kFlow || frame.children.empty()) {
    n.end = Offset(end);
  } else {
    n.end = tree_.nodes_[frame.children.back()].end;
  }
  uint64_t weight = 1;
  for (uint32_t c : frame.children) weight = std::min(weight + weight_[tree_.Resolve(c)], kWeightCap);
  weight_[frame.node] = weight;
  if (n.kind == Kind::kMap && !ApplyMerges(frame)) return false;
  return AddChild(frame.node);
}

void Builder::Run() {
  std::unique_ptr<yaml_parser_t, ParserDeleter> parser(new yaml_parser_t);
  if (!yaml_parser_initialize(parser.get())) {
    Fail(ParseError::Kind::kTooLarge, 0, "out of memory starting the YAML parser");
    return;
  }
  const std::string& text = tree_.text_;
  yaml_parser_set_input_string(parser.get(), reinterpret_cast<const unsigned char*>(text.data()) + start_,
                               text.size() - start_);
  yaml_parser_set_encoding(parser.get(), YAML_UTF8_ENCODING);
  while (true) {
    Event ev;
    if (!yaml_parser_parse(parser.get(), &ev.e)) {
      const yaml_parser_t& p = *parser;
      uint32_t offset = p.error == YAML_READER_ERROR
                            ? static_cast<uint32_t>(std::min(start_ + p.problem_offset, text.size()))
                            : Offset(p.problem_mark);
      uint32_t at = offset < text.size() ? static_cast<unsigned char>(text[offset]) : 0;
      std::string_view problem = p.problem ? p.problem : "invalid YAML";
      std::string_view context = p.context ? p.context : "";
      Position context_at = tree_.Locate(Offset(p.context_mark));
      bool at_end = std::all_of(text.begin() + offset, text.end(), [](char c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
      });
      if (context.find("quoted scalar") != std::string_view::npos && problem == "found unexpected end of stream") {
        offset = context_at.offset;  // where the string opened, as for JSON
      } else if (at_end && !stack_.empty() && tree_.nodes_[stack_.back().node].style == Style::kFlow) {
        const Node& open = tree_.nodes_[stack_.back().node];
        Fail(ParseError::Kind::kSyntax, offset,
             std::string("unexpected end of file: the ") + (open.kind == Kind::kMap ? "mapping" : "list") +
                 " opened at line " + std::to_string(open.begin.line) + ", column " +
                 std::to_string(open.begin.column) + " is not closed");
        return;
      }
      Fail(ParseError::Kind::kSyntax, offset, RewordProblem(problem, context, at, context_at));
      return;
    }
    ev.live = true;
    const yaml_event_t& e = ev.e;
    switch (e.type) {
      case YAML_STREAM_START_EVENT:
      case YAML_DOCUMENT_END_EVENT:
      case YAML_NO_EVENT:
        break;
      case YAML_STREAM_END_EVENT: {
        if (documents_ == 0) {
          bool blank = std::all_of(text.begin() + static_cast<std::ptrdiff_t>(start_), text.end(),
                                   [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; });
          Fail(ParseError::Kind::kEmpty, static_cast<uint32_t>(start_),
               text.size() == start_ ? "file is empty; expected a YAML mapping"
               : blank ? "file holds only whitespace; expected a YAML mapping"
                       : "file holds only comments; expected a YAML mapping");
        }
        return;
      }
      case YAML_DOCUMENT_START_EVENT: {
        if (++documents_ > 1) {
          uint32_t offset = Offset(e.start_mark);
          Fail(ParseError::Kind::kSecondDocument, offset,
               "a second YAML document starts at line " + std::to_string(tree_.Locate(offset).line) +
                   "; a policy file holds one document, and Intercept would read only the first");
          return;
        }
        break;
      }
      case YAML_ALIAS_EVENT: {
        std::string name = AnchorOf(e.data.alias.anchor);
        auto it = anchors_.find(name);
        uint32_t offset = Offset(e.start_mark);
        if (it == anchors_.end()) {
          Fail(ParseError::Kind::kAlias, offset, "alias *" + name + " has no anchor &" + name + " before it");
          return;
        }
        if (weight_[it->second] == 0) {
          Fail(ParseError::Kind::kAlias, offset,
               "alias *" + name + " is inside the node it names (a recursive alias)");
          return;
        }
        uint32_t node = NewNode(Kind::kAlias, Style::kPlain, e.start_mark, e.end_mark, "", "");
        tree_.nodes_[node].target = it->second;
        weight_[node] = weight_[it->second];
        if (!CountExpansion(weight_[it->second], offset) || !AddChild(node)) return;
        break;
      }
      case YAML_SCALAR_EVENT: {
        Style style = Style::kPlain;
        switch (e.data.scalar.style) {
          case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = Style::kSingle; break;
          case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = Style::kDouble; break;
          case YAML_LITERAL_SCALAR_STYLE: style = Style::kLiteral; break;
          case YAML_FOLDED_SCALAR_STYLE: style = Style::kFolded; break;
          default: break;
        }
        uint32_t node = NewNode(Kind::kScalar, style, e.start_mark, e.end_mark, TagOf(e.data.scalar.tag),
                                AnchorOf(e.data.scalar.anchor));
        tree_.nodes_[node].first = static_cast<uint32_t>(tree_.scalars_.size());
        tree_.scalars_.emplace_back(reinterpret_cast<const char*>(e.data.scalar.value), e.data.scalar.length);
        if (!CheckTag(node, Kind::kScalar) || !AddChild(node)) return;
        break;
      }
      case YAML_SEQUENCE_START_EVENT:
        if (!OpenCollection(e, Kind::kSeq)) return;
        break;
      case YAML_MAPPING_START_EVENT:
        if (!OpenCollection(e, Kind::kMap)) return;
        break;
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT:
        if (stack_.empty() || !CloseCollection(e.end_mark)) return;
        break;
    }
  }
}

Tree Tree::Parse(std::string text, const ParseOptions& options) {
  Tree tree;
  tree.text_ = std::move(text);
  const std::string& t = tree.text_;
  size_t start = 0;
  if (t.size() >= 3 && static_cast<unsigned char>(t[0]) == 0xEF && static_cast<unsigned char>(t[1]) == 0xBB &&
      static_cast<unsigned char>(t[2]) == 0xBF) {
    tree.bom_ = true;
    start = 3;
  }
  // Lines start after "\n" and after a "\r" not followed by "\n"; columns count code points.
  tree.line_starts_.push_back(static_cast<uint32_t>(start));
  tree.stride_code_points_.reserve(t.size() / kStride + 1);
  uint32_t code_points = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    if (i % kStride == 0) tree.stride_code_points_.push_back(code_points);
    code_points += (static_cast<unsigned char>(t[i]) & 0xC0) != 0x80;
    if (t[i] == '\n' || (t[i] == '\r' && (i + 1 == t.size() || t[i + 1] != '\n'))) {
      tree.line_starts_.push_back(static_cast<uint32_t>(i + 1));
    }
  }
  if (t.size() % kStride == 0) tree.stride_code_points_.push_back(code_points);
  if (t.size() > options.max_bytes || t.size() >= (uint64_t{1} << 32) - 1) {
    tree.error_ = ParseError{ParseError::Kind::kTooLarge, tree.Locate(0), "file is larger than the size cap"};
    return tree;
  }
  if (auto problem = CheckInput(t, start)) {
    tree.error_ = ParseError{problem->kind, tree.Locate(problem->offset), std::move(problem->message)};
    return tree;
  }
  Builder builder(tree, options, start);
  builder.Run();
  if (tree.error_) {
    tree.nodes_.clear();
    tree.children_.clear();
    tree.scalars_.clear();
    tree.merged_.clear();
    tree.duplicates_.clear();
  }
  return tree;
}

}  // namespace mcpolicy::yaml
