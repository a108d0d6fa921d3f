# --version names the commit and the catalog's date, which change with every commit: the first
# line is matched, not compared ("unknown" outside a git checkout); the counts are exact.
set(pattern "^mcpolicy [0-9]+\\.[0-9]+\\.[0-9]+ \\(commit ([0-9a-f]+(-dirty)?|unknown)\\)\n")
string(APPEND pattern "bundled catalog: 609 servers, 14823 tools, last changed ([0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|unknown)\n$")
if(NOT OUT MATCHES "${pattern}")
  message(FATAL_ERROR "--version printed:\n${OUT}\nwhich does not match\n${pattern}")
endif()
