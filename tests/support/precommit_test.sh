#!/usr/bin/env bash
# Usage: precommit_test.sh SOURCE_DIR BINARY_DIR. Fails unless the hook passes the good policy,
# fails the bad one with an invalid-json finding, fails a misspelt policy with its "did you mean"
# and passes over a tools/list dump saved beside the policies.
set -u
src=$1
bin=$2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export PATH="$bin:$PATH" PRE_COMMIT_HOME="$scratch/cache" HOME="$scratch" GIT_CONFIG_NOSYSTEM=1
git config --global user.email test@example.invalid
git config --global user.name test
git config --global init.defaultBranch main
git config --global --add safe.directory '*'
# The hook repository: the source tree's .pre-commit-hooks.yaml, committed in a scratch repository
# (the source tree may be no checkout at all, or have the file uncommitted).
hooks=$scratch/hooks
mkdir -p "$hooks" && cp "$src/.pre-commit-hooks.yaml" "$hooks/"
git -C "$hooks" init -q && git -C "$hooks" add . && git -C "$hooks" commit -qm hooks
repo=$scratch/repo
mkdir -p "$repo/policies" && cd "$repo" && git init -q
cat > policies/good.json <<'JSON'
{
  "version": "1",
  "default": "deny",
  "tools": { "list_executions": {} }
}
JSON
cat > policies/bad.json <<'JSON'
{
  "version": "1",
  "default": "deny",
  "tools": { "list_executions": {}, }
}
JSON
echo '{"name": "app", "version": "1.0.0"}' > package.json
# A policy whose keys are misspelt is still a policy; a tools/list dump is not.
cat > policies/misspelt.json <<'JSON'
{"version": "1", "defualt": "allow", "tool": {"kubectl_delete": {}}}
JSON
cat > policies/tools.json <<'JSON'
{"tools": [{"name": "kubectl_delete", "inputSchema": {"type": "object"}}]}
JSON
git add .

status=0
out=$(pre-commit try-repo "$hooks" mcpolicy-lint --files policies/good.json package.json 2>&1)
if [ $? -ne 0 ]; then echo "FAIL: the hook rejected the good policy:"; echo "$out"; status=1; fi

out=$(pre-commit try-repo "$hooks" mcpolicy-lint --files policies/good.json policies/bad.json 2>&1)
rc=$?
if [ $rc -eq 0 ]; then echo "FAIL: the hook passed the bad policy:"; echo "$out"; status=1; fi
if ! grep -q 'policies/bad.json:4:35: error: trailing comma' <<<"$out"; then
  echo "FAIL: the finding is missing from the hook output:"; echo "$out"; status=1
fi
out=$(pre-commit try-repo "$hooks" mcpolicy-lint --files policies/tools.json package.json 2>&1)
if [ $? -ne 0 ]; then echo "FAIL: the hook rejected a tools/list dump:"; echo "$out"; status=1; fi

out=$(pre-commit try-repo "$hooks" mcpolicy-lint --files policies/misspelt.json policies/tools.json 2>&1)
if [ $? -eq 0 ]; then echo "FAIL: the hook passed the misspelt policy:"; echo "$out"; status=1; fi
if ! grep -q 'policies/misspelt.json:1:18: error: unknown key "defualt"; did you mean "default"?' <<<"$out"; then
  echo "FAIL: the misspelt policy's finding is missing from the hook output:"; echo "$out"; status=1
fi
if grep -q 'policies/tools.json:' <<<"$out"; then
  echo "FAIL: the hook linted the tools/list dump:"; echo "$out"; status=1
fi
[ $status -eq 0 ] && echo "pre-commit hook: good policy passed, bad and misspelt policies failed with their findings, the dump was passed over"
exit $status
