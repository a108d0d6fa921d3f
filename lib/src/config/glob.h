// Path globs for .mcpolicy.json: `*` and `?` match within one path segment, `**` matches any
// number of whole segments. Globs are anchored: they match the whole path, not a suffix.
#ifndef MCPOLICY_CONFIG_GLOB_H_
#define MCPOLICY_CONFIG_GLOB_H_

#include <string_view>

namespace mcpolicy {

// Whether `path` (relative, '/'-separated, no "." or ".." segments; empty never matches)
// matches `glob`.
// `**` as a whole segment ("**/x", "a/**/b", "a/**") matches zero or more segments; elsewhere
// ("a**b") it behaves as `*`. Every other character matches itself; there are no character
// classes and no escapes. Runs in O(|glob| * |path|) time.
bool GlobMatch(std::string_view glob, std::string_view path);

// Whether `glob` matches `path` or one of the directories it lies in ("dumps", "dumps/" and
// "dumps/**" all cover "dumps/a/tools.json"): the form of an exclude pattern.
bool GlobMatchOrParent(std::string_view glob, std::string_view path);

}  // namespace mcpolicy

#endif  // MCPOLICY_CONFIG_GLOB_H_
