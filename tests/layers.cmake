# The include graph between the areas of lib/ follows cmake/layers.txt: no include runs up the
# layers and no two areas include each other (cmake/layers.py; docs/architecture.md).
find_package(Python3 COMPONENTS Interpreter)
if(Python3_Interpreter_FOUND)
  add_test(NAME layers
    COMMAND Python3::Interpreter ${PROJECT_SOURCE_DIR}/cmake/layers.py --root ${PROJECT_SOURCE_DIR} --quiet)
else()
  message(WARNING "python3 not found: the layers test is not run")
endif()
