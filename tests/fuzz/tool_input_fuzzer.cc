// Fuzz target: reading the tools `mcpolicy classify --tools` is given (classify_command/
// tool_input.h), in every form it tells apart by the first bytes: a tools/list result, a JSON-RPC
// response, an array of tools, JSONL and plain text. The input is served from an in-memory file
// in batches of 1 to 4 tools (the batch size from the input's length), and then as command-line
// names, one per line.
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/tool_input.h"

namespace {

void Check(bool condition) {
  if (!condition) std::abort();
}

using mcpolicy::classify_command::ToolBatch;
using mcpolicy::classify_command::ToolReader;

void Drain(ToolReader& reader, size_t batch_size, std::string_view display) {
  ToolBatch batch;
  size_t batches = 0;
  while (reader.Next(batch_size, batch)) {
    Check(batch.tools.size() <= batch_size);
    for (const mcpolicy::ToolInfo& tool : batch.tools) {
      Check(!tool.name.empty());
      for (const auto& e : tool.enums) Check(!e.values.empty());
    }
    Check(++batches < (1u << 24));
  }
  Check(!reader.failed() || !reader.errors().empty());
  if (display.empty()) return;  // command-line names: one error per bad argument
  Check(reader.errors().size() <= ToolReader::kMaxErrors + (reader.failed() ? 1 : 0));
  for (const std::string& e : reader.errors()) Check(e.starts_with(display));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static int fd = memfd_create("tool_input_fuzz", MFD_CLOEXEC);
  static const std::string path = "/proc/self/fd/" + std::to_string(fd);
  if (fd < 0 || ftruncate(fd, 0) != 0) std::abort();
  if (size > 0 && pwrite(fd, data, size, 0) != static_cast<ssize_t>(size)) std::abort();
  size_t batch_size = 1 + size % 4;
  {
    ToolReader reader(path, "fuzz.json", 1 << 20);
    Drain(reader, batch_size, "fuzz.json");
  }
  std::vector<std::string> names;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  for (size_t start = 0; start <= text.size() && names.size() < 64;) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    names.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  ToolReader reader(names);
  Drain(reader, batch_size, "");
  return 0;
}
