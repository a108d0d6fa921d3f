# Fuzz targets (tests/fuzz/*_fuzzer.cc, each defining LLVMFuzzerTestOneInput; they may use the
# library's internal headers under lib/src, e.g. tool_input_fuzzer.cc).
#
# Every build: each target is linked with tests/fuzz/fuzz_driver.cc into fuzz_replay_<target> and
# its corpus, tests/fuzz/corpus/<target>/ (seeds and every crasher found so far), is replayed as an
# ordinary ctest case, so a fixed crash stays fixed under gcc, and under ASan+UBSan in CI.
#
# With -DMCPOLICY_FUZZ=ON and clang, also builds libFuzzer binaries fuzz_<target> with
# -fsanitize=fuzzer,address,undefined; the library is then instrumented for coverage. E.g.
#   CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DMCPOLICY_FUZZ=ON -DMCPOLICY_BENCH=OFF
#   cmake --build build-fuzz --target fuzz_json_parser
#   build-fuzz/tests/fuzz_json_parser -max_total_time=600 /tmp/jp tests/fuzz/corpus/json_parser
file(GLOB MCPOLICY_FUZZ_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/*_fuzzer.cc)

set(mcpolicy_libfuzzer OFF)
if(MCPOLICY_FUZZ)
  if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    set(mcpolicy_libfuzzer ON)
    # Coverage instrumentation and sanitizers for everything linked with mcpolicy_sanitizers
    # (the library included), whether or not MCPOLICY_SANITIZE is on.
    target_compile_options(mcpolicy_sanitizers INTERFACE
      -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
    target_link_options(mcpolicy_sanitizers INTERFACE -fsanitize=address,undefined)
  else()
    message(WARNING "MCPOLICY_FUZZ needs clang (CXX=clang++); building only the corpus replays")
  endif()
endif()

# A target that exercises the lower layers only links those (so a libFuzzer build of it need not
# compile the whole library); the rest link everything.
set(MCPOLICY_FUZZ_LIBRARY_yaml mcpolicy_model)

foreach(source IN LISTS MCPOLICY_FUZZ_SOURCES)
  get_filename_component(name ${source} NAME_WE)
  string(REGEX REPLACE "_fuzzer$" "" name ${name})
  set(corpus ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/corpus/${name})
  set(library mcpolicy_lib)
  if(DEFINED MCPOLICY_FUZZ_LIBRARY_${name})
    set(library ${MCPOLICY_FUZZ_LIBRARY_${name}})
  endif()

  add_executable(fuzz_replay_${name} ${source} ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/fuzz_driver.cc)
  target_link_libraries(fuzz_replay_${name} PRIVATE ${library} mcpolicy_warnings mcpolicy_sanitizers)
  target_include_directories(fuzz_replay_${name} PRIVATE ${PROJECT_SOURCE_DIR}/lib/src)
  add_test(NAME "fuzz corpus: ${name}" COMMAND fuzz_replay_${name} ${corpus})
  set_tests_properties("fuzz corpus: ${name}" PROPERTIES TIMEOUT 120)

  if(mcpolicy_libfuzzer)
    add_executable(fuzz_${name} ${source})
    target_link_libraries(fuzz_${name} PRIVATE ${library} mcpolicy_warnings mcpolicy_sanitizers)
    target_include_directories(fuzz_${name} PRIVATE ${PROJECT_SOURCE_DIR}/lib/src)
    target_compile_options(fuzz_${name} PRIVATE -fsanitize=fuzzer)
    target_link_options(fuzz_${name} PRIVATE -fsanitize=fuzzer)
  endif()
endforeach()
