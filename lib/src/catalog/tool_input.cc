// The input form is decided by the first bytes: '[' is an array of tools; '{' is JSONL when the
// first line is a complete JSON value on its own, else one (pretty-printed) JSON document; anything
// else is plain text, one name per line. JSONL and text are read line by line through a fixed
// buffer, so their memory use does not grow with the input.
#include "catalog/tool_input.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "mcpolicy/io.h"
#include "source/utf8.h"

namespace mcpolicy::classify_command {
namespace {

constexpr size_t kReadChunk = 1 << 16;
constexpr std::string_view kForms =
    "expected a tools/list result ({\"tools\": [...]}), a JSON-RPC response wrapping one, an array "
    "of tool objects, JSONL, or one tool name per line";

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

std::string_view StripBom(std::string_view s) {
  return s.starts_with("\xEF\xBB\xBF") ? s.substr(3) : s;
}

// 1-based code-point column of the first invalid UTF-8 byte or control character, or 0.
uint32_t BadByteColumn(std::string_view s) {
  uint32_t column = 1;
  for (size_t i = 0; i < s.size(); ++column) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = utf8::SequenceLength(s.data() + i, s.size() - i);
    if (len == 0 || (c < 0x20 && c != '\t') || c == 0x7f) return column;
    i += len;
  }
  return 0;
}

std::optional<bool> Flag(json::Value object, std::string_view key) {
  json::Value v = object.Find(key);
  if (!v.is_bool()) return std::nullopt;
  return v.as_bool();
}

// Top-level input-schema properties, with the string values of those restricted by `enum`
// (directly, or for an array property, on its items).
void ReadSchema(json::Value schema, ToolInfo& tool) {
  json::Value properties = schema.Find("properties");
  if (!properties.is_object()) return;
  for (json::Member m : properties.members()) {
    tool.properties.push_back(m.name());
    json::Value values = m.value.Find("enum");
    if (!values.is_array()) values = m.value.Find("items").Find("enum");
    if (!values.is_array()) continue;
    EnumProperty e{m.name(), {}};
    for (json::Value v : values.elements()) {
      if (v.is_string()) e.values.push_back(v.as_string());
    }
    if (!e.values.empty()) tool.enums.push_back(std::move(e));
  }
}

}  // namespace

// A file descriptor read through one growing buffer; lines are views into it.
class ToolReader::Source {
 public:
  Source(int fd, bool owned) : fd_(fd), owned_(owned) {}
  ~Source() {
    if (owned_) close(fd_);
  }

  // The next line without its '\n', as a view valid until the next call. kEnd at the end of
  // input; kError when reading fails or a line exceeds `max` bytes (`error` says which).
  enum class Status { kLine, kEnd, kError };
  Status NextLine(uint64_t max, std::string_view& line, std::string& error, bool consume = true) {
    size_t scanned = pos_;
    while (true) {
      size_t nl = buf_.find('\n', scanned);
      if (nl != std::string::npos) {
        line = std::string_view(buf_).substr(pos_, nl - pos_);
        if (consume) pos_ = nl + 1;
        return Status::kLine;
      }
      if (buf_.size() - pos_ > max) {
        error = "a line is longer than the " + std::to_string(max) + "-byte limit (see --max-file-size)";
        return Status::kError;
      }
      if (eof_) {
        if (pos_ == buf_.size()) return Status::kEnd;
        line = std::string_view(buf_).substr(pos_);
        if (consume) pos_ = buf_.size();
        return Status::kLine;
      }
      if (pos_ > 0) Compact(scanned);
      scanned = buf_.size();
      if (!Fill(error)) return Status::kError;
    }
  }

  // The first byte that is not whitespace (after a UTF-8 byte order mark), -1 when there is
  // none, -2 on a read error. Consumes nothing.
  int PeekFirst(std::string& error) {
    size_t i = pos_;
    while (true) {
      if (i == 0 && buf_.size() < 3 && !eof_) {
        if (!Fill(error)) return -2;
        continue;
      }
      if (i == 0 && std::string_view(buf_).starts_with("\xEF\xBB\xBF")) i = 3;
      while (i < buf_.size() && IsSpace(buf_[i])) ++i;
      if (i < buf_.size()) return static_cast<unsigned char>(buf_[i]);
      if (eof_) return -1;
      if (!Fill(error)) return -2;
    }
  }

  // What has been read and not consumed yet.
  std::string_view Buffered() const { return std::string_view(buf_).substr(pos_); }

  // Everything not consumed yet; false when reading fails or it exceeds `max` bytes. The buffer
  // itself is handed over (a copy would hold a large dump twice), sized from the file's length
  // when it has one so it is not reallocated as it grows.
  bool ReadRest(uint64_t max, std::string& out, std::string& error) {
    struct stat info;
    if (!eof_ && fstat(fd_, &info) == 0 && S_ISREG(info.st_mode) && info.st_size > 0 &&
        static_cast<uint64_t>(info.st_size) <= max) {
      buf_.reserve(static_cast<size_t>(info.st_size) + kReadChunk);
    }
    while (!eof_) {
      if (buf_.size() - pos_ > max) break;
      if (!Fill(error)) return false;
    }
    if (buf_.size() - pos_ > max) {
      error = "is larger than the " + FormatSize(max) + " size cap (see --max-file-size)";
      return false;
    }
    buf_.erase(0, pos_);
    out = std::move(buf_);
    buf_ = std::string();
    pos_ = 0;
    return true;
  }

 private:
  void Compact(size_t& scanned) {
    buf_.erase(0, pos_);
    scanned -= pos_;
    pos_ = 0;
  }

  bool Fill(std::string& error) {
    size_t old = buf_.size();
    buf_.resize(old + kReadChunk);
    while (true) {
      ssize_t n = read(fd_, buf_.data() + old, kReadChunk);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        buf_.resize(old);
        error = std::strerror(errno);
        return false;
      }
      buf_.resize(old + static_cast<size_t>(n));
      if (n == 0) eof_ = true;
      return true;
    }
  }

  int fd_;
  bool owned_;
  bool eof_ = false;
  std::string buf_;
  size_t pos_ = 0;
};

void ToolBatch::Clear() {
  tools.clear();
  lines.clear();
  arena.clear();
}

ToolReader::ToolReader(std::string path, std::string display, uint64_t max_bytes)
    : display_(std::move(display)), max_bytes_(max_bytes) {
  if (path == "-") {
    source_ = std::make_unique<Source>(STDIN_FILENO, false);
    return;
  }
  std::string error;
  int fd = OpenRegularFile(path, &error);
  if (fd < 0) {
    // OpenRegularFile names the path; the reader's messages start with `display_`.
    std::string why = error.substr(std::min(error.size(), path.size() + 2));
    struct stat st;
    if (stat(path.c_str(), &st) == 0 && S_ISFIFO(st.st_mode)) why += " (pipe into --tools - instead)";
    Fail(0, 0, why);
  } else {
    source_ = std::make_unique<Source>(fd, true);
  }
}

ToolReader::ToolReader(const std::vector<std::string>& names) : max_bytes_(0), names_(&names) {
  started_ = true;
}

ToolReader::~ToolReader() = default;

void ToolReader::Fail(uint32_t line, uint32_t column, const std::string& message) {
  failed_ = true;
  errors_.push_back(Where(line, column) + ": " + message);
}

void ToolReader::Skip(uint32_t line, uint32_t column, const std::string& message) {
  ++skipped_;
  if (errors_.size() >= kMaxErrors) return;
  errors_.push_back(Where(line, column) + ": " + message);
}

// "path:line:col", or "path" without a line. Built by appends: gcc 12 warns (-Wrestrict, a false
// positive) on the equivalent chain of operator+.
std::string ToolReader::Where(uint32_t line, uint32_t column) const {
  std::string out = display_;
  if (line) out.append(":").append(std::to_string(line)).append(":").append(std::to_string(column));
  return out;
}

bool ToolReader::Start() {
  started_ = true;
  if (failed_) return false;
  std::string error;
  int first = source_->PeekFirst(error);
  if (first == -2) {
    Fail(0, 0, error);
    return false;
  }
  if (first == -1) {
    Fail(0, 0, "is empty; " + std::string(kForms));
    return false;
  }
  if (first == '{') {
    std::string_view line;
    Source::Status status = source_->NextLine(max_bytes_, line, error, /*consume=*/false);
    if (status == Source::Status::kError) {
      Fail(1, 1, error);
      return false;
    }
    json::Document probe = json::Document::Parse(std::string(line));
    if (probe.ok()) {
      form_ = InputForm::kJsonl;
      return true;
    }
  } else if (first != '[') {
    // Plain text is never binary: one message instead of one per garbled line.
    std::string_view head = source_->Buffered();
    if (size_t nul = head.find('\0'); nul != std::string_view::npos) {
      std::string_view before = head.substr(0, nul);
      size_t line_start = before.rfind('\n');
      line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
      Fail(static_cast<uint32_t>(std::count(before.begin(), before.end(), '\n') + 1),
           static_cast<uint32_t>(nul - line_start + 1),
           "NUL byte: this is binary data or UTF-16/UTF-32 text, not tool names (save the list as "
           "UTF-8)");
      return false;
    }
    form_ = InputForm::kText;
    return true;
  }
  std::string text;
  if (!source_->ReadRest(max_bytes_, text, error)) {
    Fail(0, 0, error);
    return false;
  }
  json::ParseOptions options;
  options.max_bytes = max_bytes_;
  document_ = std::make_unique<json::Document>(json::Document::Parse(std::move(text), options));
  const json::Document& doc = *document_;
  if (!doc.ok()) {
    json::Location loc = doc.Locate(doc.error()->offset);
    Fail(loc.line, loc.column, "not valid JSON: " + doc.error()->message);
    return false;
  }
  json::Value root = doc.root();
  auto fail_at = [&](json::Value v, const std::string& message) {
    json::Location loc = v.location();
    Fail(loc.line, loc.column, message);
    return false;
  };
  if (root.is_array()) {
    form_ = InputForm::kArray;
    tools_ = root;
  } else if (json::Value tools = root.Find("tools"); tools.valid()) {
    if (!tools.is_array()) return fail_at(tools, "\"tools\" must be an array of tool objects");
    form_ = InputForm::kToolsList;
    tools_ = tools;
  } else if (json::Value result = root.Find("result"); result.valid()) {
    json::Value wrapped = result.Find("tools");
    if (!wrapped.is_array()) {
      return fail_at(result, "this JSON-RPC result has no \"tools\" array; is it a tools/list response?");
    }
    form_ = InputForm::kJsonRpc;
    tools_ = wrapped;
  } else if (json::Value err = root.Find("error"); err.is_object()) {
    json::Value message = err.Find("message");
    return fail_at(err, "a JSON-RPC error response" +
                            (message.is_string() ? ": " + std::string(message.as_string()) : std::string()));
  } else if (root.Find("name").valid()) {
    form_ = InputForm::kToolsList;  // one pretty-printed tool object: a list of one
    tools_ = root;
    single_ = true;
    return true;
  } else {
    return fail_at(root, std::string(kForms));
  }
  next_tool_ = tools_.elements().begin();
  return true;
}

bool ToolReader::Next(size_t max_tools, ToolBatch& batch) {
  batch.Clear();
  if (!started_ && !Start()) return false;
  if (failed_) return false;
  if (names_ != nullptr) {
    size_t start = next_name_;
    for (; next_name_ < names_->size() && batch.tools.size() < max_tools; ++next_name_) {
      const std::string& name = (*names_)[next_name_];
      if (name.empty() || BadByteColumn(name) != 0) {
        ++skipped_;
        errors_.push_back("tool name argument " + std::to_string(next_name_ + 1) +
                          " is empty, not valid UTF-8, or holds a control character");
        continue;
      }
      batch.tools.emplace_back().name = name;
    }
    return next_name_ > start;
  }
  if (document_ != nullptr) return NextFromDocument(max_tools, batch);
  return NextFromLines(max_tools, batch);
}

size_t ToolReader::listed() const {
  if (document_ == nullptr) return 0;
  return tools_.is_array() ? tools_.size() : 1;
}

bool ToolReader::NextFromDocument(size_t max_tools, ToolBatch& batch) {
  if (single_) {
    single_ = false;
    AddTool(tools_, 1, batch);
    return true;
  }
  if (!tools_.is_array()) return false;
  json::Value::ElementIterator end = tools_.elements().end();
  bool any = false;
  while (next_tool_ != end && batch.tools.size() < max_tools) {
    AddTool(*next_tool_, 1, batch);
    ++next_tool_;
    any = true;
  }
  return any;
}

bool ToolReader::NextFromLines(size_t max_tools, ToolBatch& batch) {
  struct Span {
    size_t tool, offset, size;
  };
  std::vector<Span> spans;
  bool any = false;
  while (batch.tools.size() < max_tools) {
    std::string_view line;
    std::string error;
    Source::Status status = source_->NextLine(max_bytes_, line, error);
    if (status == Source::Status::kEnd) break;
    ++line_;
    if (status == Source::Status::kError) {
      Fail(line_, 1, error);
      break;
    }
    any = true;
    if (line_ == 1) line = StripBom(line);
    if (form_ == InputForm::kJsonl) {
      if (Trim(line).empty()) continue;
      json::ParseOptions options;
      options.max_bytes = max_bytes_;
      batch.lines.push_back(json::Document::Parse(std::string(line), options));
      const json::Document& doc = batch.lines.back();
      if (!doc.ok()) {
        Skip(line_, doc.Locate(doc.error()->offset).column, "not valid JSON: " + doc.error()->message);
        batch.lines.pop_back();
        continue;
      }
      AddTools(doc.root(), line_, batch);
      continue;
    }
    std::string_view name = Trim(line);
    if (name.empty() || name.front() == '#') continue;
    if (uint32_t column = BadByteColumn(name)) {
      size_t lead = static_cast<size_t>(name.data() - line.data());
      Skip(line_, column + static_cast<uint32_t>(utf8::CodePoints(line.substr(0, lead))),
           "not a tool name: invalid UTF-8 or a control character");
      continue;
    }
    spans.push_back({batch.tools.size(), batch.arena.size(), name.size()});
    batch.arena.append(name);
    batch.tools.emplace_back();
  }
  for (const Span& s : spans) batch.tools[s.tool].name = std::string_view(batch.arena).substr(s.offset, s.size);
  return any || !batch.tools.empty();
}

void ToolReader::AddTools(json::Value value, uint32_t line_base, ToolBatch& batch) {
  json::Location loc = value.location();  // one per JSONL line: cheap
  uint32_t line = line_base + loc.line - 1;
  if (!value.is_object()) {
    Skip(line, loc.column, "expected a tool object, found " + std::string(json::TypeName(value.type())));
    return;
  }
  json::Value tools = value.Find("tools");
  if (!tools.valid()) tools = value.Find("result").Find("tools");
  if (tools.is_array()) {
    for (json::Value t : tools.elements()) AddTool(t, line_base, batch);
    return;
  }
  if (json::Value err = value.Find("error"); err.is_object()) {
    json::Value message = err.Find("message");
    Skip(line, loc.column, "a JSON-RPC error response" +
                               (message.is_string() ? ": " + std::string(message.as_string()) : std::string()));
    return;
  }
  if (!value.Find("name").valid()) {
    Skip(line, loc.column,
         "expected a tool object with a \"name\", a tools/list result or a JSON-RPC response wrapping one");
    return;
  }
  AddTool(value, line_base, batch);
}

// Positions are computed only for skipped tools: a location costs a scan of its line.
void ToolReader::AddTool(json::Value tool, uint32_t line_base, ToolBatch& batch) {
  if (!tool.is_object()) {
    json::Location loc = tool.location();
    Skip(line_base + loc.line - 1, loc.column,
         "expected a tool object, found " + std::string(json::TypeName(tool.type())));
    return;
  }
  json::Value name = tool.Find("name");
  if (!name.is_string() || name.as_string().empty()) {
    json::Location at = name.valid() ? name.location() : tool.location();
    Skip(line_base + at.line - 1, at.column,
         name.valid() ? "a tool's \"name\" must be a non-empty string" : "tool object has no \"name\"");
    return;
  }
  ToolInfo info;
  info.name = name.as_string();
  if (json::Value d = tool.Find("description"); d.is_string()) info.description = d.as_string();
  if (json::Value a = tool.Find("annotations"); a.is_object()) {
    info.hints.read_only = Flag(a, "readOnlyHint");
    info.hints.destructive = Flag(a, "destructiveHint");
    info.hints.idempotent = Flag(a, "idempotentHint");
    info.hints.open_world = Flag(a, "openWorldHint");
  }
  if (json::Value s = tool.Find("inputSchema"); s.is_object()) ReadSchema(s, info);
  batch.tools.push_back(std::move(info));
}

}  // namespace mcpolicy::classify_command
