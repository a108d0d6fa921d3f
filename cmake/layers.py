#!/usr/bin/env python3
"""Measures the include graph between the areas of lib/ and checks it against the layer table.

An area is a folder of lib/src (each public header of lib/include/mcpolicy belongs to the area the
layer table names). The table, cmake/layers.txt, lists the layers bottom first; a file may include
headers of its own layer and of the layers below it. Prints the areas, the edges between them (with
include counts) and the strongly connected components; exits 1 when an include runs up the layers,
when areas include each other in a cycle, or when a folder or public header is missing from the
table. cmake/Layers.cmake builds one library per layer from the same table.

Usage: layers.py [--root DIR] [--table FILE] [--quiet] [--dot]
"""
import argparse
import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"')


def read_table(path):
    """[(layer, area, [headers])] in file order: one line per area, layers bottom first."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            words = line.split("#", 1)[0].split()
            if words:
                rows.append((words[0], words[1], words[2:]))
    return rows


def source_files(root, top):
    out = []
    for d, dirs, files in os.walk(os.path.join(root, top)):
        dirs.sort()
        for name in sorted(files):
            if name.endswith((".h", ".cc")):
                out.append(os.path.relpath(os.path.join(d, name), root))
    return out


def strongly_connected(nodes, edges):
    """Tarjan's algorithm; components in a deterministic order."""
    index, low, stack, on_stack, out = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            out.append(sorted(comp))

    for v in sorted(nodes):
        if v not in index:
            visit(v)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=os.path.join(os.path.dirname(__file__), ".."))
    parser.add_argument("--table", default=None, help="default: ROOT/cmake/layers.txt")
    parser.add_argument("--quiet", action="store_true", help="print only problems")
    parser.add_argument("--dot", action="store_true", help="print the area graph as Graphviz")
    args = parser.parse_args()
    root = os.path.abspath(args.root)
    table = read_table(args.table or os.path.join(root, "cmake", "layers.txt"))

    layer_of_area, area_of_header, rank, problems = {}, {}, {}, []
    for layer, area, headers in table:
        rank.setdefault(layer, len(rank))
        if area in layer_of_area:
            problems.append(f"layer table: area {area} listed twice")
        layer_of_area[area] = layer
        for h in headers:
            area_of_header[h] = area
    layers = list(rank)
    cli_rank = len(rank)
    layer_of_area["cli"] = "cli"
    rank["cli"] = cli_rank

    files = source_files(root, "lib/src") + source_files(root, "lib/include") + source_files(root, "cli")

    def area_of(rel):
        parts = rel.split("/")
        if parts[0] == "cli":
            return "cli"
        if parts[:2] == ["lib", "src"]:
            return parts[2] if len(parts) > 3 else None
        if parts[:3] == ["lib", "include", "mcpolicy"]:
            return area_of_header.get(parts[3], None)
        return None

    areas_seen = set()
    for rel in files:
        a = area_of(rel)
        if a is None:
            problems.append(f"{rel}: in no area of the layer table")
            continue
        if a not in layer_of_area:
            problems.append(f"{rel}: area {a} is on no layer of the layer table")
            continue
        areas_seen.add(a)

    edges = {}  # area -> {area: count}
    upward = []
    for rel in files:
        a = area_of(rel)
        if a not in layer_of_area:
            continue
        here = os.path.dirname(os.path.join(root, rel))
        with open(os.path.join(root, rel), encoding="utf-8", errors="replace") as f:
            for n, line in enumerate(f, 1):
                m = INCLUDE.match(line)
                if not m:
                    continue
                inc = m.group(1)
                for base in (here, os.path.join(root, "lib", "src"), os.path.join(root, "lib", "include")):
                    target = os.path.join(base, inc)
                    if os.path.isfile(target):
                        break
                else:
                    continue  # a generated or third-party header
                b = area_of(os.path.relpath(os.path.realpath(target), root))
                if b is None or b not in layer_of_area or b == a:
                    continue
                edges.setdefault(a, {}).setdefault(b, 0)
                edges[a][b] += 1
                if rank[layer_of_area[b]] > rank[layer_of_area[a]]:
                    upward.append(f"{rel}:{n}: {a} ({layer_of_area[a]}) includes \"{inc}\" of "
                                  f"{b} ({layer_of_area[b]}), a higher layer")

    cycles = [c for c in strongly_connected(areas_seen, edges) if len(c) > 1]
    n_edges = sum(len(v) for a, v in edges.items() if a != "cli")
    lib_areas = sorted(a for a in areas_seen if a != "cli")

    if args.dot:
        print("digraph areas {")
        for a in sorted(edges):
            for b in sorted(edges[a]):
                print(f'  "{a}" -> "{b}" [label={edges[a][b]}];')
        print("}")
        return 0
    if not args.quiet:
        print(f"areas: {len(lib_areas)} in lib/src (+ cli)")
        for layer in layers:
            print(f"  {layer}: {' '.join(a for l, a, _ in table if l == layer and a in areas_seen)}")
        print(f"edges between areas of lib/: {n_edges} (+ {len(edges.get('cli', {}))} from cli)")
        for a in sorted(edges, key=lambda x: (rank[layer_of_area[x]], x)):
            targets = ", ".join(f"{b} {edges[a][b]}" for b in
                                sorted(edges[a], key=lambda x: (-rank[layer_of_area[x]], x)))
            print(f"  {a} -> {targets}")
        print(f"cycles: {len(cycles)}")
    for c in cycles:
        print(f"cycle of {len(c)} areas: {' '.join(c)}")
    for u in upward:
        print(u)
    for p in problems:
        print(p)
    if cycles or upward or problems:
        print(f"layers.py: {len(cycles)} cycles, {len(upward)} upward includes, "
              f"{len(problems)} table problems (see docs/architecture.md)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
