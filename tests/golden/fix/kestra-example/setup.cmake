file(COPY ${CASE}/../../../../examples/kestra-risky.json DESTINATION ${WORK_DIR})
