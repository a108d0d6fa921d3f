#!/usr/bin/python3
"""Usage: ci_reports_test.py MCPOLICY GOLDEN_RULES_DIR GITLAB_SCHEMA.

Lints every golden rule case once per CI format and checks each report with an outside reader:
GitLab Code Quality against its schema (Debian's python3-jsonschema), JUnit XML with junitparser
(Debian's python3-junitparser, the parser CI plugins build on), checkstyle XML with xmllint and
its structure; and lint --statistics against the JSON report. Every report must hold exactly the
findings the JSON report holds."""
import collections
import glob
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import jsonschema
import junitparser

mcpolicy, golden, gitlab_schema = sys.argv[1:4]
os.chdir(golden)
files = sorted(glob.glob("**/*.json", recursive=True))
failures = []


def lint(*args):
    run = subprocess.run([mcpolicy, "lint", *args, *files], capture_output=True)
    if run.returncode not in (0, 1):
        sys.exit(f"FAIL: mcpolicy lint {' '.join(args)} exited {run.returncode}: {run.stderr.decode()}")
    return run.stdout


def check(condition, message):
    if not condition:
        failures.append(message)


report = json.loads(lint("--format", "json"))
findings = [d for d in report["diagnostics"] if not d.get("suppressed")]
suppressed = [d for d in report["diagnostics"] if d.get("suppressed")]
expected = collections.Counter((d["path"], d["rule"], d["line"], d["column"]) for d in findings)
check(len(findings) > 50, f"only {len(findings)} findings in {len(files)} files: the golden corpus moved?")

# GitLab Code Quality.
issues = json.loads(lint("--format", "gitlab"))
with open(gitlab_schema) as f:
    schema = json.load(f)
errors = list(jsonschema.Draft7Validator(schema).iter_errors(issues))
check(not errors, "GitLab report does not match its schema: " + "; ".join(e.message for e in errors[:5]))
got = collections.Counter((i["location"]["path"], i["check_name"], i["location"]["positions"]["begin"]["line"],
                           i["location"]["positions"]["begin"]["column"]) for i in issues)
check(got == expected, f"GitLab issues differ from the JSON report: {got - expected} / {expected - got}")
fingerprints = [i["fingerprint"] for i in issues]
check(len(set(fingerprints)) == len(fingerprints), "GitLab fingerprints are not unique")

# JUnit XML, read as a CI plugin reads it.
junit_xml = lint("--format", "junit")
path = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"mcpolicy-junit-{os.getpid()}.xml")
with open(path, "wb") as f:
    f.write(junit_xml)
try:
    xml = junitparser.JUnitXml.fromfile(path)
finally:
    os.unlink(path)
cases = [(suite.name, case) for suite in xml for case in suite]
failed = [(s, c) for s, c in cases if any(isinstance(r, junitparser.Failure) for r in c.result)]
skipped = [(s, c) for s, c in cases if any(isinstance(r, junitparser.Skipped) for r in c.result)]
check(len(failed) == len(findings), f"JUnit: {len(failed)} failures for {len(findings)} findings")
check(len(skipped) == len(suppressed), f"JUnit: {len(skipped)} skipped for {len(suppressed)} suppressed")
check(xml.failures == len(findings) and xml.tests == len(cases),
      f"JUnit totals: tests={xml.tests} failures={xml.failures}, {len(cases)} testcases")
got = collections.Counter((s, r.type) for s, c in failed for r in c.result)
want = collections.Counter((d["path"], d["rule"]) for d in findings)
check(got == want, f"JUnit failures differ from the JSON report: {got - want} / {want - got}")

# checkstyle XML: well-formed for libxml2, then its structure.
checkstyle = lint("--format", "checkstyle")
xmllint = subprocess.run(["xmllint", "--noout", "-"], input=checkstyle, capture_output=True)
check(xmllint.returncode == 0, "xmllint rejects the checkstyle report: " + xmllint.stderr.decode()[:500])
root = ET.fromstring(checkstyle)
check(root.tag == "checkstyle" and root.get("version"), "checkstyle: root is not <checkstyle version=...>")
got = collections.Counter()
for file in root:
    check(file.tag == "file" and file.get("name"), f"checkstyle: unexpected element {file.tag}")
    for error in file:
        check(error.tag == "error", f"checkstyle: unexpected element {error.tag}")
        check(error.get("severity") in ("error", "warning", "info"), f"checkstyle: severity {error.get('severity')}")
        check(error.get("source", "").startswith("mcpolicy.") and error.get("message"), "checkstyle: no source/message")
        got[(file.get("name"), error.get("source")[len("mcpolicy."):], int(error.get("line")),
             int(error.get("column")))] += 1
check(got == expected, f"checkstyle errors differ from the JSON report: {got - expected} / {expected - got}")

# --statistics, both forms.
stats = json.loads(lint("--statistics", "--format", "json"))
want = collections.Counter(d["rule"] for d in findings)
check({s["rule"]: s["count"] for s in stats} == dict(want), f"--statistics json: {stats} vs {dict(want)}")
check([s["count"] for s in stats] == sorted((s["count"] for s in stats), reverse=True), "--statistics not sorted")
text = lint("--statistics").decode().splitlines()
rows = {line.split()[1]: int(line.split()[0]) for line in text if line and line[0] in " 0123456789"}
check(rows == dict(want), f"--statistics text: {rows} vs {dict(want)}")

for f in failures:
    print("FAIL:", f)
if not failures:
    print(f"{len(files)} policies, {len(findings)} findings ({len(suppressed)} suppressed): GitLab report valid, "
          f"JUnit read by junitparser ({len(cases)} testcases), checkstyle well-formed, statistics agree")
sys.exit(1 if failures else 0)
