// libyaml's error messages reworded for people who write policies, the way the JSON parser words
// its own: what is wrong, then where the enclosing construct began, then what to do.
#ifndef MCPOLICY_YAML_PROBLEMS_H_
#define MCPOLICY_YAML_PROBLEMS_H_

#include <string>
#include <string_view>

#include "yaml/tree.h"

namespace mcpolicy::yaml {

// `problem` and `context` are libyaml's (context may be empty); `at` is the code point at the
// problem's position (0 at the end of the text); `context_at` is where the context began.
std::string RewordProblem(std::string_view problem, std::string_view context, uint32_t at,
                          const Position& context_at);

// The tag as a person writes it: "tag:yaml.org,2002:str" is "!!str".
std::string ShortTag(std::string_view tag);

}  // namespace mcpolicy::yaml

#endif  // MCPOLICY_YAML_PROBLEMS_H_
