#include "fix/yaml_style.h"

#include <algorithm>
#include <cstdio>

#include "yaml/scalar.h"

namespace mcpolicy::fix {
namespace {

using yaml::Kind;
using yaml::Node;
using yaml::Style;
using yaml::Tree;

bool Blank(std::string_view s) { return s.find_first_not_of(" \t") == std::string_view::npos; }

// The first offset of `c` in the node's span (past its anchor or tag), or the span's end.
uint32_t FindIn(const Tree& tree, const Node& node, char c) {
  size_t at = tree.text().find(c, node.begin.offset);
  return at == std::string::npos || at >= node.end ? node.end : static_cast<uint32_t>(at);
}

// The children of a flow collection as they appear: keys and values of a mapping, in order.
std::vector<uint32_t> FlowChildren(const Tree& tree, uint32_t index) {
  std::vector<uint32_t> out;
  if (tree.node(index).kind == Kind::kSeq) return tree.Items(index);
  for (auto [k, v] : tree.WrittenEntries(index)) {
    out.push_back(k);
    out.push_back(v);
  }
  return out;
}

void DetectFlow(const Tree& tree, uint32_t index, YamlStyle& style, bool& comma_seen,
                bool& map_pad_seen, bool& seq_pad_seen) {
  const Node& n = tree.node(index);
  std::vector<uint32_t> children = FlowChildren(tree, index);
  if (children.empty()) return;
  const std::string& text = tree.text();
  bool is_map = n.kind == Kind::kMap;
  bool& pad_seen = is_map ? map_pad_seen : seq_pad_seen;
  if (!pad_seen) {
    uint32_t open = FindIn(tree, n, is_map ? '{' : '[');
    uint32_t first = tree.node(children.front()).begin.offset;
    if (open < first) {
      std::string_view pad(text.data() + open + 1, first - open - 1);
      if (Blank(pad)) {
        (is_map ? style.map_pad : style.seq_pad) = std::string(pad);
        pad_seen = true;
      }
    }
  }
  size_t stride = is_map ? 2 : 1;
  if (!comma_seen && children.size() > stride) {
    uint32_t end = tree.node(children[stride - 1]).end;
    uint32_t next = tree.node(children[stride]).begin.offset;
    if (end < next) {
      std::string_view between(text.data() + end, next - end);
      size_t comma = between.find(',');
      if (comma != std::string_view::npos && Blank(between.substr(0, comma)) &&
          Blank(between.substr(comma + 1))) {
        style.comma = std::string(between);
        comma_seen = true;
      }
    }
  }
}

std::string Spaces(size_t n) { return std::string(n, ' '); }

// Stays on its key's line (or its dash's) in block style.
bool Inline(const YamlValue& v) {
  if (v.kind == YamlValue::Kind::kScalar || v.children.empty()) return true;
  if (v.kind == YamlValue::Kind::kMap) return false;
  return std::all_of(v.children.begin(), v.children.end(), [](const auto& c) {
    return c.second.kind == YamlValue::Kind::kScalar;
  });
}

}  // namespace

YamlStyle DetectYamlStyle(const Tree& tree) {
  YamlStyle style;
  const std::string& text = tree.text();
  size_t lf = text.find('\n');
  if (lf != std::string::npos && lf > 0 && text[lf - 1] == '\r') style.newline = "\r\n";
  size_t step = 0, doubles = 0, singles = 0;
  bool seq_seen = false, item_seen = false, comma_seen = false, map_pad_seen = false,
       seq_pad_seen = false;
  for (uint32_t i = 0; i < tree.nodes().size(); ++i) {
    const Node& n = tree.node(i);
    if (n.kind == Kind::kScalar) {
      doubles += n.style == Style::kDouble;
      singles += n.style == Style::kSingle;
      continue;
    }
    if (n.kind == Kind::kAlias) continue;
    if (n.style == Style::kFlow) {
      DetectFlow(tree, i, style, comma_seen, map_pad_seen, seq_pad_seen);
      continue;
    }
    if (n.kind == Kind::kSeq) {
      std::vector<uint32_t> items = tree.Items(i);
      const Node& first = tree.node(items.front());
      if (!item_seen && first.kind != Kind::kAlias && first.begin.line == n.begin.line &&
          first.begin.column > n.begin.column + 1 && n.anchor.empty() && n.tag.empty()) {
        style.item_offset = first.begin.column - n.begin.column;
        item_seen = true;
      }
      continue;
    }
    for (auto [k, v] : tree.WrittenEntries(i)) {
      const Node& key = tree.node(k);
      const Node& value = tree.node(v);
      if (value.style != Style::kBlock || value.begin.line <= key.begin.line) continue;
      if (!value.anchor.empty() || !value.tag.empty()) continue;
      if (value.kind == Kind::kMap && value.begin.column > key.begin.column) {
        size_t d = value.begin.column - key.begin.column;
        step = step ? std::min(step, d) : d;
      } else if (value.kind == Kind::kSeq && !seq_seen && value.begin.column >= key.begin.column) {
        style.seq_offset = value.begin.column - key.begin.column;
        seq_seen = true;
      }
    }
  }
  if (step) style.step = step;
  if (!seq_seen) style.seq_offset = style.step;
  if (singles > doubles) style.quote = '\'';
  return style;
}

bool PlainSafe(std::string_view text) {
  if (text.empty() || text.size() > 128) return false;
  for (char c : text) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '.' || c == '-' || c == '/';
    if (!ok) return false;
  }
  if (text.front() == '-' || text.front() == '.') return false;
  if (yaml::ResolvePlain(text).type != yaml::ScalarType::kString) return false;
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  for (std::string_view word : {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}) {
    if (lower == word) return false;
  }
  return true;
}

std::string YamlScalar(std::string_view text, Quoting quoting, char quote) {
  if (quoting == Quoting::kPlainIfSafe && PlainSafe(text)) return std::string(text);
  char q = quoting == Quoting::kSingle ? '\'' : quoting == Quoting::kDouble ? '"' : quote;
  bool controls = std::any_of(text.begin(), text.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
  });
  std::string out(1, q);
  if (q == '\'' && !controls) {
    for (char c : text) {
      out += c;
      if (c == '\'') out += '\'';
    }
    return out + '\'';
  }
  out[0] = '"';
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (u < 0x20 || u == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", u);
      out += buf;
    } else {
      out += c;
    }
  }
  return out + '"';
}

Quoting QuotingLike(Style style) {
  if (style == Style::kDouble) return Quoting::kDouble;
  if (style == Style::kSingle) return Quoting::kSingle;
  return Quoting::kPlainIfSafe;
}

YamlValue YamlValue::Scalar(std::string text) {
  YamlValue v;
  v.scalar = std::move(text);
  return v;
}

YamlValue YamlValue::Seq(std::vector<YamlValue> items) {
  YamlValue v;
  v.kind = Kind::kSeq;
  for (YamlValue& item : items) v.children.emplace_back("", std::move(item));
  return v;
}

YamlValue YamlValue::Map(std::vector<std::pair<std::string, YamlValue>> entries) {
  YamlValue v;
  v.kind = Kind::kMap;
  v.children = std::move(entries);
  return v;
}

std::string RenderFlow(const YamlValue& value, const YamlStyle& style) {
  if (value.kind == YamlValue::Kind::kScalar) return value.scalar;
  bool map = value.kind == YamlValue::Kind::kMap;
  if (value.children.empty()) return map ? "{}" : "[]";
  const std::string& pad = map ? style.map_pad : style.seq_pad;
  std::string out(1, map ? '{' : '[');
  out += pad;
  for (size_t i = 0; i < value.children.size(); ++i) {
    if (i) out += style.comma;
    if (map) out += value.children[i].first + ": ";
    out += RenderFlow(value.children[i].second, style);
  }
  out += pad;
  out += map ? '}' : ']';
  return out;
}

std::string RenderBlockEntries(const YamlValue& map, size_t indent, const YamlStyle& style) {
  std::string out;
  for (const auto& [key, value] : map.children) {
    out.append(indent, ' ');
    out += key;
    out += ':';
    if (Inline(value)) {
      out += ' ';
      out += RenderFlow(value, style);
      out += style.newline;
    } else if (value.kind == YamlValue::Kind::kMap) {
      out += style.newline;
      out += RenderBlockEntries(value, indent + style.step, style);
    } else {
      std::vector<YamlValue> items;
      for (const auto& c : value.children) items.push_back(c.second);
      out += style.newline;
      out += RenderBlockItems(items, indent + style.seq_offset, style.item_offset, style);
    }
  }
  return out;
}

std::string RenderBlockItems(const std::vector<YamlValue>& items, size_t indent,
                             size_t item_offset, const YamlStyle& style) {
  item_offset = std::max<size_t>(item_offset, 2);
  std::string dash = Spaces(indent) + "-" + Spaces(item_offset - 1);
  std::string out;
  for (const YamlValue& item : items) {
    if (item.kind != YamlValue::Kind::kMap || item.children.empty()) {
      out += dash + RenderFlow(item, style) + style.newline;
      continue;
    }
    std::string body = RenderBlockEntries(item, indent + item_offset, style);
    out += dash + body.substr(indent + item_offset);
  }
  return out;
}

}  // namespace mcpolicy::fix
