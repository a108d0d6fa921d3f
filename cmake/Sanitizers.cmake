# ASan + UBSan, switched on with -DMCPOLICY_SANITIZE=ON (the CI's second build).
add_library(mcpolicy_sanitizers INTERFACE)
if(MCPOLICY_SANITIZE)
  target_compile_options(mcpolicy_sanitizers INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(mcpolicy_sanitizers INTERFACE -fsanitize=address,undefined)
endif()
