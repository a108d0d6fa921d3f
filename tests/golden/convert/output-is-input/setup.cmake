# The project's own examples, copied so findings name examples/... as a user would see them.
file(COPY ${CASE}/../../../../examples/kestra-good.json
     DESTINATION ${WORK_DIR}/examples)
