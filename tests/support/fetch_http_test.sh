#!/usr/bin/env bash
# Usage: fetch_http_test.sh MCPOLICY NPM_BIN. fetch --url against two servers over streamable
# HTTP: mcp_http_server.py (stateless 2026-07-28 era: pages as JSON and as an SSE stream, a
# server request and a notification inside the stream, required headers, 401, a redirect, an
# oversized and a slow answer, a body that is not JSON-RPC) and the npm reference server
# server-everything in its streamableHttp mode (initialize era, session ids), whose tools must
# equal what fetch gets from the same server over stdio.
set -u
mcpolicy=$1
bin=$2
here=$(cd "$(dirname "$0")" && pwd)
fail() { echo "FAIL: $*"; exit 1; }
scratch=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  rm -rf "$scratch"
}
trap cleanup EXIT

python3 "$here/mcp_http_server.py" "$scratch/port" &
pids+=($!)
for _ in $(seq 100); do [ -s "$scratch/port" ] && break; sleep 0.05; done
[ -s "$scratch/port" ] || fail "the test server did not start"
base="http://127.0.0.1:$(cat "$scratch/port")"

# Both pages, in order, nothing lost; the era and the answered ping in the note.
"$mcpolicy" fetch --url "$base/mcp" -o "$scratch/tools.json" 2>"$scratch/err" ||
  fail "fetch --url $base/mcp: $(cat "$scratch/err")"
python3 - "$scratch/tools.json" <<'EOF' || fail "the merged tool list is wrong"
import json, sys
tools = json.load(open(sys.argv[1]))["tools"]
assert [t["name"] for t in tools] == ["list_items", "delete_item", "run_job"], tools
assert tools[0]["annotations"] == {"readOnlyHint": True}
assert tools[2]["title"] == "Run a job"
assert tools[1]["inputSchema"]["properties"]["id"] == {"type": "string"}
EOF
grep -q "^fetched 3 tools from http-test-server 1.0 over MCP 2026-07-28 (stateless) in 2 pages; answered 1 requests from the server$" "$scratch/err" ||
  fail "note: $(cat "$scratch/err")"
echo "ok: stateless server, 2 pages (JSON, then SSE with a ping and a notification)"

# The dump feeds recommend through a pipe.
"$mcpolicy" fetch --url "$base/mcp" 2>/dev/null | "$mcpolicy" recommend --tools - >"$scratch/policy.json" ||
  fail "fetch --url | recommend --tools - failed"
grep -q '"delete_item"' "$scratch/policy.json" || fail "recommend lost delete_item"
echo "ok: fetch --url | recommend --tools -"

expect_fail() {  # description, expected text in stderr, then fetch's arguments
  local what=$1 text=$2; shift 2
  "$mcpolicy" fetch "$@" >"$scratch/out" 2>"$scratch/err"
  local rc=$?
  [ $rc -eq 2 ] || fail "$what: exit $rc, expected 2 ($(cat "$scratch/err"))"
  [ ! -s "$scratch/out" ] || fail "$what: printed output"
  grep -qF -- "$text" "$scratch/err" || fail "$what: stderr lacks '$text': $(cat "$scratch/err")"
  echo "ok: $what"
}
expect_fail "401 without credentials" "HTTP 401 Unauthorized (give credentials with --header)" --url "$base/auth"
"$mcpolicy" fetch --url "$base/auth" --header "Authorization: Bearer t0ken" >/dev/null 2>"$scratch/err" ||
  fail "--header Authorization: $(cat "$scratch/err")"
echo "ok: --header Authorization"
expect_fail "the header's value is never printed" "401" --url "$base/auth" --header "Authorization: Bearer wr0ngsecret"
grep -q "wr0ngsecret" "$scratch/err" && fail "the header's value was printed"
expect_fail "a query string is not printed" "$base/auth:" --url "$base/auth?key=s3cret"
grep -q "s3cret" "$scratch/err" && fail "the URL's query was printed"
expect_fail "redirects are not followed" "mcpolicy does not follow redirects" --url "$base/moved"
expect_fail "an oversized answer" "larger than 1048576 bytes" --url "$base/huge" --max-file-size 1M
expect_fail "a slow server" "nor initialize" --url "$base/slow" --timeout 0.5
expect_fail "not JSON-RPC" "nor initialize" --url "$base/garbage" --timeout 1
expect_fail "nothing listening" "HTTP request failed: cannot connect (nothing listening, or refused)" --url "http://127.0.0.1:9/mcp"
expect_fail "not http" "--url must start with http:// or https://" --url "file:///etc/passwd"
expect_fail "a header with a line break" "must not contain a line break" --url "$base/mcp" --header $'X-A: b\r\nX-Injected: 1'
expect_fail "a malformed header" "--header takes 'Name: value'" --url "$base/mcp" --header "no colon here"

# The reference server over streamable HTTP (initialize era, a session) and over stdio agree.
everything="$bin/mcp-server-everything"
[ -x "$everything" ] || fail "mcp-server-everything is not installed in $bin (run .ci/install-deps)"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
PORT=$port "$everything" streamableHttp >"$scratch/everything.log" 2>&1 &
pids+=($!)
up=0
for _ in $(seq 200); do
  if grep -q "listening on port $port" "$scratch/everything.log"; then up=1; break; fi
  sleep 0.1
done
[ $up -eq 1 ] || fail "server-everything did not start over HTTP: $(cat "$scratch/everything.log")"
start=$(date +%s%N)
"$mcpolicy" fetch --timeout 30 --url "http://127.0.0.1:$port/mcp" -o "$scratch/http.json" 2>"$scratch/err" ||
  fail "fetch --url server-everything: $(cat "$scratch/err")"
ms=$(( ($(date +%s%N) - start) / 1000000 ))
grep -q "over MCP .* (initialize)" "$scratch/err" || fail "note: $(cat "$scratch/err")"
grep -q "session termination" "$scratch/everything.log" || fail "fetch did not end its session (DELETE)"
"$mcpolicy" fetch --timeout 30 -o "$scratch/stdio.json" -- "$everything" 2>/dev/null ||
  fail "fetch over stdio failed"
cmp -s "$scratch/http.json" "$scratch/stdio.json" || fail "the tools over HTTP differ from those over stdio"
echo "ok: server-everything over HTTP (${ms} ms, session ended) equals over stdio: $(grep -c '^      "name":' "$scratch/http.json") tools"
echo "fetch --url: all cases passed"
