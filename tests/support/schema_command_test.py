#!/usr/bin/python3
"""Usage: schema_command_test.py MCPOLICY SOURCE_DIR.

`mcpolicy schema NAME` prints each embedded schema: checked against the draft-07 metaschema and
used by an outside validator (Debian's python3-jsonschema), which must accept the bundled good
example and reject policies mcpolicy itself rejects. Each printed schema equals its file in
schemas/ and has the $id urn:mcpolicy:schema:NAME:N."""
import copy
import glob
import json
import os
import subprocess
import sys

import jsonschema

mcpolicy, src = sys.argv[1:3]
failures = []


def schema(name):
    run = subprocess.run([mcpolicy, "schema", name], capture_output=True, check=False)
    if run.returncode != 0:
        sys.exit(f"FAIL: mcpolicy schema {name} exited {run.returncode}: {run.stderr.decode()}")
    return json.loads(run.stdout)


listing = subprocess.run([mcpolicy, "schema"], capture_output=True, check=True).stdout.decode().splitlines()
names = [line.split()[0] for line in listing]
files = sorted(glob.glob(os.path.join(src, "schemas", "*.schema.json")))
if len(names) != len(files):
    failures.append(f"`mcpolicy schema` lists {names}, schemas/ holds {len(files)} files")
by_id = {}
for path in files:
    with open(path) as f:
        on_disk = json.load(f)
    by_id[on_disk["$id"]] = on_disk
for name in names:
    printed = schema(name)
    jsonschema.Draft7Validator.check_schema(printed)
    if not printed["$id"].startswith(f"urn:mcpolicy:schema:{name}:"):
        failures.append(f"schema {name} has $id {printed['$id']}")
    if by_id.get(printed["$id"]) != printed:
        failures.append(f"`mcpolicy schema {name}` differs from its file in schemas/")

policy = jsonschema.Draft7Validator(schema("policy"))
with open(os.path.join(src, "examples", "kestra-good.json")) as f:
    good = json.load(f)
errors = list(policy.iter_errors(good))
if errors:
    failures.append("examples/kestra-good.json does not validate: " + errors[0].message)
bad = copy.deepcopy(good)
bad["defualt"] = bad.pop("default")
if policy.is_valid(bad):
    failures.append("a policy with a misspelt key validates against the printed schema")
bad = copy.deepcopy(good)
bad["version"] = "2"
if policy.is_valid(bad):
    failures.append('a policy with "version": "2" validates against the printed schema')

for f in failures:
    print("FAIL:", f)
if not failures:
    print(f"{len(names)} schemas printed, each a valid draft-07 schema equal to its file; "
          "kestra-good.json validates with python3-jsonschema, broken variants do not")
sys.exit(1 if failures else 0)
