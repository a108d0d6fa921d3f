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
  // The line is found by the document's line table, not by scanning back for a newline: on a
  // minified policy every edit is on the one long line.
  std::string_view text = doc.text();
  uint32_t line = doc.Locate(offset).line;
  size_t start = line <= 1 ? 0 : static_cast<size_t>(doc.LineText(line).data() - text.data());
  size_t end = start;
  while (end < text.size() && (text[end] == ' ' || text[end] == '\t')) ++end;
  return std::string(text.substr(start, end - start));
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

namespace {

// Render and RenderMember append to one string: a pass renders a limit for every tool of a large
// policy, and a string per nested value would cost more than the rest of the pass.
void AppendValue(std::string& out, const NewValue& value, const SourceStyle& style, bool spread,
                 std::string_view indent);

void AppendMember(std::string& out, std::string_view key, const NewValue& value,
                  const SourceStyle& style, bool spread, std::string_view indent) {
  AppendJsonQuoted(out, key);
  out += style.colon;
  AppendValue(out, value, style, spread, indent);
}

void AppendValue(std::string& out, const NewValue& value, const SourceStyle& style, bool spread,
                 std::string_view indent) {
  if (value.kind == NewValue::Kind::kScalar) {
    out += value.scalar;
    return;
  }
  bool array = value.kind == NewValue::Kind::kArray;
  out += array ? '[' : '{';
  char close = array ? ']' : '}';
  if (value.children.empty()) {
    out += close;
    return;
  }
  auto child = [&](const std::pair<std::string, NewValue>& c, bool spread_child,
                   std::string_view child_indent) {
    if (array) {
      AppendValue(out, c.second, style, spread_child, child_indent);
    } else {
      AppendMember(out, c.first, c.second, style, spread_child, child_indent);
    }
  };
  if (!spread || value.Flat()) {
    const std::string& pad = array ? style.array_pad : style.object_pad;
    out += pad;
    for (size_t i = 0; i < value.children.size(); ++i) {
      if (i) out += style.comma;
      child(value.children[i], false, indent);
    }
    out += pad;
    out += close;
    return;
  }
  std::string inner;
  inner.reserve(indent.size() + style.indent_unit.size());
  inner.append(indent).append(style.indent_unit);
  for (size_t i = 0; i < value.children.size(); ++i) {
    out += style.newline;
    out += inner;
    child(value.children[i], true, inner);
    if (i + 1 < value.children.size()) out += ',';
  }
  out += style.newline;
  out += indent;
  out += close;
}

}  // namespace

std::string Render(const NewValue& value, const SourceStyle& style, bool spread,
                   const std::string& indent) {
  std::string out;
  AppendValue(out, value, style, spread, indent);
  return out;
}

std::string RenderMember(std::string_view key, const NewValue& value, const SourceStyle& style,
                         bool spread, const std::string& indent) {
  std::string out;
  AppendMember(out, key, value, style, spread, indent);
  return out;
}

}  // namespace mcpolicy::fix
