// One side of a diff: a file, "-" (standard input) or git:REV:path, read into memory.
#ifndef MCPOLICY_DIFF_INPUT_H_
#define MCPOLICY_DIFF_INPUT_H_

#include <cstdint>
#include <string>

namespace mcpolicy::diff {

struct SideText {
  bool ok = false;
  std::string data;
  std::string display;  // the path findings are reported at
  std::string path;     // the file the configuration is looked up for ("-" for stdin)
  std::string error;    // names the input as given, when !ok
};

// "git:REV:path" splits at the first ':' after the prefix. The path goes to git unchanged, so it
// is relative to the repository's root unless it starts with "./" or "../" (then to the working
// directory), as in `git show`. The display name is the path part.
bool IsGitInput(const std::string& input);

// Reads `input` (at most `max_bytes`). Standard input is reported as `stdin_name`.
SideText ReadSide(const std::string& input, uint64_t max_bytes, const std::string& stdin_name);

}  // namespace mcpolicy::diff

#endif  // MCPOLICY_DIFF_INPUT_H_
