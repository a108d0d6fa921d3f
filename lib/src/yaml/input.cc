#include "yaml/input.h"

#include "source/utf8.h"

namespace mcpolicy::yaml {

namespace {

std::string HexByte(unsigned char c) {
  static const char kHex[] = "0123456789ABCDEF";
  return std::string("0x") + kHex[c >> 4] + kHex[c & 15];
}

std::string CodePointName(uint32_t cp) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out = "U+";
  for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(cp >> shift) & 15];
  return out;
}

uint32_t Decode(const unsigned char* p, size_t len) {
  switch (len) {
    case 2: return (p[0] & 0x1Fu) << 6 | (p[1] & 0x3Fu);
    case 3: return (p[0] & 0x0Fu) << 12 | (p[1] & 0x3Fu) << 6 | (p[2] & 0x3Fu);
    case 4: return (p[0] & 0x07u) << 18 | (p[1] & 0x3Fu) << 12 | (p[2] & 0x3Fu) << 6 | (p[3] & 0x3Fu);
    default: return p[0];
  }
}

}  // namespace

std::optional<InputProblem> CheckInput(std::string_view text, size_t start) {
  const auto* u = reinterpret_cast<const unsigned char*>(text.data());
  const size_t size = text.size();
  if (start == 0 && size >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
    return InputProblem{ParseError::Kind::kEncoding, 0,
                        "file is UTF-16 or UTF-32 (it starts with a byte-order mark); save it as UTF-8"};
  }
  if (start == 0 && size >= 2 && (u[0] == 0 || u[1] == 0) && u[0] < 0x80 && u[1] < 0x80) {
    return InputProblem{ParseError::Kind::kEncoding, 0,
                        "file looks like UTF-16 or UTF-32 (NUL bytes between characters); save it as UTF-8"};
  }
  for (size_t i = start; i < size;) {
    unsigned char c = u[i];
    if (c < 0x80) {
      if (c == 0) {
        return InputProblem{ParseError::Kind::kNul, static_cast<uint32_t>(i),
                            "NUL byte in the file (binary data?)"};
      }
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
        return InputProblem{ParseError::Kind::kSyntax, static_cast<uint32_t>(i),
                            "control character " + HexByte(c) +
                                " is not allowed in YAML; write it as an escape in a double-quoted string"};
      }
      ++i;
      continue;
    }
    size_t len = utf8::SequenceLength(text.data() + i, size - i);
    if (len == 0) {
      return InputProblem{ParseError::Kind::kEncoding, static_cast<uint32_t>(i),
                          "invalid UTF-8: byte " + HexByte(c) + " does not start a valid sequence"};
    }
    uint32_t cp = Decode(u + i, len);
    if ((cp >= 0x80 && cp <= 0x9F && cp != 0x85) || cp == 0xFFFE || cp == 0xFFFF) {
      return InputProblem{ParseError::Kind::kSyntax, static_cast<uint32_t>(i),
                          "character " + CodePointName(cp) +
                              " is not allowed in YAML; write it as an escape in a double-quoted string"};
    }
    i += len;
  }
  return std::nullopt;
}

CodePointIndex::CodePointIndex(std::string_view text, size_t start) : text_(text) {
  marks_.reserve((text.size() - start) / kStride + 1);
  size_t count = 0;
  for (size_t i = start; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (count % kStride == 0) marks_.push_back(static_cast<uint32_t>(i));
    ++count;
  }
  if (count % kStride == 0) marks_.push_back(static_cast<uint32_t>(text.size()));
}

uint32_t CodePointIndex::ByteOffset(size_t code_point) const {
  size_t block = code_point / kStride;
  if (block >= marks_.size()) return static_cast<uint32_t>(text_.size());
  size_t i = marks_[block];
  for (size_t left = code_point % kStride; left > 0 && i < text_.size(); --left) {
    do ++i; while (i < text_.size() && (static_cast<unsigned char>(text_[i]) & 0xC0) == 0x80);
  }
  return static_cast<uint32_t>(i);
}

}  // namespace mcpolicy::yaml
