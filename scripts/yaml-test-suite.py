#!/usr/bin/env python3
"""Runs procrun's YAML reader over every case of the YAML test suite (github.com/yaml/yaml-test-suite).

    python3 scripts/yaml-test-suite.py SUITE [--procrun PATH] [--fixture PATH]

SUITE is the suite's `data` branch: a folder of case folders (`229Q/in.yaml`, `2G84/00/in.yaml`),
or a clone of the repository, whose `data` branch is read with `git archive`. Every case's
in.yaml is checked with `procrun check` (PATH, by default .build/debug/procrun): procrun must exit
0 or 2, never crash, and every error it reports must point at a line of the file. Prints one line
per case that fails, then the counts; exits 1 when a case fails.

With --fixture, also writes the cases as one JSON file (id, name, yaml, json, error), which the
Swift test YAMLTestSuiteTests reads to compare what procrun reads with the suite's JSON.
"""
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile

# The suite's license, copied with its cases into the fixture.
LICENSE = """MIT License

Copyright (c) 2016-2020 Ingy döt Net

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
"""
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
POSITION = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?:error|warning|note):", re.M)


def case_folders(suite):
    """(id, folder) for every case, in order of id: `229Q`, `2G84/00`."""
    cases = []
    for name in sorted(os.listdir(suite)):
        folder = os.path.join(suite, name)
        if not re.fullmatch(r"[0-9A-Z]{4}", name) or not os.path.isdir(folder):
            continue
        if os.path.exists(os.path.join(folder, "in.yaml")):
            cases.append((name, folder))
        for sub in sorted(os.listdir(folder)):
            if re.fullmatch(r"\d\d\d?", sub) and os.path.exists(os.path.join(folder, sub, "in.yaml")):
                cases.append((name + "/" + sub, os.path.join(folder, sub)))
    return cases


def read(path, mode="r"):
    with open(path, mode) as handle:
        return handle.read()


def line_count(data):
    """Lines as procrun counts them: an empty file has one; a final line break ends the last."""
    return max(1, data.count(b"\n") + (0 if data.endswith(b"\n") else 1))


def check(procrun, case_id, folder):
    """What is wrong with `procrun check` on the case, or None."""
    path = os.path.join(folder, "in.yaml")
    try:
        run = subprocess.run([procrun, "check", "--no-color", path], capture_output=True, timeout=60)
    except subprocess.TimeoutExpired:
        return "no answer within 60 s"
    stderr = run.stderr.decode("utf-8", "replace")
    if run.returncode not in (0, 2) or "Fatal error" in stderr:
        return f"exit {run.returncode}: {stderr.strip()[-300:]}"
    lines = line_count(read(path, "rb"))
    for match in POSITION.finditer(stderr):
        if match.group("path") == path and not 1 <= int(match.group("line")) <= lines:
            return f"position {match.group('line')}:{match.group('column')} is outside the file's {lines} lines"
    return None


def fixture(cases):
    """The cases as the Swift test reads them."""
    entries = []
    for case_id, folder in cases:
        json_path = os.path.join(folder, "in.json")
        entries.append({
            "id": case_id,
            "name": read(os.path.join(folder, "===")).strip(),
            "yaml": read(os.path.join(folder, "in.yaml"), "rb").decode("utf-8"),
            "json": read(json_path) if os.path.exists(json_path) else None,
            "error": os.path.exists(os.path.join(folder, "error")),
        })
    return entries


def main():
    args = sys.argv[1:]
    options = {}
    while len(args) > 1 and args[-2] in ("--procrun", "--fixture"):
        options[args[-2]] = args[-1]
        args = args[:-2]
    if len(args) != 1:
        sys.exit(__doc__)
    suite = args[0]
    procrun = options.get("--procrun", os.path.join(ROOT, ".build", "debug", "procrun"))
    with tempfile.TemporaryDirectory() as scratch:
        if not case_folders(suite):
            archive = os.path.join(scratch, "data.tar")
            subprocess.run(["git", "-C", suite, "archive", "-o", archive, "data"], check=True)
            with tarfile.open(archive) as tar:
                tar.extractall(scratch, filter="data")
            suite = scratch
        cases = case_folders(suite)
        failures = 0
        for case_id, folder in cases:
            problem = check(procrun, case_id, folder)
            if problem:
                failures += 1
                print(f"{case_id}: {problem}")
        print(f"{len(cases)} cases, {failures} failed")
        if "--fixture" in options:
            with open(options["--fixture"], "w", encoding="utf-8") as handle:
                json.dump({"source": "https://github.com/yaml/yaml-test-suite, branch data", "license": LICENSE, "cases": fixture(cases)},
                          handle, ensure_ascii=False, indent=0)
                handle.write("\n")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
