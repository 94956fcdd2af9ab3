#!/usr/bin/env python3
"""Really performs every task's three runs and writes them as procrun action logs.

    python3 benchmarks/record-replay/make_logs.py [--task NAME] [--keep]

For each task and each run i (1..3): a fresh temp folder, setup.sh run there, then the
run's steps done for real, in order, as a person would at a persistent bash prompt:

  {"shell": "COMMAND"}          bash -c COMMAND in the current folder (stdin closed);
                                 a step that is exactly `cd DIR` changes the current
                                 folder for the steps after it (and is logged too)
  {"write_file": {...}}          the file written for real (path relative to the
                                 current folder, or absolute)

A shell step may say "expect_failure": true (a typo a person made and fixed); any other
step that fails, or such a step that succeeds, stops everything. After the steps,
check.sh runs in the temp folder with the run's values and must pass, and must fail when
any one parameter is given its `new` value instead (so a check notices a replay that kept
an old value). Then
tasks/NN_name/logI.jsonl is written, one action per line, in procrun's log format.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TASKS = os.path.join(HERE, "tasks")
CD = re.compile(r"^cd\s+(\S+)\s*$")


def die(msg):
    print("make_logs: " + msg, file=sys.stderr)
    sys.exit(1)


def text(b):
    return b.decode("utf-8", errors="replace")


def run_step(step, cwd, root):
    """Performs one step; returns (log line dict, new cwd)."""
    if "shell" in step:
        cmd = step["shell"]
        m = CD.match(cmd)
        if m:
            target = os.path.normpath(os.path.join(cwd, m.group(1)))
            if not os.path.isdir(target):
                die(f"cd: no folder {target}")
            return ({"action": "shell", "parameters": {"command": cmd}, "outcome": "", "stderr": "",
                     "exit_code": 0, "status": "success", "duration_ms": 0}, target)
        t0 = time.monotonic()
        p = subprocess.run(["bash", "-c", cmd], cwd=cwd, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
        ms = int((time.monotonic() - t0) * 1000)
        line = {"action": "shell", "parameters": {"command": cmd}, "outcome": text(p.stdout),
                "stderr": text(p.stderr), "exit_code": p.returncode,
                "status": "success" if p.returncode == 0 else "failed", "duration_ms": ms}
        expected_fail = bool(step.get("expect_failure"))
        if (p.returncode != 0) != expected_fail:
            die(f"step {cmd!r} exited {p.returncode} (expect_failure={expected_fail})\n"
                f"stdout: {text(p.stdout)[-2000:]}\nstderr: {text(p.stderr)[-2000:]}")
        return line, cwd
    if "write_file" in step:
        wf = step["write_file"]
        path = wf["path"]
        full = path if os.path.isabs(path) else os.path.join(cwd, path)
        t0 = time.monotonic()
        with open(full, "w") as f:
            f.write(wf["content"])
        ms = int((time.monotonic() - t0) * 1000)
        return ({"action": "write_file", "parameters": {"path": path, "content": wf["content"]},
                 "outcome": path, "status": "success", "duration_ms": ms}, cwd)
    die(f"unknown step {step!r}")


def do_run(task_dir, spec, i, keep):
    run = spec["runs"][i]
    values = {p: v["values"][i] for p, v in spec["parameters"].items()}
    root = tempfile.mkdtemp(prefix=f"rrbench-log-{spec['name']}-{i + 1}-")
    try:
        p = subprocess.run(["bash", os.path.join(task_dir, "setup.sh")], cwd=root,
                           stdin=subprocess.DEVNULL, capture_output=True, timeout=300)
        if p.returncode != 0:
            die(f"{spec['name']}: setup.sh failed ({p.returncode}): {text(p.stderr)}")
        cwd, lines = root, []
        for step in run:
            line, cwd = run_step(step, cwd, root)
            lines.append(line)
        args = [f"{k}={v}" for k, v in values.items()]
        p = subprocess.run(["bash", os.path.join(task_dir, "check.sh"), *args], cwd=root,
                           stdin=subprocess.DEVNULL, capture_output=True, timeout=300)
        if p.returncode != 0:
            die(f"{spec['name']} run {i + 1}: the real task did not succeed: check.sh {' '.join(args)} "
                f"exited {p.returncode}: {text(p.stderr).strip()} {text(p.stdout).strip()}")
        # the check must notice a replay that kept an old value: with any one parameter
        # given its never-seen value instead, this run's state must not pass
        for name, param in spec["parameters"].items():
            wrong = [f"{k}={param['new'] if k == name else v}" for k, v in values.items()]
            p = subprocess.run(["bash", os.path.join(task_dir, "check.sh"), *wrong], cwd=root,
                               stdin=subprocess.DEVNULL, capture_output=True, timeout=300)
            if p.returncode == 0:
                die(f"{spec['name']} run {i + 1}: check.sh {' '.join(wrong)} passes on a state made with "
                    f"{name}={values[name]}: it does not check {name}")
        with open(os.path.join(task_dir, f"log{i + 1}.jsonl"), "w") as f:
            for line in lines:
                f.write(json.dumps(line, ensure_ascii=False) + "\n")
        return root
    finally:
        if not keep:
            shutil.rmtree(root, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--task", help="only this task (its name or folder name)")
    ap.add_argument("--keep", action="store_true", help="keep the temp folders")
    a = ap.parse_args()
    dirs = sorted(d for d in os.listdir(TASKS) if os.path.isfile(os.path.join(TASKS, d, "task.json")))
    done = 0
    for d in dirs:
        task_dir = os.path.join(TASKS, d)
        spec = json.load(open(os.path.join(task_dir, "task.json")))
        if a.task and a.task not in (d, spec["name"]):
            continue
        if len(spec["runs"]) != 3 or any(len(p["values"]) != 3 for p in spec["parameters"].values()):
            die(f"{d}: a task has three runs and three values per parameter")
        for i in range(3):
            root = do_run(task_dir, spec, i, a.keep)
            print(f"{d}: run {i + 1} ok" + (f" ({root})" if a.keep else ""))
        done += 1
    if a.task and not done:
        die(f"no task {a.task}")
    print(f"{done} tasks, {3 * done} logs written")


if __name__ == "__main__":
    main()
