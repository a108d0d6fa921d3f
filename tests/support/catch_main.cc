// The one translation unit that compiles Catch2's runner.
#define CATCH_CONFIG_MAIN
// Catch2's implementation includes <regex> (for its own matchers; mcpolicy's code uses RE2 only),
// where gcc 12 reports a false -Wmaybe-uninitialized inside std::function.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <catch2/catch.hpp>
#pragma GCC diagnostic pop
