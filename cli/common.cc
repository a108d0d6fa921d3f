#include "common.h"
#include "mcpolicy/escape.h"

#include "mcpolicy/json.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "mcpolicy/io.h"
#include "mcpolicy/json.h"

namespace mcpolicy::cli {

void OutputFlags::Add(CLI::App* app) {
  app->add_option("--format", format,
                  "Report format (gitlab: GitLab Code Quality; junit and checkstyle: XML)")
      ->check(CLI::IsMember({"text", "json", "sarif", "github", "gitlab", "junit", "checkstyle"}))
      ->capture_default_str();
  app->add_option("-o,--output", output_file, "Write the report to FILE (atomically) instead of stdout");
  app->add_option("--color", color, "Colour text output")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  app->add_option("--fail-level", fail_level, "Lowest severity that makes the exit code 1")
      ->check(CLI::IsMember({"error", "warning", "note"}))
      ->capture_default_str();
  app->add_flag("--exit-zero", exit_zero, "Exit 0 even when there are findings (2 still means failure)");
  app->add_flag("-q,--quiet", quiet, "Text format: no summary line");
  app->add_flag("-v,--verbose", verbose, "Text format: also list files skipped in directories");
  app->add_option("--max-file-size", max_file_size, "Refuse files larger than this (bytes, or with K/M/G)")
      ->capture_default_str();
  app->add_option("--stdin-filename", stdin_filename, "Name to report standard input ('-') under");
  app->add_option("-j,--jobs", jobs, "Worker threads (default: one per core)");
}

bool ParseSize(const std::string& text, uint64_t& bytes) {
  if (text.empty() || !std::isdigit(static_cast<unsigned char>(text[0]))) return false;
  size_t used = 0;
  unsigned long long value;
  try {
    value = std::stoull(text, &used);
  } catch (...) {
    return false;
  }
  std::string unit = text.substr(used);
  uint64_t scale = 1;
  if (unit == "K" || unit == "KiB" || unit == "k") scale = 1ull << 10;
  else if (unit == "M" || unit == "MiB") scale = 1ull << 20;
  else if (unit == "G" || unit == "GiB") scale = 1ull << 30;
  else if (!unit.empty()) return false;
  if (value > (UINT32_MAX - 1) / scale) return false;
  bytes = value * scale;
  return true;
}

bool UseColor(const std::string& color_flag, bool to_file) {
  if (color_flag == "always") return true;
  if (color_flag == "never" || to_file) return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  const char* term = std::getenv("TERM");
  if (term && std::string(term) == "dumb") return false;
  return isatty(STDOUT_FILENO);
}

bool FillReport(const OutputFlags& flags, ReportRequest& report, uint64_t& max_bytes) {
  report.format = *ParseReportFormat(flags.format);
  report.fail_level = *ParseSeverity(flags.fail_level);
  report.exit_zero = flags.exit_zero;
  report.report.color = UseColor(flags.color, !flags.output_file.empty());
  report.report.verbose = flags.verbose;
  report.report.summary = !flags.quiet;
  report.report.tool_version = MCPOLICY_VERSION;
  return ParseDocumentSize(flags.max_file_size, max_bytes);
}

bool ParseSizeFlag(const std::string& text, uint64_t& bytes) {
  if (ParseSize(text, bytes)) return true;
  std::cerr << "mcpolicy: error: --max-file-size: \"" << Escaped(text)
            << "\" is not a size (examples: 1048576, 512K, 64M, 1G; at most 4G)\n";
  return false;
}

bool ParseDocumentSize(const std::string& text, uint64_t& bytes) {
  if (!ParseSize(text, bytes)) {
    std::cerr << "mcpolicy: error: --max-file-size: \"" << Escaped(text)
              << "\" is not a size (examples: 1048576, 512K, 64M)\n";
    return false;
  }
  if (bytes > json::kMaxDocumentBytes) {
    std::cerr << "mcpolicy: error: --max-file-size: " << Escaped(text)
              << " is above 64M, the largest policy or schema mcpolicy parses\n";
    return false;
  }
  return true;
}

int WriteOutput(const std::string& text, const std::string& output_file, int exit_code) {
  if (!output_file.empty()) {
    std::string error = WriteFileAtomically(output_file, text);
    if (!error.empty()) {
      std::cerr << "mcpolicy: error: " << Escaped(error) << "\n";
      return 2;
    }
  } else {
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
  }
  return exit_code;
}

int Emit(const CommandOutput& output, const std::string& output_file) {
  for (const std::string& e : output.errors) std::cerr << "mcpolicy: error: " << Escaped(e) << "\n";
  for (const std::string& n : output.notes) std::cerr << n << "\n";
  if (output.refused) return output.exit_code;
  return WriteOutput(output.out, output_file, output.exit_code);
}

}  // namespace mcpolicy::cli
