#!/usr/bin/env bash
# Usage: completion_test.sh MCPOLICY. Loads the generated completions into the real shells and
# asks them to complete: bash (its completion function with COMP_WORDS set), fish (complete -C)
# and zsh (the script loads and registers with compinit; zsh offers no non-interactive way to
# run a completion). A shell that is not installed fails the test (.ci/install-deps installs them).
set -u
mcpolicy=$1
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
status=0
fail() { echo "FAIL: $*"; status=1; }

"$mcpolicy" completion bash > "$scratch/mcpolicy.bash" || fail "completion bash exited $?"
"$mcpolicy" completion zsh > "$scratch/_mcpolicy" || fail "completion zsh exited $?"
"$mcpolicy" completion fish > "$scratch/mcpolicy.fish" || fail "completion fish exited $?"

# bash: words -> what COMPREPLY offers.
bash_complete() {
  bash --norc --noprofile -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _mcpolicy; printf "%s\n" "${COMPREPLY[@]}"' \
    _ "$scratch/mcpolicy.bash" "$@"
}
expect_bash() {  # expect_bash "WANTED..." WORDS...
  local wanted=$1; shift
  local got; got=$(bash_complete "$@" | sort | tr '\n' ' ')
  [ "$got" = "$wanted " ] || fail "bash: '$*' offered '$got', expected '$wanted'"
}
expect_bash "--follow-symlinks --format" mcpolicy lint --fo
expect_bash "checkstyle github gitlab json junit sarif text" mcpolicy lint --format ""
expect_bash "list show" mcpolicy catalog ""
expect_bash "--catalog --format --help" mcpolicy catalog show kestra --
expect_bash "bash fish zsh" mcpolicy completion ""
expect_bash "intercept json" mcpolicy convert policy.json --to ""
expect_bash "intercept json" mcpolicy recommend --dialect ""
# The value after --server is skipped: "lint" there is no subcommand; then files.
touch "$scratch/policy.json"
got=$(cd "$scratch" && bash_complete mcpolicy lint --server lint pol)
[ "$got" = "policy.json" ] || fail "bash: file completion after --server lint offered '$got'"
got=$(bash_complete mcpolicy "" | tr '\n' ' ')
for sub in lint validate classify recommend convert diff schema completion; do
  grep -qw -- "$sub" <<<"$got" || fail "bash: subcommand $sub not offered: $got"
done

# fish: complete -C prints "candidate<TAB>description".
if command -v fish >/dev/null; then
  fish_complete() { fish --no-config -c "source $scratch/mcpolicy.fish; complete -C'$1'" | cut -f1 | sort | tr '\n' ' '; }
  got=$(fish_complete "mcpolicy lint --fo")
  [ "$got" = "--follow-symlinks --format " ] || fail "fish: 'lint --fo' offered '$got'"
  got=$(fish_complete "mcpolicy lint --format ")
  [ "$got" = "checkstyle github gitlab json junit sarif text " ] || fail "fish: '--format ' offered '$got'"
  got=$(fish_complete "mcpolicy catalog ")
  [ "$got" = "list show " ] || fail "fish: 'catalog ' offered '$got'"
  got=$(fish_complete "mcpolicy sch")
  [ "$got" = "schema " ] || fail "fish: 'sch' offered '$got'"
else
  fail "fish is not installed"
fi

# zsh: the script parses, and compinit registers it for mcpolicy.
if command -v zsh >/dev/null; then
  zsh -n "$scratch/_mcpolicy" || fail "zsh -n rejects the script"
  got=$(zsh -f -c 'fpath=("$1" $fpath); autoload -Uz compinit && compinit -u -D && print -r -- ${_comps[mcpolicy]}' _ "$scratch")
  [ "$got" = "_mcpolicy" ] || fail "zsh: compinit registered '$got' for mcpolicy"
  # zsh completes only inside its line editor; with _arguments, _describe and _files replaced by
  # functions that print what they were given, the script's own part (finding the subcommand,
  # handing over its specs) runs as it would there.
  zsh_specs() {  # zsh_specs WORDS...: what _mcpolicy hands to _arguments for the last word
    zsh -f -c 'compdef() { :; }; _arguments() { print -r -- "$#words/$CURRENT $*"; }
               _files() { :; }; _describe() { :; }
               source "$1"; shift; words=("$@"); CURRENT=$#; _mcpolicy' _ "$scratch/_mcpolicy" "$@"
  }
  got=$(zsh_specs mcpolicy catalog show "")
  grep -q '^2/2 .*--format\[text or json\]:TEXT:(text json)' <<<"$got" || fail "zsh: 'catalog show' specs: $got"
  got=$(zsh_specs mcpolicy lint --server lint "")
  grep -q '^4/4 .*--statistics\[' <<<"$got" || fail "zsh: 'lint --server lint' specs: $got"
  got=$(zsh_specs mcpolicy completion "")
  grep -q "1:shell:(bash zsh fish)" <<<"$got" || fail "zsh: 'completion' specs: $got"
else
  fail "zsh is not installed"
fi
[ $status -eq 0 ] && echo "completions: bash and fish complete subcommands, options, values and files; zsh registers"
exit $status
