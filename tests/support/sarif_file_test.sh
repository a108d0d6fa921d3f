#!/usr/bin/env bash
# Usage: sarif_file_test.sh MULTITOOL FILE. Fails when Microsoft's SARIF multitool reports an error
# in FILE (a SARIF log mcpolicy wrote, kept as a golden expectation).
set -u
multitool=$1
file=$2
[ -x "$multitool" ] || { echo "FAIL: SARIF multitool not installed at $multitool (run .ci/install-deps)"; exit 1; }
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp "$file" "$scratch/log.sarif"
out=$(HOME="$scratch" DOTNET_CLI_HOME="$scratch" "$multitool" validate "$scratch/log.sarif" 2>&1)
if grep -E ': error (JSON|SARIF)' <<<"$out" || grep -Eq '^error ' <<<"$out"; then
  echo "FAIL: the multitool rejected $file:"; echo "$out"; exit 1
fi
grep -q 'files scanned' <<<"$out" || { echo "FAIL: the multitool did not analyse $file:"; echo "$out"; exit 1; }
echo "ok: $file"
