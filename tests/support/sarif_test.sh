#!/usr/bin/env bash
# Usage: sarif_test.sh MCPOLICY MULTITOOL GOLDEN_RULES_DIR. Lints every golden rule case into one
# SARIF log and fails on any error the multitool reports (its errors are lines "error JSON…" or
# "error SARIF…").
set -u
mcpolicy=$1
multitool=$2
golden=$3
if [ ! -x "$multitool" ]; then
  echo "FAIL: SARIF multitool not installed at $multitool (run .ci/install-deps)"
  exit 1
fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$golden"
mapfile -t files < <(find . -name '*.json' -path '*/rules/*' -o -name 'policy.json' | sort)
"$mcpolicy" lint --format sarif -o "$scratch/report.sarif" "${files[@]}"
rc=$?
if [ $rc -ne 1 ]; then echo "FAIL: expected exit 1 (findings), got $rc"; exit 1; fi
results=$(grep -c '"ruleId"' "$scratch/report.sarif")
out=$(HOME="$scratch" DOTNET_CLI_HOME="$scratch" "$multitool" validate "$scratch/report.sarif" 2>&1)
if grep -E ': error (JSON|SARIF)' <<<"$out" || grep -Eq '^error ' <<<"$out"; then
  echo "FAIL: the multitool rejected the SARIF log:"; echo "$out"; exit 1
fi
if ! grep -q 'files scanned' <<<"$out"; then echo "FAIL: the multitool did not analyse the log:"; echo "$out"; exit 1; fi
# And mcpolicy's own validator against the schema the multitool ships.
schema=$(dirname "$multitool")/sarif-2.1.0.json
if ! "$mcpolicy" validate -q --schema "$schema" "$scratch/report.sarif"; then
  echo "FAIL: mcpolicy validate rejects its own SARIF against $schema"; exit 1
fi
grep -E ': (warning|error) ' <<<"$out" | sed 's/^[^:]*: //' | sort | uniq -c
echo "SARIF log with $results results from ${#files[@]} files validated"
