#!/usr/bin/python3
"""Usage: ci_docs_test.py MCPOLICY SOURCE_DIR.

The CI jobs of docs/ci.md: each YAML block parses (Debian's python3-yaml) and has the jobs and
reports the page describes, and the shell of both diff jobs runs as written against a scratch git
repository (mcpolicy from PATH) whose branch makes a policy riskier: the job must fail, naming
the tool."""
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

mcpolicy, src = sys.argv[1:3]
with open(os.path.join(src, "docs", "ci.md")) as f:
    blocks = [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", f.read(), re.S)]
failures = []
github, gitlab = blocks[0], blocks[1]
steps = {s.get("name", s.get("uses")): s for s in github["jobs"]["lint"]["steps"]}
if "github/codeql-action/upload-sarif@v3" not in steps:
    failures.append("the GitHub lint job uploads no SARIF")
if github["jobs"]["lint"]["permissions"].get("security-events") != "write":
    failures.append("the GitHub lint job cannot upload SARIF (security-events: write)")
if gitlab["mcpolicy-lint"]["artifacts"]["reports"] != {"codequality": "gl-code-quality-report.json",
                                                       "junit": "mcpolicy-junit.xml"}:
    failures.append("the GitLab lint job does not publish its reports")
github_diff = github["jobs"]["diff"]["steps"][-1]["run"]
gitlab_diff = gitlab["mcpolicy-diff"]["script"][-1]

scratch = tempfile.mkdtemp()
try:
    env = dict(os.environ, PATH=os.path.dirname(os.path.abspath(mcpolicy)) + ":" + os.environ["PATH"],
               HOME=scratch, GIT_CONFIG_NOSYSTEM="1", GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.invalid",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.invalid")

    def git(*args):
        subprocess.run(["git", *args], cwd=scratch, env=env, check=True, capture_output=True)

    git("init", "-q", "-b", "main")
    os.makedirs(os.path.join(scratch, "policies"))
    shutil.copy(os.path.join(src, "examples", "kestra-good.json"), os.path.join(scratch, "policies", "kestra.json"))
    git("add", ".")
    git("commit", "-qm", "good")
    git("checkout", "-q", "-b", "feature")
    shutil.copy(os.path.join(src, "examples", "kestra-risky.json"), os.path.join(scratch, "policies", "kestra.json"))
    git("commit", "-qam", "risky")
    git("update-ref", "refs/remotes/origin/main", "main")  # as after the job's fetch
    for name, script, extra in (("GitHub", github_diff, {"BASE": "origin/main"}),
                                ("GitLab", gitlab_diff, {"CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main"})):
        run = subprocess.run(["bash", "-c", script], cwd=scratch, env=dict(env, **extra), capture_output=True, text=True)
        if run.returncode != 1 or "execute_flow" not in run.stdout:
            failures.append(f"{name} diff job: exit {run.returncode}, output:\n{run.stdout}{run.stderr}")
    if "::error file=policies/kestra.json" not in subprocess.run(
            ["bash", "-c", github_diff], cwd=scratch, env=dict(env, BASE="origin/main"), capture_output=True,
            text=True).stdout:
        failures.append("GitHub diff job: no ::error annotation on policies/kestra.json")
finally:
    shutil.rmtree(scratch)

for f in failures:
    print("FAIL:", f)
if not failures:
    print("docs/ci.md: GitHub and GitLab YAML parse; both diff jobs fail a riskier policy, naming the tool")
sys.exit(1 if failures else 0)
