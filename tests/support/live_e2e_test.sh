#!/usr/bin/env bash
# Usage: live_e2e_test.sh MCPOLICY NPM_BIN. For each real server: fetch its tools over stdio,
# recommend a policy from them through a pipe, and lint that policy against the same dump; the
# policy must lint clean and no server process may outlive fetch.
set -u
mcpolicy=$1
bin=$2
fail() { echo "FAIL: $*"; exit 1; }
for s in mcp-server-everything mcp-server-filesystem; do
  [ -x "$bin/$s" ] || fail "$s is not installed in $bin (run .ci/install-deps)"
done
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/root"
check() {  # name, then the server's argv
  local name=$1; shift
  "$mcpolicy" fetch --timeout 30 -o "$scratch/$name.json" -- "$@" 2>"$scratch/$name.err" ||
    fail "fetch $name: $(cat "$scratch/$name.err")"
  grep -q '^fetched [0-9][0-9]* tools' "$scratch/$name.err" || fail "fetch $name said: $(cat "$scratch/$name.err")"
  local count
  count=$(grep -c '^      "name":' "$scratch/$name.json")
  [ "$count" -ge 5 ] || fail "$name: only $count tools"
  # Nothing lost: descriptions and input schemas come through.
  grep -q '"inputSchema"' "$scratch/$name.json" || fail "$name: no inputSchema in the dump"
  grep -q '"description"' "$scratch/$name.json" || fail "$name: no description in the dump"
  "$mcpolicy" fetch --timeout 30 -- "$@" 2>/dev/null |
    "$mcpolicy" recommend --tools - >"$scratch/$name.policy.json" ||
    fail "recommend --tools - for $name failed"
  "$mcpolicy" lint --no-config --tools "$scratch/$name.json" --fail-level note \
    "$scratch/$name.policy.json" >"$scratch/$name.lint" ||
    fail "the policy recommended for $name does not lint clean: $(cat "$scratch/$name.lint")"
  echo "ok: $name: $count tools; $(cat "$scratch/$name.err")"
}
check everything "$bin/mcp-server-everything"
check filesystem "$bin/mcp-server-filesystem" "$scratch/root"
# No server left running.
if pgrep -f "mcp-server-(everything|filesystem).*" >/dev/null 2>&1; then
  sleep 1
  pgrep -af "node.*mcp-server-(everything|filesystem)" && fail "a server outlived fetch"
fi
echo "live end-to-end: 2 servers passed"
