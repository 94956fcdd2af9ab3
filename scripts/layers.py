#!/usr/bin/env python3
"""Checks that the folders of Sources/ProcrunKit depend on each other one way only.

A folder depends on another when one of its files (in it or in a folder of it) names a type (struct, class, enum, protocol,
typealias) declared in the other. Comments and string literals are ignored. The declared order of
layers is LAYERS below (lowest first): a folder may use its own types and those of folders listed
before it. Prints every reference against that order and exits 1 when there is one; with --graph,
prints the folder graph instead. It also checks that only Commands imports ArgumentParser, where each
command declares its arguments and options once.
"""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "ProcrunKit")

# Lowest first. A folder may depend only on folders before it.
# Language/Actions, the built-in actions, is part of Language: the loader finds an action by its
# name there, and an action compiles its parameters with the language's types.
LAYERS = [
    "Support", "Diagnostics", "YAML", "Template", "Process", "HTTP", "Executor", "MCP", "Language", "Schema",
    "Runtime", "Learning", "Report", "Retrieval", "Recording", "Export", "Agents", "Memory", "Commands",
]

DECL = re.compile(r"^(?:(?:public|package|internal|private|fileprivate|final|indirect|@\w+(?:\([^)]*\))?)\s+)*"
                  r"(?:struct|class|enum|protocol|typealias|actor)\s+([A-Z][A-Za-z0-9_]*)", re.M)
IDENT = re.compile(r"\b([A-Z][A-Za-z0-9_]*)\b")


def strip(text):
    """The code with comments and string literals blanked out."""
    text = re.sub(r'"""[\s\S]*?"""', '""', text)
    text = re.sub(r'#"[^\n]*?"#', '""', text)
    text = re.sub(r'"(?:\\.|[^"\\\n])*"', '""', text)
    text = re.sub(r"/\*[\s\S]*?\*/", "", text)
    return re.sub(r"//[^\n]*", "", text)


def main():
    files = {}
    for folder in sorted(os.listdir(ROOT)):
        path = os.path.join(ROOT, folder)
        if not os.path.isdir(path):
            continue
        # A folder's subfolders (Language/Actions) are part of its layer.
        for directory, _, names in sorted(os.walk(path)):
            for name in sorted(names):
                if name.endswith(".swift"):
                    with open(os.path.join(directory, name), encoding="utf-8") as handle:
                        files[(folder, os.path.relpath(os.path.join(directory, name), path))] = strip(handle.read())
    generic = re.compile(r"<\s*([A-Z][A-Za-z0-9_]*)\s*[:,>]")
    owner = {}
    for (folder, _), code in files.items():
        for match in DECL.finditer(code):
            owner.setdefault(match.group(1), folder)
    graph = {}
    uses = {}
    for (folder, name), code in files.items():
        for ident in set(IDENT.findall(code)) - set(generic.findall(code)):
            other = owner.get(ident)
            if other and other != folder:
                graph.setdefault(folder, set()).add(other)
                uses.setdefault((folder, other), set()).add(f"{name}: {ident}")
    if "--graph" in sys.argv:
        for folder in sorted(graph):
            print(f"{folder} -> {', '.join(sorted(graph[folder]))}")
        return 0
    unknown = sorted(set(f for f, _ in files) - set(LAYERS))
    rank = {name: index for index, name in enumerate(LAYERS)}
    problems = [f"folder {name} is not in scripts/layers.py's LAYERS" for name in unknown]
    for (folder, other), where in sorted(uses.items()):
        if folder in rank and other in rank and rank[other] > rank[folder]:
            for item in sorted(where):
                problems.append(f"{folder} uses {other} ({item})")
    for (folder, name), code in sorted(files.items()):
        if folder != "Commands" and re.search(r"^\s*(?:\w+\s+)?import\s+ArgumentParser\b", code, re.M):
            problems.append(f"{folder}/{name} imports ArgumentParser, which only Commands may")
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} reference(s) against the layer order in scripts/layers.py")
        return 1
    print(f"layers: {len(LAYERS)} folders of ProcrunKit depend one way ({', '.join(LAYERS)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
