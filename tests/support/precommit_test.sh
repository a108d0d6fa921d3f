#!/usr/bin/env bash
# Usage: precommit_test.sh SOURCE_DIR BINARY_DIR. Uses the mcpolicy-lint hook as a user does: a
# scratch project whose .pre-commit-config.yaml names a git repository of mcpolicy by URL
# (file://, a clone of this source tree at a tag the test makes) and a rev, `pre-commit install`,
# then `git commit`. mcpolicy comes from PATH (BINARY_DIR first, as an installed package would
# put it). The good policy must commit, the bad one must be refused with its finding, and a JSON
# file that is not a policy must be passed over; a misspelt policy is still a policy (refused
# with its "did you mean") and a tools/list dump beside the policies is passed over.
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

# The hook repository: a clone of the source tree (one commit deep) when it is a git checkout,
# else a new repository; the working tree's .pre-commit-hooks.yaml committed on top when it
# differs, then tagged, so the config below names a real commit by a tag.
hooks=$scratch/mcpolicy
if git -C "$src" rev-parse --git-dir >/dev/null 2>&1; then
  git clone -q --depth 1 "file://$(cd "$src" && git rev-parse --show-toplevel)" "$hooks" || exit 1
else
  mkdir -p "$hooks" && git -C "$hooks" init -q
fi
cp "$src/.pre-commit-hooks.yaml" "$hooks/"
git -C "$hooks" add .pre-commit-hooks.yaml
git -C "$hooks" diff --cached --quiet || git -C "$hooks" commit -qm "hooks as in the working tree"
git -C "$hooks" tag v0.0.0-test

repo=$scratch/project
mkdir -p "$repo/policies" && cd "$repo" && git init -q
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: file://$hooks
    rev: v0.0.0-test
    hooks:
      - id: mcpolicy-lint
YAML
cat > policies/good.json <<'JSON'
{
  "version": "1",
  "default": "deny",
  "tools": { "list_executions": {} }
}
JSON
echo '{"name": "app", "version": "1.0.0"}' > package.json
status=0
out=$(pre-commit install 2>&1) || { echo "FAIL: pre-commit install: $out"; exit 1; }
git add . && out=$(git commit -qm "good policy" 2>&1)
if [ $? -ne 0 ]; then echo "FAIL: the hook refused the good policy and package.json:"; echo "$out"; status=1; fi
grep -q "mcpolicy lint.*Passed" <<<"$out" || { echo "FAIL: the hook did not run on the good commit:"; echo "$out"; status=1; }

cat > policies/bad.json <<'JSON'
{
  "version": "1",
  "default": "deny",
  "tools": { "list_executions": {}, }
}
JSON
git add policies/bad.json
out=$(git commit -qm "bad policy" 2>&1)
if [ $? -eq 0 ]; then echo "FAIL: the hook let the bad policy be committed:"; echo "$out"; status=1; fi
if ! grep -q 'policies/bad.json:4:35: error: trailing comma' <<<"$out"; then
  echo "FAIL: the finding is missing from the hook output:"; echo "$out"; status=1
fi
git reset -q policies/bad.json
cat > policies/misspelt.json <<'JSON'
{"version": "1", "defualt": "allow", "tool": {"kubectl_delete": {}}}
JSON
cat > policies/tools.json <<'JSON'
{"tools": [{"name": "kubectl_delete", "inputSchema": {"type": "object"}}]}
JSON
git add policies/misspelt.json policies/tools.json
out=$(git commit -qm "misspelt policy and a dump" 2>&1)
if [ $? -eq 0 ]; then echo "FAIL: the hook let the misspelt policy be committed:"; echo "$out"; status=1; fi
if ! grep -q 'policies/misspelt.json:1:18: error: unknown key "defualt"; did you mean "default"?' <<<"$out"; then
  echo "FAIL: the misspelt policy's finding is missing from the hook output:"; echo "$out"; status=1
fi
if grep -q 'policies/tools.json:' <<<"$out"; then
  echo "FAIL: the hook linted the tools/list dump:"; echo "$out"; status=1
fi
git reset -q policies/misspelt.json
out=$(git commit -qm "a tools/list dump" 2>&1)
if [ $? -ne 0 ]; then echo "FAIL: the hook refused a tools/list dump:"; echo "$out"; status=1; fi
[ $status -eq 0 ] && echo "pre-commit hook (file:// repo at a tag, git commit): good policy committed; bad and misspelt policies refused with their findings; the dump passed over"
exit $status
