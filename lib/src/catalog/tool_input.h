// Reading the tools `mcpolicy classify` is given, in batches: names from the command line, or a
// file in one of five forms told apart by its first bytes (see ToolReader).
#ifndef MCPOLICY_CATALOG_TOOL_INPUT_H_
#define MCPOLICY_CATALOG_TOOL_INPUT_H_

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "mcpolicy/classify.h"
#include "mcpolicy/json.h"

namespace mcpolicy::classify_command {

enum class InputForm {
  kNames,      // command-line arguments
  kToolsList,  // {"tools": [...]}
  kJsonRpc,    // {"jsonrpc": "2.0", "id": 1, "result": {"tools": [...]}}
  kArray,      // [tool, ...]
  kJsonl,      // one tool object (or tools/list result) per line
  kText,       // one name per line
};

// Tools read together. The ToolInfo views point into the batch (or the reader's document), so a
// batch stays valid until it is passed to Next again.
struct ToolBatch {
  std::vector<ToolInfo> tools;
  std::deque<json::Document> lines;  // JSONL: one parsed document per line
  std::string arena;                 // plain text: the names, back to back
  void Clear();
};

class ToolReader {
 public:
  // Reads `path` ("-": standard input), reported as `display`. Nothing is read before Next.
  ToolReader(std::string path, std::string display, uint64_t max_bytes);
  // Command-line names.
  explicit ToolReader(const std::vector<std::string>& names);
  ~ToolReader();

  // Replaces `batch` with up to `max_tools` further tools; false once the input is exhausted
  // (or failed) and nothing was read.
  bool Next(size_t max_tools, ToolBatch& batch);

  InputForm form() const { return form_; }
  // How many entries a whole-document input lists (0 for the line forms and names, and before
  // the first Next): a capacity for the caller to reserve.
  size_t listed() const;
  // The input cannot be used at all (exit 2); errors() says why.
  bool failed() const { return failed_; }
  // Entries skipped so far (a bad JSONL line, a tool object without a name, ...).
  size_t skipped() const { return skipped_; }
  // One line each, "file:line:col: message"; the first kMaxErrors only.
  const std::vector<std::string>& errors() const { return errors_; }
  static constexpr size_t kMaxErrors = 20;

 private:
  class Source;
  bool Start();
  bool NextFromDocument(size_t max_tools, ToolBatch& batch);
  bool NextFromLines(size_t max_tools, ToolBatch& batch);
  void Fail(uint32_t line, uint32_t column, const std::string& message);
  void Skip(uint32_t line, uint32_t column, const std::string& message);
  std::string Where(uint32_t line, uint32_t column) const;
  // Adds the tools of one JSONL line (a tool, a tools/list result, a JSON-RPC response); a
  // position on line L of the value is reported as line `line_base` + L - 1.
  void AddTools(json::Value value, uint32_t line_base, ToolBatch& batch);
  void AddTool(json::Value tool, uint32_t line_base, ToolBatch& batch);

  std::string display_;
  uint64_t max_bytes_;
  std::unique_ptr<Source> source_;
  const std::vector<std::string>* names_ = nullptr;
  size_t next_name_ = 0;
  std::unique_ptr<json::Document> document_;  // the whole-document forms
  json::Value tools_;                          // its array of tools (or the one tool)
  json::Value::ElementIterator next_tool_{nullptr, 0};
  bool single_ = false;                        // tools_ is one tool object, not yet handed out
  uint32_t line_ = 0;  // lines read so far (JSONL, text)
  InputForm form_ = InputForm::kNames;
  bool started_ = false;
  bool failed_ = false;
  size_t skipped_ = 0;
  size_t reported_ = 0;
  std::vector<std::string> errors_;
};

}  // namespace mcpolicy::classify_command

#endif  // MCPOLICY_CATALOG_TOOL_INPUT_H_
