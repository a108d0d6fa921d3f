// URI references as $id and $ref use them (RFC 3986).
#ifndef MCPOLICY_SCHEMA_URI_H_
#define MCPOLICY_SCHEMA_URI_H_

#include <string>
#include <string_view>

namespace mcpolicy::schema {

// The five components of a URI reference (RFC 3986 appendix B); absent ones have has_* false.
struct UriParts {
  std::string_view scheme;
  std::string_view authority;
  std::string_view path;
  std::string_view query;
  std::string_view fragment;
  bool has_scheme = false;
  bool has_authority = false;
  bool has_query = false;
  bool has_fragment = false;
};

UriParts SplitUri(std::string_view uri);

// `ref` resolved against `base` (RFC 3986 section 5.2). An empty base leaves `ref` relative,
// with its dot segments removed.
std::string ResolveUri(std::string_view base, std::string_view ref);

// `uri` without its fragment ("#..." suffix).
std::string_view StripFragment(std::string_view uri);

// Decodes %XX escapes; returns false on a malformed escape.
bool PercentDecode(std::string_view in, std::string* out);

}  // namespace mcpolicy::schema

#endif  // MCPOLICY_SCHEMA_URI_H_
