#include "fix/style.h"
#include "util/text.h"

namespace mcpolicy::fix {
namespace {

bool IsContainer(const json::Node& n) {
  return n.type() == json::Type::kArray || n.type() == json::Type::kObject;
}

// Byte offset of the first byte of each child (the key for object members) and one past its end.
std::vector<std::pair<uint32_t, uint32_t>> ChildSpans(const json::Document& doc, uint32_t index) {
  std::vector<std::pair<uint32_t, uint32_t>> spans;
  json::Value v(&doc, index);
  if (v.is_object()) {
    for (json::Member m : v.members()) {
      spans.emplace_back(m.key.offset(), doc.EndOffset(m.value.index()));
    }
  } else if (v.is_array()) {
    for (json::Value e : v.elements()) spans.emplace_back(e.offset(), doc.EndOffset(e.index()));
  }
  return spans;
}

bool OnlySpaces(std::string_view s) { return s.find_first_not_of(" \t") == std::string_view::npos; }

// `s` is spaces, one `mark`, spaces: no newline.
bool Separator(std::string_view s, char mark) {
  size_t at = s.find(mark);
  return at != std::string_view::npos && OnlySpaces(s.substr(0, at)) && OnlySpaces(s.substr(at + 1));
}

}  // namespace

bool IsOneLine(const json::Document& doc, uint32_t index) {
  uint32_t begin = doc.nodes()[index].offset();
  uint32_t end = doc.EndOffset(index);
  return std::string_view(doc.text()).substr(begin, end - begin).find('\n') == std::string_view::npos;
}

std::string LineIndent(const json::Document& doc, uint32_t offset) {
  std::string_view text = doc.text();
  size_t start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  start = (start == std::string_view::npos || offset == 0) ? 0 : start + 1;
  size_t end = start;
  while (end < text.size() && (text[end] == ' ' || text[end] == '\t')) ++end;
  return std::string(text.substr(start, end - start));
}

uint32_t ParentOf(const json::Document& doc, uint32_t index) {
  const std::vector<json::Node>& nodes = doc.nodes();
  for (uint32_t j = index; j-- > 0;) {
    if (IsContainer(nodes[j]) && doc.SubtreeEnd(j) > index) return j;
  }
  return kNoParent;
}

SourceStyle DetectStyle(const json::Document& doc) {
  SourceStyle style;
  std::string_view text = doc.text();
  size_t newline = text.find('\n');
  if (newline != std::string_view::npos && newline > 0 && text[newline - 1] == '\r') {
    style.newline = "\r\n";
  }
  json::Value root = doc.root();
  if (root.is_object() && root.size() > 0 && !IsOneLine(doc, 0)) {
    uint32_t key = (*root.members().begin()).key.offset();
    std::string indent = LineIndent(doc, key);
    bool starts_line = text.substr(0, key).find_last_not_of(" \t") ==
                       text.substr(0, key).find_last_of('\n');
    if (!indent.empty() && starts_line) style.indent_unit = indent;
  }
  bool colon = false, comma = false, object_pad = false, array_pad = false;
  const std::vector<json::Node>& nodes = doc.nodes();
  for (uint32_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].type() == json::Type::kKey && !colon) {
      uint32_t end = doc.EndOffset(i);
      std::string_view gap = text.substr(end, nodes[i + 1].offset() - end);
      if (Separator(gap, ':')) {
        style.colon = std::string(gap);
        colon = true;
      }
    }
    if (!IsContainer(nodes[i]) || doc.SubtreeEnd(i) == i + 1 || !IsOneLine(doc, i)) continue;
    std::vector<std::pair<uint32_t, uint32_t>> spans = ChildSpans(doc, i);
    if (!comma && spans.size() >= 2) {
      std::string_view gap = text.substr(spans[0].second, spans[1].first - spans[0].second);
      if (Separator(gap, ',')) {
        style.comma = std::string(gap);
        comma = true;
      }
    }
    std::string_view pad = text.substr(nodes[i].offset() + 1, spans[0].first - nodes[i].offset() - 1);
    if (!OnlySpaces(pad)) continue;
    if (nodes[i].type() == json::Type::kObject && !object_pad) {
      style.object_pad = std::string(pad);
      object_pad = true;
    } else if (nodes[i].type() == json::Type::kArray && !array_pad) {
      style.array_pad = std::string(pad);
      array_pad = true;
    }
  }
  return style;
}

NewValue NewValue::String(std::string_view s) {
  NewValue v;
  AppendJsonQuoted(v.scalar, s);
  return v;
}

NewValue NewValue::Raw(std::string text) {
  NewValue v;
  v.scalar = std::move(text);
  return v;
}

NewValue NewValue::Array(std::vector<NewValue> elements) {
  NewValue v;
  v.kind = Kind::kArray;
  for (NewValue& e : elements) v.children.emplace_back("", std::move(e));
  return v;
}

NewValue NewValue::Object(std::vector<std::pair<std::string, NewValue>> members) {
  NewValue v;
  v.kind = Kind::kObject;
  v.children = std::move(members);
  return v;
}

bool NewValue::Flat() const {
  for (const auto& [key, child] : children) {
    if (child.kind == Kind::kScalar || child.children.empty()) continue;
    if (child.kind == Kind::kObject) return false;
    for (const auto& [unused, element] : child.children) {
      if (element.kind != Kind::kScalar) return false;
    }
  }
  return true;
}

std::string Render(const NewValue& value, const SourceStyle& style, bool spread,
                   const std::string& indent) {
  if (value.kind == NewValue::Kind::kScalar) return value.scalar;
  bool array = value.kind == NewValue::Kind::kArray;
  std::string out(1, array ? '[' : '{');
  char close = array ? ']' : '}';
  if (value.children.empty()) return out + close;
  auto child = [&](const std::pair<std::string, NewValue>& c, bool spread_child,
                   const std::string& child_indent) {
    return array ? Render(c.second, style, spread_child, child_indent)
                 : RenderMember(c.first, c.second, style, spread_child, child_indent);
  };
  if (!spread || value.Flat()) {
    const std::string& pad = array ? style.array_pad : style.object_pad;
    out += pad;
    for (size_t i = 0; i < value.children.size(); ++i) {
      if (i) out += style.comma;
      out += child(value.children[i], false, indent);
    }
    return out + pad + close;
  }
  std::string inner = indent + style.indent_unit;
  for (size_t i = 0; i < value.children.size(); ++i) {
    out += style.newline + inner + child(value.children[i], true, inner);
    if (i + 1 < value.children.size()) out += ',';
  }
  return out + style.newline + indent + close;
}

std::string RenderMember(std::string_view key, const NewValue& value, const SourceStyle& style,
                         bool spread, const std::string& indent) {
  std::string out;
  AppendJsonQuoted(out, key);
  return out + style.colon + Render(value, style, spread, indent);
}

}  // namespace mcpolicy::fix
