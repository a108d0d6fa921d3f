// mcpolicy classify: read tools in batches, answer from the catalog where it knows the tool and
// from the heuristic otherwise, and write each batch before reading the next.
#include <algorithm>
#include <array>
#include <atomic>
#include <memory>
#include <thread>

#include "catalog/open_catalog.h"
#include "catalog/tool_input.h"
#include "classify_command/rows.h"
#include "mcpolicy/classify_commands.h"
#include "mcpolicy/json.h"
#include "util/text.h"

namespace mcpolicy {
namespace {

using classify_command::Row;
using classify_command::TextLayout;
using classify_command::ToolBatch;
using classify_command::ToolReader;

// The first batch is large because it is also what a server is inferred from.
constexpr size_t kFirstBatch = 1 << 16;
constexpr size_t kBatch = 1 << 14;
constexpr size_t kParallelFrom = 2048;  // smaller batches are classified on one thread
constexpr size_t kMaxNameWidth = 48;    // longer names push their row's later columns right

// Runs `work(begin, end, chunk)` over `count` items split into one chunk per thread.
template <typename Work>
void ForEachChunk(size_t count, unsigned threads, Work work) {
  if (threads <= 1 || count < kParallelFrom) {
    work(0, count, 0);
    return;
  }
  size_t per = (count + threads - 1) / threads;
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads && t * per < count; ++t) {
    pool.emplace_back([&, t] { work(t * per, std::min(count, (t + 1) * per), t); });
  }
  for (std::thread& t : pool) t.join();
}

// "mcp__kestra__execute_flow" (Claude Code's names for MCP tools): the server and tool parts.
bool SplitQualified(std::string_view name, std::string_view& server, std::string_view& tool) {
  if (!name.starts_with("mcp__")) return false;
  size_t sep = name.find("__", 5);
  if (sep == std::string_view::npos || sep == 5 || sep + 2 >= name.size()) return false;
  server = name.substr(5, sep - 5);
  tool = name.substr(sep + 2);
  return true;
}

struct Run {
  Run(const ClassifyRequest& r, const std::function<void(std::string_view)>& w) : request(r), write(w) {}

  const ClassifyRequest& request;
  const std::function<void(std::string_view)>& write;
  const Catalog* catalog = nullptr;
  const CatalogServer* server = nullptr;  // --server or inferred
  std::optional<ServerMatch> inferred;
  std::unique_ptr<Classifier> classifier;
  TextLayout layout;
  unsigned threads = 1;
  std::vector<Row> rows;
  std::vector<std::string> chunks;
  std::array<size_t, 6> counts{};
  size_t from_catalog = 0, total = 0;
  bool first_json_row = true;

  // Fills rows[i] from the catalog where it can; false when some row needs the heuristic.
  bool Resolve(const ToolBatch& batch) {
    bool all = true;
    rows.resize(batch.tools.size());
    for (size_t i = 0; i < batch.tools.size(); ++i) {
      Row& row = rows[i];
      row.name = batch.tools[i].name;
      row.server = row.missing_from = nullptr;
      row.tool = nullptr;
      if (catalog != nullptr) {
        std::string_view qualified_server, tool;
        if (server != nullptr) {
          row.tool = server->FindTool(row.name);
          if (!row.tool && SplitQualified(row.name, qualified_server, tool)) row.tool = server->FindTool(tool);
          row.server = row.tool ? server : nullptr;
          if (!row.tool && !request.server.empty()) row.missing_from = server;
        }
        if (!row.tool && SplitQualified(row.name, qualified_server, tool)) {
          if (const CatalogServer* s = catalog->Find(qualified_server)) {
            row.tool = s->FindTool(tool);
            row.server = row.tool ? s : nullptr;
          }
        }
      }
      all = all && row.tool != nullptr;
    }
    return all;
  }

  std::string LexiconError() {
    if (!classifier) classifier = std::make_unique<Classifier>();
    return classifier->ok() ? "" : "the classification lexicon is unusable: " + classifier->error();
  }

  void Header() {
    if (request.format == ClassifyFormat::kJson) {
      std::string out = "{\n  \"server\": ";
      if (server == nullptr) {
        out += "null";
      } else {
        out += "{\"id\": ";
        AppendJsonQuoted(out, server->id);
        if (inferred) {
          out += ", \"inferred\": true, \"matched\": " + std::to_string(inferred->matched) +
                 ", \"names\": " + std::to_string(inferred->total);
        } else {
          out += ", \"inferred\": false";
        }
        out += "}";
      }
      out += ",\n  \"tools\": [";
      write(out);
    } else if (request.format == ClassifyFormat::kText) {
      write(classify_command::TextHeader(layout));
    }
  }

  // Classifies and writes one batch; the heuristic runs on up to `threads` threads.
  void Emit(const ToolBatch& batch) {
    chunks.assign(std::max(1u, threads), std::string());
    ForEachChunk(rows.size(), threads, [&](size_t begin, size_t end, unsigned chunk) {
      std::string& out = chunks[chunk];
      for (size_t i = begin; i < end; ++i) {
        Row& row = rows[i];
        if (row.tool == nullptr) classifier->Classify(batch.tools[i], &row.result);
        switch (request.format) {
          case ClassifyFormat::kText:
            classify_command::AppendTextRow(row, layout, out);
            break;
          case ClassifyFormat::kJsonl:
            classify_command::AppendJsonRow(row, out);
            out += '\n';
            break;
          case ClassifyFormat::kJson:
            out += i == 0 && first_json_row ? "\n    " : ",\n    ";
            classify_command::AppendJsonRow(row, out);
            break;
        }
      }
    });
    first_json_row = first_json_row && rows.empty();
    for (const Row& row : rows) {
      ++counts[static_cast<size_t>(row.category())];
      if (row.tool) ++from_catalog;
    }
    total += rows.size();
    for (const std::string& chunk : chunks) {
      if (!chunk.empty()) write(chunk);
    }
  }

  void Footer() {
    if (request.format == ClassifyFormat::kJson) {
      write(total ? "\n  ]\n}\n" : "]\n}\n");
      return;
    }
    if (request.format != ClassifyFormat::kText || !request.summary) return;
    std::string out = std::to_string(total) + (total == 1 ? " tool" : " tools");
    std::string by;
    for (Category c : {Category::kFinancial, Category::kDestructive, Category::kExecute, Category::kWrite,
                       Category::kRead, Category::kOther}) {
      size_t n = counts[static_cast<size_t>(c)];
      if (n) by += (by.empty() ? ": " : ", ") + std::to_string(n) + " " + std::string(CategoryName(c));
    }
    out += by + ". ";
    if (catalog == nullptr) {
      out += "All by the heuristic (--no-catalog).\n";
    } else {
      out += std::to_string(from_catalog) + " from the catalog";
      if (server != nullptr) {
        out += " (" + server->id;
        if (inferred) {
          out += ", inferred from " + std::to_string(inferred->matched) + " of " +
                 std::to_string(inferred->total) + " names";
        }
        out += ")";
      }
      out += ", " + std::to_string(total - from_catalog) + " by the heuristic.\n";
    }
    write(out);
  }
};

}  // namespace

std::optional<ClassifyFormat> ParseClassifyFormat(std::string_view name) {
  if (name == "text") return ClassifyFormat::kText;
  if (name == "json") return ClassifyFormat::kJson;
  if (name == "jsonl") return ClassifyFormat::kJsonl;
  return std::nullopt;
}

CommandOutput RunClassify(const ClassifyRequest& request,
                          const std::function<void(std::string_view)>& write) {
  CommandOutput output;
  auto fail = [&output](std::string message) {
    output.errors.push_back(std::move(message));
    output.exit_code = 2;
    return output;
  };
  if (request.tools_path.empty() && request.names.empty()) {
    return fail("nothing to classify: give tool names, or --tools FILE (- for standard input)");
  }
  if (!request.tools_path.empty() && !request.names.empty()) {
    return fail("give tool names or --tools, not both");
  }
  if (!request.use_catalog && !request.server.empty()) {
    return fail("--server needs the catalog; drop --no-catalog");
  }

  Run run(request, write);
  std::unique_ptr<Catalog> holder;
  if (request.use_catalog) {
    run.catalog = OpenCatalog(request.catalog_dirs, holder, output.errors);
    if (run.catalog == nullptr) {
      output.exit_code = 2;
      return output;
    }
    if (!request.server.empty()) {
      run.server = run.catalog->Find(request.server);
      if (run.server == nullptr) return fail(UnknownServerMessage(*run.catalog, request.server));
    }
  }
  run.threads = request.jobs ? request.jobs : std::max(1u, std::thread::hardware_concurrency());

  std::string display = request.tools_path == "-"
                            ? (request.stdin_filename.empty() ? "<stdin>" : request.stdin_filename)
                            : request.tools_path;
  std::unique_ptr<ToolReader> reader =
      request.tools_path.empty() ? std::make_unique<ToolReader>(request.names)
                                 : std::make_unique<ToolReader>(request.tools_path, display, request.max_bytes);
  ToolBatch batch;
  bool more = reader->Next(kFirstBatch, batch);
  if (reader->failed()) {
    output.errors = reader->errors();
    output.exit_code = 2;
    return output;
  }
  if (run.catalog != nullptr && run.server == nullptr && !batch.tools.empty()) {
    std::vector<std::string_view> names;
    names.reserve(batch.tools.size());
    for (const ToolInfo& t : batch.tools) names.push_back(t.name);
    run.inferred = run.catalog->Infer(names);
    if (run.inferred) run.server = run.inferred->server;
  }
  for (const ToolInfo& t : batch.tools) {
    run.layout.name_width = std::max(run.layout.name_width, std::min(kMaxNameWidth, classify_command::DisplayWidth(t.name)));
  }
  run.layout.color = request.color;
  run.Header();
  while (more) {
    if (!run.Resolve(batch)) {
      if (std::string error = run.LexiconError(); !error.empty()) return fail(error);
    }
    run.Emit(batch);
    more = reader->Next(kBatch, batch);
  }
  run.Footer();

  output.errors = reader->errors();
  if (reader->skipped() > ToolReader::kMaxErrors) {
    output.errors.push_back(std::to_string(reader->skipped() - ToolReader::kMaxErrors) +
                            " more entries skipped for the same kinds of reasons");
  }
  if (reader->failed()) {
    output.exit_code = 2;
  } else if (reader->skipped() > 0) {
    output.exit_code = 1;
  }
  return output;
}

CommandOutput RunClassify(const ClassifyRequest& request) {
  std::string out;
  CommandOutput output = RunClassify(request, [&out](std::string_view s) { out += s; });
  output.out = std::move(out);
  return output;
}

}  // namespace mcpolicy
