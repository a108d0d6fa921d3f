# Warnings as an INTERFACE target, linked per target (never global flags).
add_library(mcpolicy_warnings INTERFACE)
target_compile_options(mcpolicy_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Wunused
  -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough)
