#!/usr/bin/env bash
# Usage: makefiles_test.sh SOURCE_DIR [COMPILER_LAUNCHER]. Configures a fresh build tree with the
# default Unix Makefiles generator and no tests, and builds the generated sources (the catalog
# index tool, the index, the embedded data): the step that once failed silently because nothing
# created generated/.
set -u
src=$1
launcher=${2:-}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
args=(-S "$src" -B "$scratch/b" -G "Unix Makefiles" -DBUILD_TESTING=OFF -DMCPOLICY_BENCH=OFF)
[ -n "$launcher" ] && args+=("-DCMAKE_CXX_COMPILER_LAUNCHER=$launcher")
if ! out=$(cmake "${args[@]}" 2>&1); then echo "FAIL: configure:"; echo "$out"; exit 1; fi
if grep -q "mcpolicy_unit\|mcpolicy_bench" "$scratch/b/Makefile"; then
  echo "FAIL: BUILD_TESTING=OFF still configured test or benchmark targets"; exit 1
fi
if ! out=$(cmake --build "$scratch/b" --target mcpolicy_generated -j2 2>&1); then
  echo "FAIL: building the generated sources:"; echo "$out"; exit 1
fi
for f in generated/catalog-index.tsv generated/embedded_data.cc; do
  if [ ! -s "$scratch/b/$f" ]; then echo "FAIL: $f was not written"; exit 1; fi
done
echo "Unix Makefiles: $(grep -c '^S' "$scratch/b/generated/catalog-index.tsv") servers indexed, embedded data written"
