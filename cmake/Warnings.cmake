# Warnings as an INTERFACE target, linked per target (never global flags).
add_library(mcpolicy_warnings INTERFACE)
target_compile_options(mcpolicy_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Wunused
  -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough)
# -Wconversion holds in the library (lib/), so the layers add it; the CLI, tests and benchmarks do not.
add_library(mcpolicy_library_warnings INTERFACE)
target_compile_options(mcpolicy_library_warnings INTERFACE -Wconversion)
# Warnings as errors: on in CI (`make test`, the dev and ci presets), off by default so that a newer
# compiler's new warning does not break a user's build.
option(MCPOLICY_WERROR "Treat compiler warnings as errors" OFF)
if(MCPOLICY_WERROR)
  target_compile_options(mcpolicy_warnings INTERFACE -Werror)
endif()
