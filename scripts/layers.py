#!/usr/bin/env python3
"""Checks that the folders of each ProcrunKit target depend on each other one way only.

ProcrunKit is split into SwiftPM targets (Package.swift) whose one-way order the compiler keeps: a
target cannot name what a target above it declares. Inside a target, folders could still depend on
each other both ways; this script checks what the compiler cannot: the order of the folders of each
target, TARGETS below.

A folder depends on another when one of its files (in it or in a folder of it) names a type (struct,
class, enum, protocol, typealias) declared in the other, or uses a member (a method or property) that a file of the other
adds in an `extension X { ... }` block: the member belongs to the folder of the file that declares
it, not to the folder of X. A member is seen where it is named with its type (`YAMLNode.sameContent`,
`Self.m` does not count) and, when its name is declared nowhere else in ProcrunKit, wherever it
follows a dot (`text.trimmingTrailingSpaces()`). Comments and string literals are ignored. The
declared order of layers is TARGETS below (lowest first, per target): a folder may use its own types and members
and those of folders listed before it. Prints every reference against that order and exits 1 when
there is one; with --graph, prints the folder graph instead. It also checks that only Commands
imports ArgumentParser, where each command declares its arguments and options once.
"""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources")

# The targets in their order (Package.swift), each with its folders, lowest first: a folder may
# depend only on folders before it in its own target (and on the targets before its own).
# Language/Actions, the built-in actions, is part of Language: the loader finds an action by its
# name there, and an action compiles its parameters with the language's types.
TARGETS = {
    "ProcrunText": ["Support", "Schema", "Diagnostics", "YAML", "Template"],
    "ProcrunSystem": ["Shell", "Process", "HTTP", "Executor", "MCP"],
    "ProcrunLanguage": ["Language"],
    "ProcrunRuntime": ["Runtime", "Report"],
    "ProcrunMemory": ["Stats", "Optimize", "History", "Review", "Runs", "Retrieval", "Recording", "Export", "Agents", "Memory"],
    "ProcrunKit": ["Commands"],
}
LAYERS = [folder for folders in TARGETS.values() for folder in folders]
TARGET_OF = {folder: target for target, folders in TARGETS.items() for folder in folders}

DECL = re.compile(r"^(?:(?:public|package|internal|private|fileprivate|final|indirect|@\w+(?:\([^)]*\))?)\s+)*"
                  r"(?:struct|class|enum|protocol|typealias|actor)\s+([A-Z][A-Za-z0-9_]*)", re.M)
IDENT = re.compile(r"\b([A-Z][A-Za-z0-9_]*)\b")
EXTENSION = re.compile(r"^(?:(?:public|package|internal|private|fileprivate|@\w+)\s+)*extension\s+([A-Za-z_][A-Za-z0-9_.]*)[^{]*\{", re.M)
MODIFIERS = r"(?:(?:public|package|internal|private|fileprivate|static|class|final|override|mutating|nonmutating|nonisolated|lazy|@\w+(?:\([^)]*\))?)\s+)*"
MEMBER = re.compile(r"^[ \t]*(" + MODIFIERS + r")(?:func|var|let)\s+([A-Za-z_][A-Za-z0-9_]*)", re.M)
# Every declaration of a name, at any depth: a member declared in an extension counts as unique only
# when its name is declared nowhere else (a local, another type's member, an enum case).
ANY_DECLARATION = re.compile(r"\b(?:func|var|let|case)\s+([A-Za-z_][A-Za-z0-9_]*)")
# Names an extension here declares that the standard library also has on other types
# (`Unicode.Scalar.Properties.isWhitespace`): a use after a dot may be the library's.
STANDARD_NAMES = {"isWhitespace"}


def strip(text):
    """The code with comments and string literals blanked out."""
    text = re.sub(r'"""[\s\S]*?"""', '""', text)
    text = re.sub(r'#"[^\n]*?"#', '""', text)
    text = re.sub(r'"(?:\\.|[^"\\\n])*"', '""', text)
    text = re.sub(r"/\*[\s\S]*?\*/", "", text)
    return re.sub(r"//[^\n]*", "", text)


def top_level(code, start):
    """The text of the block opening at `start` (just after its `{`) with everything nested deeper
    blanked out, and the offset just after its closing `}`."""
    depth = 1
    out = []
    index = start
    while index < len(code) and depth > 0:
        char = code[index]
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        if depth == 1 and char not in "{}":
            out.append(char)
        elif char == "\n":
            out.append(char)
        index += 1
    return "".join(out), index


def extension_members(code):
    """(type, member) for each non-private method or property declared in the file's extensions."""
    members = []
    for match in EXTENSION.finditer(code):
        body, _ = top_level(code, match.end())
        for member in MEMBER.finditer(body):
            if re.search(r"\b(?:private|fileprivate)\b", member.group(1)):
                continue
            members.append((match.group(1).split(".")[-1], member.group(2)))
    return members


def main():
    files = {}
    folders = [(target, folder) for target in TARGETS for folder in sorted(os.listdir(os.path.join(ROOT, target)))]
    for target, folder in folders:
        path = os.path.join(ROOT, target, folder)
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
    declared = {}
    for code in files.values():
        for name in ANY_DECLARATION.findall(code):
            declared[name] = declared.get(name, 0) + 1
    # Each member added by an extension: named with its type (`Type.member`), or, when the name is
    # declared only once, after any dot (`.member`).
    member_owner = {}
    for (folder, _), code in files.items():
        for type_name, member in extension_members(code):
            member_owner.setdefault(f"{type_name}.{member}", folder)
            if declared.get(member, 0) == 1 and member not in STANDARD_NAMES:
                member_owner.setdefault(f".{member}", folder)
    qualified = re.compile(r"\b([A-Z][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)")
    dotted = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)")
    graph = {}
    uses = {}

    def use(folder, name, other, what):
        if other and other != folder:
            graph.setdefault(folder, set()).add(other)
            uses.setdefault((folder, other), set()).add(f"{name}: {what}")

    for (folder, name), code in files.items():
        for ident in set(IDENT.findall(code)) - set(generic.findall(code)):
            use(folder, name, owner.get(ident), ident)
        for type_name, member in set(qualified.findall(code)):
            key = f"{type_name}.{member}"
            if key in member_owner:
                use(folder, name, member_owner[key], key)
        for member in set(dotted.findall(qualified.sub("", code))):
            use(folder, name, member_owner.get(f".{member}"), f".{member}")
    if "--graph" in sys.argv:
        for folder in sorted(graph):
            print(f"{folder} -> {', '.join(sorted(graph[folder]))}")
        return 0
    unknown = sorted(set(f for f, _ in files) - set(LAYERS))
    rank = {name: index for index, name in enumerate(LAYERS)}
    problems = [f"folder {name} is not in scripts/layers.py's LAYERS" for name in unknown]
    for (folder, other), where in sorted(uses.items()):
        # Across targets the compiler keeps the order; inside one, this script does.
        if folder in rank and other in rank and rank[other] > rank[folder] and TARGET_OF[folder] == TARGET_OF[other]:
            for item in sorted(where):
                problems.append(f"{folder} uses {other} ({item})")
    for (folder, name), code in sorted(files.items()):
        if TARGET_OF.get(folder) != "ProcrunKit" and re.search(r"^\s*(?:\w+\s+)?import\s+ArgumentParser\b", code, re.M):
            problems.append(f"{folder}/{name} imports ArgumentParser, which only ProcrunKit's Commands may")
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} reference(s) against the layer order in scripts/layers.py")
        return 1
    for target, names in TARGETS.items():
        print(f"{target}: {' < '.join(names)}")
    print(f"layers: the {len(LAYERS)} folders of {len(TARGETS)} targets depend one way inside each target")
    return 0


if __name__ == "__main__":
    sys.exit(main())
