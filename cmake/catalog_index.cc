// Build step: writes the catalog index embedded as generated/catalog-index.tsv, so that start-up
// reads a few kilobytes of names instead of parsing every catalog file. Lines:
//   S <tab> catalog/servers/<file>.json <tab> <id>     one per server, in argument order
//   A <tab> <alias>                                    its aliases
//   T <tab> <tool name>                                its tools, in file order
// Usage: catalog_index OUTPUT ROOT FILE...  (FILE absolute; recorded relative to ROOT)
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "mcpolicy/json.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: catalog_index OUTPUT ROOT FILE...\n";
    return 2;
  }
  std::string root = std::string(argv[2]) + "/";
  std::string out;
  for (int i = 3; i < argc; ++i) {
    std::string path = argv[i];
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    mcpolicy::json::Document doc = mcpolicy::json::Document::Parse(text.str());
    if (!doc.ok() || !doc.root().is_object()) {
      std::cerr << path << ": not a JSON object; the catalog tests say why\n";
      return 1;
    }
    std::string rel = path.rfind(root, 0) == 0 ? path.substr(root.size()) : path;
    mcpolicy::json::Value id = doc.root().Find("id");
    out += "S\t" + rel + "\t" + std::string(id.is_string() ? id.as_string() : "") + "\n";
    for (mcpolicy::json::Value a : doc.root().Find("aliases").elements()) {
      if (a.is_string()) out += "A\t" + std::string(a.as_string()) + "\n";
    }
    for (mcpolicy::json::Value t : doc.root().Find("tools").elements()) {
      mcpolicy::json::Value name = t.Find("name");
      out += "T\t" + std::string(name.is_string() ? name.as_string() : "") + "\n";
    }
  }
  std::string temp = std::string(argv[1]) + ".tmp";
  {
    std::ofstream o(temp, std::ios::binary);
    o << out;
    if (!o) return 1;
  }
  return std::rename(temp.c_str(), argv[1]) == 0 ? 0 : 1;
}
