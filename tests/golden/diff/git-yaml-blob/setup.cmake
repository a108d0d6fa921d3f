include(${CASE}/../git-pr-yaml/setup.cmake)
