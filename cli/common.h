// Shared pieces of the CLI: output flags, size parsing, printing a command's output.
#ifndef MCPOLICY_CLI_COMMON_H_
#define MCPOLICY_CLI_COMMON_H_

#include <CLI/CLI.hpp>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "mcpolicy/commands.h"

namespace mcpolicy::cli {

// A registered subcommand: run() is called when `app` was the one parsed; it returns the exit code.
struct Command {
  CLI::App* app;
  std::function<int()> run;
};

// Flags shared by every command that reports on files (lint, validate, ...).
struct OutputFlags {
  std::string format = "text";
  std::string output_file;
  std::string color = "auto";
  std::string fail_level = "warning";
  bool exit_zero = false;
  bool quiet = false;
  bool verbose = false;
  std::string max_file_size = "64M";
  std::string stdin_filename;
  unsigned jobs = 0;
  bool statistics = false;  // lint only: added by RegisterLintCommands

  void Add(CLI::App* app);
};

// "64M" -> bytes; false for anything that is not a size up to 4 GiB.
bool ParseSize(const std::string& text, uint64_t& bytes);
// --max-file-size for commands that stream their input (classify, recommend --tools): ParseSize,
// printing why and returning false on a bad value.
bool ParseSizeFlag(const std::string& text, uint64_t& bytes);
// --max-file-size for commands that parse whole JSON documents: a size up to the parser's 64 MiB.
// Prints why and returns false otherwise.
bool ParseDocumentSize(const std::string& text, uint64_t& bytes);

// Whether text output should be coloured (--color, NO_COLOR, TERM=dumb, a terminal on stdout).
bool UseColor(const std::string& color_flag, bool to_file);

// Fills the shared report settings; prints why and returns false on a bad value.
bool FillReport(const OutputFlags& flags, ReportRequest& report, uint64_t& max_bytes);

// Prints errors to stderr and the output to stdout or atomically to `output_file`; returns the
// exit code (2 when the output file cannot be written).
int Emit(const CommandOutput& output, const std::string& output_file);
// Writes `text` to stdout or atomically to `output_file`; returns `exit_code`, or 2 (with the
// error printed) when the file cannot be written.
int WriteOutput(const std::string& text, const std::string& output_file, int exit_code);

void RegisterLintCommands(CLI::App& app, std::vector<Command>& commands);
void RegisterClassifyCommands(CLI::App& app, std::vector<Command>& commands);
void RegisterRecommendCommands(CLI::App& app, std::vector<Command>& commands);
void RegisterConvertCommands(CLI::App& app, std::vector<Command>& commands);
void RegisterDiffCommands(CLI::App& app, std::vector<Command>& commands);
void RegisterFetchCommands(CLI::App& app, std::vector<Command>& commands);
void RegisterDriftCommands(CLI::App& app, std::vector<Command>& commands);
void RegisterScanCommands(CLI::App& app, std::vector<Command>& commands);
void RegisterSchemaCommands(CLI::App& app, std::vector<Command>& commands);

}  // namespace mcpolicy::cli

#endif  // MCPOLICY_CLI_COMMON_H_
