#!/usr/bin/env python3
"""Usage: readme_samples_test.py MCPOLICY SOURCE_DIR. Runs every `$ mcpolicy ...` command shown with
its output in a ```text block of README.md, in SOURCE_DIR, and fails unless the sample starts with
the command's first line of output, shows its lines in order (a line "..." stands for any number
of lines) and, unless it ends with "...", ends with its last line. A command followed directly by
another one (or by the end of the block) shows no output and is not run."""
import os
import re
import shlex
import subprocess
import sys


def samples(readme):
    """(line number, argv, sample lines) for each command shown with output."""
    out = []
    for block in re.finditer(r"^```text\n(.*?)^```", readme, re.S | re.M):
        start = readme.count("\n", 0, block.start()) + 2
        lines = block.group(1).splitlines()
        i = 0
        while i < len(lines):
            if not lines[i].startswith("$ mcpolicy "):
                i += 1
                continue
            j = i + 1
            while j < len(lines) and not lines[j].startswith("$ "):
                j += 1
            if j > i + 1:
                out.append((start + i, shlex.split(lines[i][2:])[1:], lines[i + 1:j]))
            i = j
    return out


def check(sample, real):
    """An error message, or "" when `sample` fits `real`."""
    if not sample or sample[0] == "...":
        return "the sample must start with the output's first line: " + (real[0] if real else "")
    if not real or sample[0] != real[0]:
        return f"first line differs:\n  sample: {sample[0]}\n  real:   {real[0] if real else '(no output)'}"
    pos = 0
    for k, line in enumerate(sample):
        if line == "...":
            continue
        if k > 0 and sample[k - 1] != "...":
            if pos >= len(real) or real[pos] != line:
                return f"line {k + 1} of the sample is not the next line of the output:\n  {line}"
            pos += 1
            continue
        try:
            pos = real.index(line, pos) + 1
        except ValueError:
            return f"line {k + 1} of the sample is not in the output (in order):\n  {line}"
    if sample[-1] != "..." and pos != len(real):
        return f"the output goes on after the sample's last line: {real[pos]}"
    return ""


def main():
    mcpolicy, source = sys.argv[1], sys.argv[2]
    with open(os.path.join(source, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    failures = 0
    found = samples(readme)
    env = dict(os.environ, NO_COLOR="1")
    for line_no, argv, sample in found:
        run = subprocess.run([mcpolicy] + argv, cwd=source, env=env, capture_output=True, text=True)
        problem = check(sample, run.stdout.splitlines())
        if problem:
            failures += 1
            print(f"README.md:{line_no}: $ mcpolicy {' '.join(argv)}: {problem}")
    print(f"{len(found)} README samples checked, {failures} wrong")
    return 1 if failures or not found else 0


if __name__ == "__main__":
    sys.exit(main())
