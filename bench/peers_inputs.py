#!/usr/bin/env python3
"""Writes the inputs of bench/peers.sh into DIR: PolicyLayer hosted policies valid against
schemas/policylayer.schema.json (5, 1,000 and 100,000 tools, and 1,000 small files)."""
import os
import sys


def tool(name, with_condition):
    """One tool entry on one line, as in PolicyLayer's published examples (~110 bytes).
    The fourth of every hundred (manage_executions in the small policy) gets a condition."""
    limit = '{ "counter": "%s_rate", "window": "minute", "max": 10, "scope": "grant" }' % name
    condition = ('"deny_if": [{ "path": "args.action", "op": "in", "value": ["delete"] }], '
                 if with_condition else "")
    return '    "%s": { %s"limits": [%s] }' % (name, condition, limit)


def policy(names):
    body = ",\n".join(tool(n, i % 100 == 3) for i, n in enumerate(names))
    return ('{\n  "version": "1",\n  "default": "deny",\n  "hide": ["delete_flow_logs"],\n'
            '  "tools": {\n%s\n  }\n}\n' % body)


def main():
    out = sys.argv[1]
    os.makedirs(os.path.join(out, "many"), exist_ok=True)
    small = ["list_executions", "search_flows", "execute_flow", "manage_executions",
             "add_execution_labels"]
    with open(os.path.join(out, "small.json"), "w") as f:
        f.write(policy(small))
    for count, name in ((1000, "tools-1k.json"), (100000, "tools-100k.json")):
        with open(os.path.join(out, name), "w") as f:
            f.write(policy(["t%06d" % i for i in range(count)]))
    for i in range(1000):
        with open(os.path.join(out, "many", "policy-%04d.json" % i), "w") as f:
            f.write(policy(["%s_%d" % (n, i) for n in small]))


if __name__ == "__main__":
    main()
