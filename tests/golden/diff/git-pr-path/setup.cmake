include(${CASE}/../git-pr/setup.cmake)
