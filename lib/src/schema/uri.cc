#include "schema/uri.h"

namespace mcpolicy::schema {
namespace {

std::string RemoveDotSegments(std::string_view path) {
  std::string out;
  std::string_view in = path;
  while (!in.empty()) {
    if (in.starts_with("../")) {
      in.remove_prefix(3);
    } else if (in.starts_with("./")) {
      in.remove_prefix(2);
    } else if (in.starts_with("/./")) {
      in.remove_prefix(2);
    } else if (in == "/.") {
      in = "/";
    } else if (in.starts_with("/../") || in == "/..") {
      in = in.size() == 3 ? std::string_view("/") : in.substr(3);
      size_t slash = out.rfind('/');
      out.resize(slash == std::string::npos ? 0 : slash);
    } else if (in == "." || in == "..") {
      in = {};
    } else {
      size_t next = in.find('/', in[0] == '/' ? 1 : 0);
      if (next == std::string_view::npos) next = in.size();
      out.append(in.substr(0, next));
      in.remove_prefix(next);
    }
  }
  return out;
}

std::string Merge(const UriParts& base, std::string_view ref_path) {
  if (base.has_authority && base.path.empty()) return "/" + std::string(ref_path);
  size_t slash = base.path.rfind('/');
  if (slash == std::string_view::npos) return std::string(ref_path);
  return std::string(base.path.substr(0, slash + 1)) + std::string(ref_path);
}

}  // namespace

UriParts SplitUri(std::string_view uri) {
  UriParts parts;
  std::string_view rest = uri;
  size_t hash = rest.find('#');
  if (hash != std::string_view::npos) {
    parts.has_fragment = true;
    parts.fragment = rest.substr(hash + 1);
    rest = rest.substr(0, hash);
  }
  size_t question = rest.find('?');
  if (question != std::string_view::npos) {
    parts.has_query = true;
    parts.query = rest.substr(question + 1);
    rest = rest.substr(0, question);
  }
  size_t colon = rest.find(':');
  if (colon != std::string_view::npos && colon > 0 &&
      rest.substr(0, colon).find('/') == std::string_view::npos) {
    parts.has_scheme = true;
    parts.scheme = rest.substr(0, colon);
    rest = rest.substr(colon + 1);
  }
  if (rest.starts_with("//")) {
    parts.has_authority = true;
    size_t end = rest.find('/', 2);
    if (end == std::string_view::npos) end = rest.size();
    parts.authority = rest.substr(2, end - 2);
    rest = rest.substr(end);
  }
  parts.path = rest;
  return parts;
}

std::string ResolveUri(std::string_view base_text, std::string_view ref_text) {
  UriParts ref = SplitUri(ref_text);
  UriParts base = SplitUri(base_text);
  std::string scheme, authority, path, query;
  bool has_authority = false, has_query = false;
  if (ref.has_scheme) {
    scheme = ref.scheme;
    has_authority = ref.has_authority;
    authority = ref.authority;
    path = RemoveDotSegments(ref.path);
    has_query = ref.has_query;
    query = ref.query;
  } else {
    if (ref.has_authority) {
      has_authority = true;
      authority = ref.authority;
      path = RemoveDotSegments(ref.path);
      has_query = ref.has_query;
      query = ref.query;
    } else {
      if (ref.path.empty()) {
        path = base.path;
        has_query = ref.has_query || base.has_query;
        query = ref.has_query ? ref.query : base.query;
      } else {
        path = RemoveDotSegments(ref.path.starts_with("/") ? std::string(ref.path)
                                                            : Merge(base, ref.path));
        has_query = ref.has_query;
        query = ref.query;
      }
      has_authority = base.has_authority;
      authority = base.authority;
    }
    scheme = base.scheme;
  }
  std::string out;
  if (!scheme.empty()) out += scheme + ":";
  if (has_authority) out += "//" + authority;
  out += path;
  if (has_query) out += "?" + query;
  if (ref.has_fragment) out += "#" + std::string(ref.fragment);
  return out;
}

std::string_view StripFragment(std::string_view uri) {
  size_t hash = uri.find('#');
  return hash == std::string_view::npos ? uri : uri.substr(0, hash);
}

bool PercentDecode(std::string_view in, std::string* out) {
  out->clear();
  auto hex = [](char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '%') {
      out->push_back(in[i]);
      continue;
    }
    if (i + 2 >= in.size()) return false;
    int hi = hex(in[i + 1]), lo = hex(in[i + 2]);
    if (hi < 0 || lo < 0) return false;
    out->push_back(static_cast<char>(hi * 16 + lo));
    i += 2;
  }
  return true;
}

}  // namespace mcpolicy::schema
