#!/usr/bin/env bash
# Whole-process speed and peak memory of mcpolicy against other JSON Schema validators, side by
# side in one run, on the same generated inputs and the same schema (schemas/policylayer.schema.json).
# Writes bench/RESULTS.md. Usage: bench/peers.sh [BUILD_DIR]   (default: build)
# Peers are installed locally when missing: npm ajv-cli + ajv-formats and @sourcemeta/jsonschema into
# build-tools/peers/ (git-ignored; or $PEERS); Debian's python3-jsonschema, hyperfine and time via apt-get.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$ROOT/build}
WORK=$BUILD/bench-peers
PEERS=${PEERS:-$ROOT/build-tools/peers}  # override to keep the peers elsewhere
SCHEMA=$ROOT/schemas/policylayer.schema.json
MCPOLICY=$WORK/mcpolicy  # a copy: a rebuild during the run must not change the binary
RUNS=${RUNS:-10}

need_apt=()
command -v hyperfine >/dev/null || need_apt+=(hyperfine)
[ -x /usr/bin/time ] || need_apt+=(time)
/usr/bin/python3 -c 'import jsonschema' 2>/dev/null || need_apt+=(python3-jsonschema)
if [ ${#need_apt[@]} -gt 0 ]; then
  SUDO=; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get install -y --no-install-recommends "${need_apt[@]}"
fi
if [ ! -x "$PEERS/node_modules/.bin/ajv" ] || [ ! -x "$PEERS/node_modules/.bin/jsonschema" ]; then
  mkdir -p "$PEERS"
  [ -f "$PEERS/package.json" ] || echo '{"private": true}' > "$PEERS/package.json"
  npm install --prefix "$PEERS" --no-audit --no-fund ajv-cli@5 ajv-formats@3 @sourcemeta/jsonschema
fi
[ -x "$BUILD/mcpolicy" ] || cmake --build "$BUILD" --target mcpolicy

rm -rf "$WORK" && mkdir -p "$WORK"
cp "$BUILD/mcpolicy" "$MCPOLICY"
/usr/bin/python3 "$ROOT/bench/peers_inputs.py" "$WORK"

AJV=$PEERS/node_modules/.bin/ajv
SOURCEMETA=$PEERS/node_modules/.bin/jsonschema
# The npm package's launcher is a node script that spawns the package's native binary; timing the
# binary too separates sourcemeta's own cost from node's start-up (~0.2 s a run).
case "$(uname -m)" in x86_64) arch=x86_64 ;; aarch64|arm64) arch=arm64 ;; *) arch=$(uname -m) ;; esac
SOURCEMETA_BIN=$PEERS/node_modules/@sourcemeta/jsonschema/build/github-releases/jsonschema-linux-$arch
# name|command with {} for the input (a file, or for "many" the directory / glob / list)
tools() {
  local in=$1 list=$2
  echo "mcpolicy lint|$MCPOLICY lint $in"
  echo "mcpolicy validate|$MCPOLICY validate --schema $SCHEMA $in"
  echo "ajv-cli|$AJV validate --spec=draft7 -c ajv-formats -s $SCHEMA -d $list"
  echo "sourcemeta jsonschema|$SOURCEMETA validate $SCHEMA $in"
  if [ -x "$SOURCEMETA_BIN" ]; then
    echo "sourcemeta jsonschema (binary)|$SOURCEMETA_BIN validate $SCHEMA $in"
  fi
  echo "python3 -m jsonschema|/usr/bin/python3 -m jsonschema $(for f in $list; do printf -- '-i %s ' "$f"; done)$SCHEMA"
}

cases=("small|$WORK/small.json|$WORK/small.json"
       "tools-1k|$WORK/tools-1k.json|$WORK/tools-1k.json"
       "tools-100k|$WORK/tools-100k.json|$WORK/tools-100k.json"
       "many-1000|$WORK/many|$WORK/many/*.json")
: > "$WORK/rss.txt"
for c in "${cases[@]}"; do
  IFS='|' read -r name in list <<<"$c"
  args=()
  while IFS='|' read -r tool cmd; do
    # ajv takes a quoted glob; python needs the expanded list.
    [ "$tool" = "ajv-cli" ] && cmd=${cmd/-d $list/-d \"$list\"}
    if ! bash -c "$cmd" >/dev/null 2>"$WORK/err.txt"; then
      echo "$name: $tool does not accept the input; left out:" >&2; head -3 "$WORK/err.txt" >&2
      continue
    fi
    # Peak RSS: the median of three runs.
    for k in 1 2 3; do
      /usr/bin/time -f '%M' -o "$WORK/rss1.txt" bash -c "exec $cmd" >/dev/null 2>&1 || true
      tail -1 "$WORK/rss1.txt"
    done | sort -n | sed -n 2p > "$WORK/rss3.txt"
    rss=$(cat "$WORK/rss3.txt")
    echo "$name|$tool|$rss" >> "$WORK/rss.txt"
    args+=(-n "$tool" "$cmd")
    echo "$tool|$cmd" >> "$WORK/$name.cmds"
  done < <(tools "$in" "$list")
  runs=$RUNS; [ "$name" = "small" ] && runs=$((RUNS * 3))
  # -N: no intermediate shell, so millisecond runs are not blurred by its start-up correction.
  hyperfine -N --warmup 1 --runs "$runs" --style basic --export-json "$WORK/results-$name.json" "${args[@]}" >&2
done
/usr/bin/python3 "$ROOT/bench/peers_report.py" "$WORK" "$ROOT/bench/RESULTS.md" \
  "$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' "$PEERS/node_modules/ajv-cli/package.json")" \
  "$("$SOURCEMETA" version 2>/dev/null | head -1)" \
  "$(dpkg-query -W -f '${Version}' python3-jsonschema 2>/dev/null || echo '?')"
echo "wrote $ROOT/bench/RESULTS.md" >&2
