// One side of a diff: a file, "-" (standard input) or git:REV:path, read into memory.
#ifndef MCPOLICY_DIFF_INPUT_H_
#define MCPOLICY_DIFF_INPUT_H_

#include <cstdint>
#include <string>
#include <vector>

namespace mcpolicy::diff {

struct SideText {
  bool ok = false;
  // The side does not exist: /dev/null, a missing file with --new-file, or a path absent at a
  // valid git revision. `data` is then empty and the diff compares with an empty policy.
  bool absent = false;
  std::string data;
  std::string display;  // the path findings are reported at
  // The file the configuration is looked up for, and whose extension chooses the dialect ("-"
  // for stdin: judged by content).
  std::string path;
  std::string error;    // names the input as given, when !ok
};

// "git:REV:path" splits at the first ':' after the prefix. The path goes to git unchanged, so it
// is relative to the repository's root unless it starts with "./" or "../" (then to the working
// directory), as in `git show`. The display name is the path part.
bool IsGitInput(const std::string& input);

// Reads `input` (at most `max_bytes`). Standard input is reported as `stdin_name`. "/dev/null"
// is an absent side; so is a file that does not exist when `missing_is_absent` (--new-file).
SideText ReadSide(const std::string& input, uint64_t max_bytes, const std::string& stdin_name,
                  bool missing_is_absent = false);

// `git show REV:path` (path relative to the repository's root, as git diff names it), reported
// as `display`; absent when the path does not exist at that revision.
SideText ReadGitBlob(const std::string& rev, const std::string& path, const std::string& display,
                     uint64_t max_bytes);

// What a git command printed: standard output (capped), the first line of its complaint.
struct GitOutput {
  bool ok = false;
  std::string out;
  std::string error;  // "cannot run git: ...", or git's first line of stderr, when !ok
};

// Runs `git ARGS...` (no shell, standard input closed) in the working directory.
GitOutput RunGit(const std::vector<std::string>& args, uint64_t max_bytes);

}  // namespace mcpolicy::diff

#endif  // MCPOLICY_DIFF_INPUT_H_
