# C1 CSI (U+009B) and a right-to-left override (U+202E) in a file name: \u escapes in JSON.
file(WRITE "${WORK_DIR}/policies/c131m-bidi‮nosj.json"
     "{\"version\":\"1\",\"default\":\"deny\",\"tools\":{\"execute_flow\":{}}}\n")
