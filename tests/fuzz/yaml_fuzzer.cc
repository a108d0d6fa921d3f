// libFuzzer target for the YAML reader: any bytes through yaml::Tree::Parse and the Intercept
// reader and checks (intercept::Read). Must never crash, hang, or grow memory without bound.
#include <cstddef>
#include <cstdint>
#include <string>

#include "intercept/read.h"
#include "yaml/recognise.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  mcpolicy::intercept::ReadResult r = mcpolicy::intercept::Read("fuzz.yaml", std::move(text));
  // Walk every node the way a consumer would, positions included.
  const mcpolicy::yaml::Tree& tree = r.tree;
  size_t total = 0;
  for (uint32_t i = 0; i < tree.nodes().size(); ++i) {
    total += tree.ScalarText(i).size() + tree.Entries(i).size() + tree.Items(i).size();
    total += tree.Locate(tree.node(i).end).column;
  }
  return total == SIZE_MAX ? 1 : 0;
}
