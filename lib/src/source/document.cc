// Navigation, positions and JSON pointers over a parsed Document.
#include <algorithm>
#include <cmath>
#include <string>

#include "mcpolicy/json.h"
#include "source/utf8.h"

namespace mcpolicy::json {

std::string_view TypeName(Type type) {
  switch (type) {
    case Type::kNull: return "null";
    case Type::kBool: return "boolean";
    case Type::kNumber: return "number";
    case Type::kString: return "string";
    case Type::kArray: return "array";
    case Type::kObject: return "object";
    case Type::kKey: return "key";
  }
  return "value";
}

const Node& Value::node() const { return doc_->nodes()[index_]; }

bool Value::is_integer() const {
  double n = as_number();
  return std::isfinite(n) ? std::floor(n) == n : (node().flags() & kFlagInteger) != 0;
}

double Value::as_number() const { return doc_->NumberAt(node()); }

std::string_view Value::raw_number() const {
  const std::string& text = doc_->text();
  size_t begin = offset();
  size_t end = begin;
  while (end < text.size()) {
    char c = text[end];
    if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E') {
      ++end;
    } else {
      break;
    }
  }
  return std::string_view(text).substr(begin, end - begin);
}

std::string_view Value::as_string() const {
  return doc_->StringAt(node());
}

uint32_t Value::size() const {
  if (!doc_) return 0;
  const Node& n = node();
  if (!n.is_container()) return 0;
  uint32_t count = 0;
  const bool object = n.type() == Type::kObject;
  for (uint32_t i = index_ + 1; i < n.payload; ++count) i = doc_->SubtreeEnd(i + object);
  return count;
}

Location Value::location() const { return doc_->Locate(offset()); }

Value::ElementIterator& Value::ElementIterator::operator++() {
  index_ = doc_->SubtreeEnd(index_);
  return *this;
}

Value::MemberIterator& Value::MemberIterator::operator++() {
  index_ = doc_->SubtreeEnd(index_ + 1);
  return *this;
}

Value::ElementRange Value::elements() const {
  if (!is_array()) return {{doc_, 0}, {doc_, 0}};
  return {{doc_, index_ + 1}, {doc_, node().payload}};
}

Value::MemberRange Value::members() const {
  if (!is_object()) return {{doc_, 0}, {doc_, 0}};
  return {{doc_, index_ + 1}, {doc_, node().payload}};
}

Value Value::Find(std::string_view name) const {
  Value found;
  for (Member m : members()) {
    if (m.name() == name) found = m.value;
  }
  return found;
}

void Document::BuildCodePointMarks() {
  // Worth it only when some line spans several strides.
  uint32_t longest = 0;
  for (size_t i = 0; i < line_starts_.size(); ++i) {
    uint32_t end =
        i + 1 < line_starts_.size() ? line_starts_[i + 1] : static_cast<uint32_t>(text_.size());
    longest = std::max(longest, end - line_starts_[i]);
  }
  if (longest < 8 * kMarkStride) return;
  code_point_marks_.reserve(text_.size() / kMarkStride + 1);
  uint32_t count = 0;
  for (size_t block = 0; block <= text_.size(); block += kMarkStride) {
    code_point_marks_.push_back(count);
    std::string_view piece = std::string_view(text_).substr(block, kMarkStride);
    count += static_cast<uint32_t>(utf8::CodePoints(piece));
  }
}

// Code points in text_[0, offset): counting the bytes that start a character adds up across any
// split, so a mark plus the rest of its block is exact.
uint32_t Document::CodePointsBefore(uint32_t offset) const {
  size_t block = offset / kMarkStride;
  size_t begin = block * kMarkStride;
  std::string_view rest = std::string_view(text_).substr(begin, offset - begin);
  return code_point_marks_[block] + static_cast<uint32_t>(utf8::CodePoints(rest));
}

Location Document::Locate(uint32_t offset) const {
  if (line_starts_.empty()) return {1, 1};
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  size_t line = (it == line_starts_.begin()) ? 0 : static_cast<size_t>(it - line_starts_.begin()) - 1;
  uint32_t start = line_starts_[line];
  uint32_t end = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  uint32_t column = 1;
  if (end > start && !code_point_marks_.empty() && end - start > 2 * kMarkStride) {
    column += CodePointsBefore(end) - CodePointsBefore(start);
  } else if (end > start) {
    column += static_cast<uint32_t>(utf8::CodePoints(std::string_view(text_).substr(start, end - start)));
  }
  return {static_cast<uint32_t>(line + 1), column};
}

std::string_view Document::LineText(uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  size_t start = line_starts_[line - 1];
  // Every '\n' of a parsed document starts a recorded line, so a line ends where the next one
  // starts, or at the end of the text: no scan, and LineText is O(1) per finding even on a long
  // minified line. After a parse error, lines past the error were not recorded: scan.
  size_t end = line < line_starts_.size() ? line_starts_[line] - 1
               : ok()                     ? text_.size()
                                          : text_.find('\n', start);
  if (end == std::string::npos) end = text_.size();
  if (end > start && text_[end - 1] == '\r') --end;
  return std::string_view(text_).substr(start, end - start);
}

namespace {

bool IsWhitespace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// End of the scalar token that starts at `offset` (a string, key, number or literal).
uint32_t ScalarEnd(const std::string& text, uint32_t offset, Type type) {
  size_t i = offset;
  if (type == Type::kString || type == Type::kKey) {
    ++i;
    while (i < text.size() && text[i] != '"') i += (text[i] == '\\') ? 2 : 1;
    return static_cast<uint32_t>(std::min(i + 1, text.size()));
  }
  while (i < text.size() && !IsWhitespace(text[i]) && text[i] != ',' && text[i] != ']' &&
         text[i] != '}') {
    ++i;
  }
  return static_cast<uint32_t>(i);
}

// The last element (or last member's value) of a non-empty container.
uint32_t LastChild(const std::vector<Node>& nodes, uint32_t container) {
  uint32_t end = nodes[container].payload;
  uint32_t child = container + 1;
  uint32_t last = child;
  while (child < end) {
    last = nodes[child].type() == Type::kKey ? child + 1 : child;
    const Node& c = nodes[last];
    child = c.is_container() ? c.payload : last + 1;
  }
  return last;
}

bool IsContainer(const Node& n) { return n.is_container(); }

}  // namespace

uint32_t Document::EndOffset(uint32_t index) const {
  // Descend along last children to the innermost last token, then climb back out, stepping over
  // whitespace and one closing bracket per non-empty container on the way.
  uint32_t closes = 0;
  uint32_t current = index;
  while (IsContainer(nodes_[current]) && nodes_[current].payload > current + 1) {
    ++closes;
    current = LastChild(nodes_, current);
  }
  size_t pos;
  if (IsContainer(nodes_[current])) {
    pos = nodes_[current].offset() + 1;  // empty: the closing bracket follows the opening one
    ++closes;
  } else {
    pos = ScalarEnd(text_, nodes_[current].offset(), nodes_[current].type());
  }
  for (uint32_t k = 0; k < closes; ++k) {
    while (pos < text_.size() && IsWhitespace(text_[pos])) ++pos;
    if (pos < text_.size()) ++pos;
  }
  return static_cast<uint32_t>(pos);
}

std::string EscapePointerToken(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  for (char c : token) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out.push_back(c);
  }
  return out;
}

// From the root down to the node, skipping whole subtrees: O(siblings passed), no table.
std::string Document::PointerByDescent(uint32_t index) const {
  if (index >= nodes_.size()) return "";
  uint32_t target = nodes_[index].type() == Type::kKey ? index + 1 : index;  // a key names its member
  std::string out;
  uint32_t node = 0;
  while (node != target && nodes_[node].is_container()) {
    const bool object = nodes_[node].type() == Type::kObject;
    uint32_t child = node + 1;
    uint32_t next = node;
    for (uint32_t ordinal = 0; child < nodes_[node].payload; ++ordinal) {
      uint32_t value = object ? child + 1 : child;
      uint32_t end = SubtreeEnd(value);
      if (target < end) {
        out.push_back('/');
        out += object ? EscapePointerToken(Value(this, child).as_string()) : std::to_string(ordinal);
        next = value;
        break;
      }
      child = end;
    }
    if (next == node) break;  // not below this node (cannot happen for a node of this tape)
    node = next;
  }
  return out;
}

std::string Document::PointerOf(uint32_t index) const {
  if (parents_.empty() && ++pointer_calls_ <= kPointerDescents) return PointerByDescent(index);
  if (parents_.empty() && !nodes_.empty()) {
    // parents_[2i] = parent node, parents_[2i+1] = ordinal of the member/element in its parent.
    parents_.assign(nodes_.size() * 2, UINT32_MAX);
    std::vector<std::pair<uint32_t, uint32_t>> stack;  // (container, next ordinal)
    for (uint32_t i = 0; i < nodes_.size(); ++i) {
      while (!stack.empty() && nodes_[stack.back().first].payload <= i) stack.pop_back();
      if (!stack.empty()) {
        auto& top = stack.back();
        parents_[2 * i] = top.first;
        parents_[2 * i + 1] = top.second;
        // A key shares its ordinal with the value that follows it.
        if (nodes_[i].type() != Type::kKey) ++top.second;
      }
      if (nodes_[i].is_container()) stack.push_back({i, 0});
    }
  }
  std::vector<std::string> tokens;
  uint32_t i = index;
  if (i < nodes_.size() && nodes_[i].type() == Type::kKey) ++i;  // a key names its member
  while (i < nodes_.size() && parents_[2 * i] != UINT32_MAX) {
    uint32_t parent = parents_[2 * i];
    if (nodes_[parent].type() == Type::kObject) {
      tokens.push_back(EscapePointerToken(Value(this, i - 1).as_string()));
    } else {
      tokens.push_back(std::to_string(parents_[2 * i + 1]));
    }
    i = parent;
  }
  std::string out;
  for (auto it = tokens.rbegin(); it != tokens.rend(); ++it) {
    out.push_back('/');
    out += *it;
  }
  return out;
}

Value Document::Resolve(std::string_view pointer) const {
  if (nodes_.empty()) return {};
  Value current = root();
  if (pointer.empty()) return current;
  if (pointer.front() != '/') return {};
  size_t pos = 1;
  while (true) {
    size_t slash = pointer.find('/', pos);
    std::string_view raw = pointer.substr(pos, slash == std::string_view::npos ? slash : slash - pos);
    std::string token;
    for (size_t k = 0; k < raw.size(); ++k) {
      if (raw[k] == '~' && k + 1 < raw.size() && (raw[k + 1] == '0' || raw[k + 1] == '1')) {
        token.push_back(raw[k + 1] == '0' ? '~' : '/');
        ++k;
      } else {
        token.push_back(raw[k]);
      }
    }
    if (current.is_object()) {
      current = current.Find(token);
    } else if (current.is_array()) {
      if (token.empty() || token.size() > 9 || (token.size() > 1 && token[0] == '0') ||
          !std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return {};
      }
      uint32_t want = static_cast<uint32_t>(std::stoul(token));
      Value found;
      uint32_t k = 0;
      for (Value e : current.elements()) {
        if (k++ == want) {
          found = e;
          break;
        }
      }
      current = found;
    } else {
      return {};
    }
    if (!current.valid()) return {};
    if (slash == std::string_view::npos) return current;
    pos = slash + 1;
  }
}


}  // namespace mcpolicy::json
