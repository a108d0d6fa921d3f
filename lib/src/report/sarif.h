// What every SARIF log mcpolicy writes shares: file locations relative to the source root
// (%SRCROOT%, declared in run.originalUriBaseIds), so code scanning places them in the
// repository wherever mcpolicy ran, and the rules' help links.
#ifndef MCPOLICY_REPORT_SARIF_H_
#define MCPOLICY_REPORT_SARIF_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace mcpolicy::sarif {

// The uriBaseId of every repository-relative location.
inline constexpr const char* kSourceRoot = "%SRCROOT%";

// The source root: the top of the git work tree holding the working directory (the nearest
// directory above it with a .git entry), else the working directory itself. Absolute, with '/'
// separators and no trailing '/'.
std::string SourceRoot();

// `path` (as reported: relative to the working directory, or absolute) as an artifactLocation:
// {"uri": "policies/a.json", "uriBaseId": "%SRCROOT%"} when it lies below `root`, else an
// absolute file:// URI.
nlohmann::ordered_json ArtifactLocation(std::string_view path, const std::string& root);

// run.originalUriBaseIds: %SRCROOT% as the file:// URI of `root` (ending in '/').
nlohmann::ordered_json OriginalUriBaseIds(const std::string& root);

// A relative or absolute path as a URI reference: unreserved characters and '/' stay, the rest
// is %-encoded; an absolute path gets "file://".
std::string PathToUri(std::string_view path);

// A rule's help page as the helpUri of its reportingDescriptor: the page's path in mcpolicy's
// repository ("docs/rules/loose-limit.md"), a relative reference since the project publishes no
// site; `help` carries the page's text itself.
std::string HelpUri(std::string_view page);

}  // namespace mcpolicy::sarif

#endif  // MCPOLICY_REPORT_SARIF_H_
