# The project's own examples, copied so findings name examples/... as a user would see them.
file(COPY ${CASE}/../../../../examples/intercept-risky.yaml
     DESTINATION ${WORK_DIR}/examples)
