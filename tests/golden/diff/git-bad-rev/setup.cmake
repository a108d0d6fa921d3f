# The repository of the `git` case: two commits, so HEAD~7 names no revision.
include(${CASE}/../git/setup.cmake)
