#!/usr/bin/env bash
# Usage: build_steps_test.sh CATALOG_INDEX SOURCE_DIR. Each failure of the catalog index tool must
# exit non-zero with a message naming the file and the reason; a good run writes the index.
set -u
tool=$1
src=$2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
server=$(ls "$src"/catalog/servers/*.json | head -1)
status=0
expect() {  # expect DESCRIPTION PATTERN COMMAND...
  local what=$1 pattern=$2; shift 2
  local err rc
  err=$("$@" 2>&1 >/dev/null); rc=$?
  if [ $rc -eq 0 ]; then echo "FAIL: $what: exit 0"; status=1; return; fi
  if ! grep -q -- "$pattern" <<<"$err"; then
    echo "FAIL: $what: expected a message matching '$pattern', got: $err"; status=1; return
  fi
  echo "ok: $what: $err"
}
expect "output directory missing" "$scratch/no/such/dir/index.tsv.tmp: cannot create: No such file or directory" \
  "$tool" "$scratch/no/such/dir/index.tsv" "$src" "$server"
expect "input missing" "$scratch/missing.json: cannot open: No such file or directory" \
  "$tool" "$scratch/index.tsv" "$src" "$scratch/missing.json"
printf '[1, 2' > "$scratch/broken.json"
expect "input not a JSON object" "$scratch/broken.json: not a JSON object" \
  "$tool" "$scratch/index.tsv" "$src" "$scratch/broken.json"
expect "no arguments" "usage: catalog_index" "$tool"
if ! "$tool" "$scratch/index.tsv" "$src" "$server" || ! grep -q "^S	catalog/servers/" "$scratch/index.tsv"; then
  echo "FAIL: a good run did not write the index"; status=1
fi
exit $status
