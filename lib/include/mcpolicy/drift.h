// Entry point of `mcpolicy drift`: compare a server's tools now with a snapshot taken when they
// were approved, and grade each change by the risk it introduces.
#ifndef MCPOLICY_DRIFT_H_
#define MCPOLICY_DRIFT_H_

#include <string>

#include "mcpolicy/commands.h"
#include "mcpolicy/fetch.h"

namespace mcpolicy {

enum class DriftFormat { kText, kJson, kSarif, kGithub };

struct DriftRequest {
  std::string snapshot_path;   // written by fetch --write-snapshot
  std::string tools_path;      // the tools now: a tools/list dump file, or "-" for stdin
  std::string stdin_filename;  // what "-" is called in messages ("<stdin>" when empty)
  FetchRequest fetch;          // or, when tools_path is empty: start this server and ask it
  std::string name;            // the server's entry in the snapshot; default: the only one
  DriftFormat format = DriftFormat::kText;
};

// Changes, each with a severity: a new tool (error when execute, destructive or financial,
// warning when write, note when read), a category that rose (error), an annotation that weakened
// (destructiveHint true -> false or gone, readOnlyHint appearing: error), a description that
// changed (warning; error when it newly holds instructions aimed at the agent, URLs, secrets or
// other servers' tool names), a new argument (warning; error for command-, code-, path-, URL- or
// SQL-like names), a removed tool or a category that fell (note), any other change of the
// definition (note). Exit codes: 0 no error-level change, 1 risk rose, 2 could not compare.
CommandOutput RunDrift(const DriftRequest& request);

}  // namespace mcpolicy

#endif  // MCPOLICY_DRIFT_H_
