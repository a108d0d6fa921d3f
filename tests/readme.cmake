# Every command README.md shows with its output is run, and the sample must match the real output
# from its first line on (tests/support/readme_samples_test.py).
find_package(Python3 REQUIRED COMPONENTS Interpreter)
add_test(NAME "readme: sample outputs match the real ones"
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/support/readme_samples_test.py
                 $<TARGET_FILE:mcpolicy> ${PROJECT_SOURCE_DIR})
