// Build step: writes the catalog index embedded as generated/catalog-index.tsv, so that start-up
// reads a few kilobytes of names instead of parsing every catalog file, and sorts nothing. Lines:
//   S <tab> catalog/servers/<file>.json <tab> <id>     one per server, servers sorted by id
//   A <tab> <alias>                                    its aliases
//   O <tab> <i> <i> ...                                its tool indices sorted by name (stable);
//                                                      before the tools, so the reader can reserve
//   T <tab> <tool name>                                its tools, in file order
//   R <tab> <s> <t> <s> <t> ...                        last: every (server, tool) pair sorted by
//                                                      tool name, then server, then tool index
// The orders are Catalog::BuildIndexes' (byte order of std::string); the catalog checks them.
// Usage: catalog_index OUTPUT ROOT FILE...  (FILE absolute; recorded relative to ROOT)
#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <numeric>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "mcpolicy/json.h"

namespace {

// Every failure names the file and the reason: a build step that stops silently leaves the user
// with nothing but "Error 1".
int Fail(const std::string& path, const std::string& why) {
  std::cerr << "catalog_index: " << path << ": " << why << "\n";
  return 1;
}

struct Server {
  std::string path;
  std::string id;
  std::vector<std::string> aliases;
  std::vector<std::string> tools;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: catalog_index OUTPUT ROOT FILE...\n";
    return 2;
  }
  std::string root = std::string(argv[2]) + "/";
  std::vector<Server> servers;
  for (int i = 3; i < argc; ++i) {
    std::string path = argv[i];
    std::ifstream in(path, std::ios::binary);
    if (!in) return Fail(path, std::string("cannot open: ") + std::strerror(errno));
    std::stringstream text;
    text << in.rdbuf();
    if (in.bad()) return Fail(path, "read error");
    mcpolicy::json::Document doc = mcpolicy::json::Document::Parse(text.str());
    if (!doc.ok() || !doc.root().is_object()) {
      return Fail(path, "not a JSON object; `mcpolicy validate --schema schemas/catalog.schema.json` says why");
    }
    Server& s = servers.emplace_back();
    s.path = path.rfind(root, 0) == 0 ? path.substr(root.size()) : path;
    mcpolicy::json::Value id = doc.root().Find("id");
    s.id = id.is_string() ? std::string(id.as_string()) : "";
    for (mcpolicy::json::Value a : doc.root().Find("aliases").elements()) {
      if (a.is_string()) s.aliases.emplace_back(a.as_string());
    }
    for (mcpolicy::json::Value t : doc.root().Find("tools").elements()) {
      mcpolicy::json::Value name = t.Find("name");
      s.tools.emplace_back(name.is_string() ? name.as_string() : "");
    }
  }
  std::stable_sort(servers.begin(), servers.end(),
                   [](const Server& a, const Server& b) { return a.id < b.id; });
  std::string out;
  std::vector<std::pair<uint32_t, uint32_t>> by_tool;
  for (uint32_t si = 0; si < servers.size(); ++si) {
    const Server& s = servers[si];
    out += "S\t" + s.path + "\t" + s.id + "\n";
    for (const std::string& a : s.aliases) out += "A\t" + a + "\n";
    std::vector<uint32_t> order(s.tools.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(),
                     [&s](uint32_t a, uint32_t b) { return s.tools[a] < s.tools[b]; });
    out += "O\t";
    for (size_t k = 0; k < order.size(); ++k) out += (k ? " " : "") + std::to_string(order[k]);
    out += "\n";
    for (const std::string& t : s.tools) out += "T\t" + t + "\n";
    for (uint32_t t = 0; t < s.tools.size(); ++t) by_tool.emplace_back(si, t);
  }
  std::stable_sort(by_tool.begin(), by_tool.end(), [&servers](const auto& a, const auto& b) {
    return servers[a.first].tools[a.second] < servers[b.first].tools[b.second];
  });
  out += "R\t";
  for (size_t k = 0; k < by_tool.size(); ++k) {
    out += (k ? " " : "") + std::to_string(by_tool[k].first) + " " +
           std::to_string(by_tool[k].second);
  }
  out += "\n";
  std::string temp = std::string(argv[1]) + ".tmp";
  {
    std::ofstream o(temp, std::ios::binary);
    if (!o) return Fail(temp, std::string("cannot create: ") + std::strerror(errno));
    o << out;
    o.close();
    if (!o) return Fail(temp, std::string("cannot write: ") + std::strerror(errno));
  }
  if (std::rename(temp.c_str(), argv[1]) != 0) {
    return Fail(argv[1], std::string("cannot rename ") + temp + " to it: " + std::strerror(errno));
  }
  return 0;
}
