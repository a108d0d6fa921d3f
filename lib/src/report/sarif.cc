#include "report/sarif.h"

#include <filesystem>

#ifndef MCPOLICY_DOCS_URL
#define MCPOLICY_DOCS_URL "https://example.invalid/mcpolicy/docs/"
#endif

namespace mcpolicy::sarif {
namespace {

namespace fs = std::filesystem;

}  // namespace

std::string SourceRoot() {
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  if (ec) return "";
  for (fs::path dir = cwd;; dir = dir.parent_path()) {
    if (fs::exists(dir / ".git", ec)) return dir.generic_string();
    if (dir == dir.parent_path()) break;
  }
  return cwd.generic_string();
}

std::string PathToUri(std::string_view path) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  if (!path.empty() && path.front() == '/') out = "file://";
  while (path.substr(0, 2) == "./") path.remove_prefix(2);
  for (char ch : path) {
    auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

nlohmann::ordered_json ArtifactLocation(std::string_view path, const std::string& root) {
  std::error_code ec;
  fs::path absolute = fs::absolute(fs::path(path), ec).lexically_normal();
  if (!ec && !root.empty() && path != "-" && !path.empty() && path.front() != '<') {
    std::string relative = absolute.lexically_relative(fs::path(root)).generic_string();
    if (!relative.empty() && relative != "." && relative.rfind("..", 0) != 0) {
      return {{"uri", PathToUri(relative)}, {"uriBaseId", kSourceRoot}};
    }
    return {{"uri", PathToUri(absolute.generic_string())}};
  }
  return {{"uri", PathToUri(path)}};  // standard input's display name: as given
}

nlohmann::ordered_json OriginalUriBaseIds(const std::string& root) {
  std::string uri = PathToUri(root);
  if (uri.empty() || uri.back() != '/') uri.push_back('/');
  return {{kSourceRoot, {{"uri", uri}}}};
}

std::string HelpUri(std::string_view page) { return MCPOLICY_DOCS_URL + std::string(page); }

}  // namespace mcpolicy::sarif
