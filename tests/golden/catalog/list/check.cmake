# The table is compared exactly (expected-table); the summary line names the bundled catalog's
# date, which changes with every commit that touches catalog/, so it is matched, not compared.
file(READ ${CASE}/expected-table table)
string(LENGTH "${table}" table_length)
string(SUBSTRING "${OUT}" 0 ${table_length} head)
if(NOT head STREQUAL table)
  message(FATAL_ERROR "catalog list's table differs from expected-table:\n${OUT}")
endif()
string(SUBSTRING "${OUT}" ${table_length} -1 tail)
set(pattern "^609 servers, 14823 tools \\(bundled catalog, last changed ([0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|unknown)\\)\\.\n$")
if(NOT tail MATCHES "${pattern}")
  message(FATAL_ERROR "catalog list's summary line is\n${tail}\nwhich does not match\n${pattern}")
endif()
