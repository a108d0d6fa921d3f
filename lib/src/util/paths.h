// Where a path leads when written to: shared by the atomic writer and the output-conflict check.
#ifndef MCPOLICY_UTIL_PATHS_H_
#define MCPOLICY_UTIL_PATHS_H_

#include <string>

namespace mcpolicy {

// The descriptor a standard-stream name denotes: /dev/stdout (1), /dev/stderr (2), /dev/fd/N,
// /proc/self/fd/N or /proc/<own pid>/fd/N; -1 for any other path.
int StandardStreamOf(const std::string& path);

// Follows the chain of symbolic links at `path` (relative targets against the link's directory)
// to the name it ends at, which need not exist (a dangling link ends at the file to create).
// Stops at a standard-stream name. False, with `error` set, on a loop or an unreadable link.
bool FollowLinks(const std::string& path, std::string& out, std::string& error);

}  // namespace mcpolicy

#endif  // MCPOLICY_UTIL_PATHS_H_
