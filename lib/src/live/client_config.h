// MCP client configurations: where Claude Desktop, Claude Code, Cursor, VS Code, Gemini CLI and
// Codex keep their servers, how each file is read, and how scopes merge (a project file overrides
// the user's for a server of the same name in the same client).
#ifndef MCPOLICY_LIVE_CLIENT_CONFIG_H_
#define MCPOLICY_LIVE_CLIENT_CONFIG_H_

#include <map>
#include <string>
#include <vector>

namespace mcpolicy::live {

struct ServerSpec {
  std::string client;       // "Claude Desktop", "Claude Code", "Cursor", "VS Code", "Gemini CLI", "Codex"
  std::string config_path;  // the file it came from
  std::string scope;        // "project" or "user"
  std::string name;
  std::string transport;  // "stdio", "http" or "sse"
  std::vector<std::string> argv;  // command + args (stdio)
  std::vector<std::string> env;   // "K=V", expanded
  std::string cwd;
  std::string url;  // http/sse
  std::vector<std::string> headers;  // "Name: value", expanded (http); values are never printed
  std::vector<std::string> include_tools, exclude_tools;  // the client's own tool filters
  bool enabled = true;
  std::vector<std::string> unresolved;  // ${...} references that could not be expanded
};

struct ConfigFile {
  std::string path;
  std::string client;
  std::string scope;
};

// The usual project (under `project_dir`) and user (under `home`) locations that exist.
std::vector<ConfigFile> DiscoverConfigs(const std::string& project_dir, const std::string& home);

// Which client wrote `path`, from its name and, failing that, its content ("" when unknown).
std::string GuessClient(const std::string& path, const std::string& content);

// Reads one config; false with `error` ("path:line:col: ..." where the parser says where).
bool ReadConfig(const ConfigFile& file, const std::string& project_dir, const std::string& home,
                std::vector<ServerSpec>* servers, std::string* error);

// Project entries replace user entries of the same client and name; order: client, name.
std::vector<ServerSpec> MergeScopes(std::vector<ServerSpec> servers);

// Expands ${VAR}, ${VAR:-default}, ${env:VAR}, ${userHome}, ${workspaceFolder} from the
// environment only; anything else (${input:id}, unset variables) is left as written and named
// in `unresolved`.
std::string Expand(const std::string& text, const std::string& project_dir,
                   const std::string& home, std::vector<std::string>* unresolved);

}  // namespace mcpolicy::live

#endif  // MCPOLICY_LIVE_CLIENT_CONFIG_H_
