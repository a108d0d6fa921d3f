# The YAML pair of intercept-increase, reported in another format.
file(COPY ${CASE}/../intercept-increase/old.yaml ${CASE}/../intercept-increase/new.yaml
     DESTINATION ${WORK_DIR})
