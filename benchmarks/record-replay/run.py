#!/usr/bin/env python3
"""Record-and-replay benchmark for procrun.

    python3 benchmarks/record-replay/run.py [--procrun PATH] [--task NAME] [--keep] [--json]
                                            [--keep-optional]

For every task under tasks/ (see README.md), two measurements:

A. three logs, new values: record from log1..log3 into a fresh library (setup.sh run there
   first), read the induced inputs with `procrun show NAME --json`, map them to the task's real
   parameters (an input IS parameter P when its default, as text, equals P's value in the last
   log and no other parameter's), replay in a fresh state with `--set INPUT=NEW` for every mapped
   input, and run check.sh with the new values.
B. one log, same values: record from log1 only, replay in a fresh state with no --set, and run
   check.sh with run 1's values.

It reports; it does not assert: the exit status is always 0.
"""
import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
TASKS = os.path.join(HERE, "tasks")
PROCRUN_TIMEOUT = 60
SCRIPT_TIMEOUT = 300


def run_cmd(args, cwd, timeout):
    """Runs args in its own process group; returns (rc, stdout, stderr); rc None on timeout."""
    env = dict(os.environ, NO_COLOR="1")
    p = subprocess.Popen(args, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env=env, start_new_session=True)
    try:
        out, err = p.communicate(timeout=timeout)
        rc = p.returncode
    except subprocess.TimeoutExpired:
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        out, err = p.communicate()
        rc = None
    return rc, out.decode("utf-8", "replace"), err.decode("utf-8", "replace")


def first_line(*texts, prefer=("error", "✗", "failed")):
    lines = [l.strip() for t in texts for l in t.splitlines() if l.strip()]
    for word in prefer:
        for l in lines:
            if word in l.lower():
                return l
    return lines[-1] if lines else ""


def snapshot(root):
    """Relative path -> (kind, size, mtime) of everything under root."""
    seen = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            full = os.path.join(dirpath, name)
            st = os.lstat(full)
            rel = os.path.relpath(full, root)
            if os.path.islink(full):
                seen[rel] = ("link", os.readlink(full), None)
            elif os.path.isdir(full):
                seen[rel] = ("dir", None, None)
            else:
                seen[rel] = ("file", st.st_size, st.st_mtime_ns)
    return seen


def as_text(v):
    if v is None:
        return None
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float, str)):
        return v if isinstance(v, str) else repr(v) if isinstance(v, float) else str(v)
    return json.dumps(v)


def read_inputs(shown):
    """The inputs of `procrun show --json`: a list of {name, type, default}."""
    inputs = shown.get("inputs") or []
    if isinstance(inputs, dict):
        inputs = [dict(spec, name=name) for name, spec in inputs.items()]
    out = []
    for spec in inputs:
        if not isinstance(spec, dict):
            continue
        out.append({"name": spec.get("name"), "type": spec.get("type", "string"),
                    "default": spec.get("default")})
    return out


def is_switch(inp):
    return inp["type"] == "boolean" and str(inp["name"]).startswith("include_")


class Outcome:
    def __init__(self):
        self.ok = False
        self.failure = ""
        self.inputs = []
        self.mapping = {}  # input name -> parameter
        self.dirs = []


def setup(task_dir, folder):
    rc, out, err = run_cmd(["bash", os.path.join(task_dir, "setup.sh")], folder, SCRIPT_TIMEOUT)
    if rc != 0:
        raise RuntimeError(f"setup.sh failed ({rc}): {first_line(err, out)}")


def check(task_dir, folder, values):
    args = [f"{k}={v}" for k, v in values.items()]
    rc, out, err = run_cmd(["bash", os.path.join(task_dir, "check.sh"), *args], folder, SCRIPT_TIMEOUT)
    return rc == 0, first_line(err, out, prefer=("check failed",))


def measure(procrun, task_dir, spec, logs, set_new, keep_optional, keep):
    """Records from logs, replays in a fresh state, checks. set_new: A (map inputs, --set new
    values, check new values); else B (no --set, check run 1's values)."""
    o = Outcome()
    name = spec["name"]
    params = spec["parameters"]
    lib = tempfile.mkdtemp(prefix=f"rrbench-lib-{name}-")
    o.dirs.append(lib)
    try:
        setup(task_dir, lib)
        before = snapshot(lib)
        cmd = [procrun, "record", name]
        for log in logs:
            cmd += ["--from", log]
        cmd += ["--description", spec["description"], "--library", lib, "--force"]
        if keep_optional:
            cmd.append("--keep-optional")
        rc, out, err = run_cmd(cmd, lib, PROCRUN_TIMEOUT)
        if rc != 0:
            o.failure = f"record exit {rc if rc is not None else 'timeout'}: {first_line(err, out)}"
            return o
        rc, out, err = run_cmd([procrun, "show", name, "--library", lib, "--json"], lib, PROCRUN_TIMEOUT)
        if rc != 0:
            o.failure = f"show exit {rc if rc is not None else 'timeout'}: {first_line(err, out)}"
            return o
        try:
            o.inputs = read_inputs(json.loads(out))
        except (ValueError, AttributeError) as e:
            o.failure = f"show --json unreadable: {e}"
            return o
        last = {p: v["values"][-1] for p, v in params.items()}
        for inp in o.inputs:
            if is_switch(inp):
                continue
            d = as_text(inp["default"])
            hits = [p for p, v in last.items() if v == d]
            if len(hits) == 1:
                o.mapping[inp["name"]] = hits[0]
        after = snapshot(lib)
        written = [rel for rel, st in after.items() if before.get(rel) != st]

        state = tempfile.mkdtemp(prefix=f"rrbench-replay-{name}-")
        o.dirs.append(state)
        setup(task_dir, state)
        for rel in sorted(written):
            src, dst = os.path.join(lib, rel), os.path.join(state, rel)
            if os.path.isdir(src) and not os.path.islink(src):
                os.makedirs(dst, exist_ok=True)
                continue
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            if os.path.lexists(dst):
                os.remove(dst)
            if os.path.islink(src):
                os.symlink(os.readlink(src), dst)
            else:
                shutil.copy2(src, dst)
        cmd = [procrun, "run", name, "--library", state, "--no-learn"]
        if set_new:
            for inp, p in o.mapping.items():
                cmd += ["--set", f"{inp}={params[p]['new']}"]
            values = {p: v["new"] for p, v in params.items()}
        else:
            values = {p: v["values"][0] for p, v in params.items()}
        rc, out, err = run_cmd(cmd, state, PROCRUN_TIMEOUT)
        if rc != 0:
            o.failure = f"run exit {rc if rc is not None else 'timeout'}: {first_line(out, err)}"
            return o
        ok, why = check(task_dir, state, values)
        if not ok:
            o.failure = f"check: {why}"
            return o
        o.ok = True
        return o
    except Exception as e:  # a benchmark reports; it does not crash
        o.failure = f"{type(e).__name__}: {e}"
        return o
    finally:
        if not keep:
            for d in o.dirs:
                shutil.rmtree(d, ignore_errors=True)


def logged_commands(task_dir):
    cmds = set()
    for i in (1, 2, 3):
        with open(os.path.join(task_dir, f"log{i}.jsonl")) as f:
            for line in f:
                if line.strip():
                    a = json.loads(line)
                    c = a.get("parameters", {}).get("command")
                    if isinstance(c, str):
                        cmds.add(c.strip())
    return cmds


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--procrun", default=os.path.join(REPO, ".build", "debug", "procrun"))
    ap.add_argument("--task", help="only this task (its name or folder name)")
    ap.add_argument("--keep", action="store_true", help="keep the temp libraries and print where they are")
    ap.add_argument("--json", action="store_true", help="print a JSON summary instead of markdown")
    ap.add_argument("--keep-optional", action="store_true", help="pass --keep-optional to procrun record")
    a = ap.parse_args()
    procrun = os.path.abspath(a.procrun)

    rows = []
    for d in sorted(os.listdir(TASKS)):
        task_dir = os.path.join(TASKS, d)
        if not os.path.isfile(os.path.join(task_dir, "task.json")):
            continue
        spec = json.load(open(os.path.join(task_dir, "task.json")))
        if a.task and a.task not in (d, spec["name"]):
            continue
        logs = [os.path.join(task_dir, f"log{i}.jsonl") for i in (1, 2, 3)]
        A = measure(procrun, task_dir, spec, logs, True, a.keep_optional, a.keep)
        B = measure(procrun, task_dir, spec, logs[:1], False, a.keep_optional, a.keep)
        cmds = logged_commands(task_dir)
        counted = [i for i in A.inputs if not is_switch(i)]
        per_param = {p: sum(1 for q in A.mapping.values() if q == p) for p in spec["parameters"]}
        rows.append({
            "task": d,
            "a_ok": A.ok, "b_ok": B.ok,
            "a_failure": A.failure, "b_failure": B.failure,
            "parameters": list(spec["parameters"]),
            "inputs": [{"name": i["name"], "type": i["type"], "default": i["default"],
                        "parameter": A.mapping.get(i["name"])} for i in counted],
            "inputs_induced": len(counted),
            "inputs_exact": len(A.mapping),
            "params_matched": sum(1 for n in per_param.values() if n >= 1),
            "params_multi": sum(1 for n in per_param.values() if n > 1),
            "whole_command_defaults": sum(1 for i in counted
                                          if isinstance(as_text(i["default"]), str)
                                          and as_text(i["default"]).strip() in cmds),
            "dirs": A.dirs + B.dirs if a.keep else [],
        })

    n = len(rows)
    induced = sum(r["inputs_induced"] for r in rows)
    exact = sum(r["inputs_exact"] for r in rows)
    nparams = sum(len(r["parameters"]) for r in rows)
    matched = sum(r["params_matched"] for r in rows)
    summary = {
        "procrun": procrun,
        "tasks": n,
        "a_success": sum(r["a_ok"] for r in rows),
        "b_success": sum(r["b_ok"] for r in rows),
        "inputs_induced": induced,
        "inputs_exact": exact,
        "input_precision": round(exact / induced, 3) if induced else None,
        "parameters": nparams,
        "parameters_matched": matched,
        "input_recall": round(matched / nparams, 3) if nparams else None,
        "whole_command_defaults": sum(r["whole_command_defaults"] for r in rows),
        "parameters_with_several_inputs": sum(r["params_multi"] for r in rows),
        "results": rows,
    }
    if a.json:
        print(json.dumps(summary, indent=2, ensure_ascii=False))
        return 0

    def pct(x):
        return "n/a" if x is None else f"{100 * x:.0f}%"

    print(f"procrun record-replay benchmark: {n} tasks, {procrun}\n")
    print("| metric | value |")
    print("| --- | --- |")
    print(f"| A: three logs, new values | {summary['a_success']}/{n} |")
    print(f"| B: one log, same values | {summary['b_success']}/{n} |")
    print(f"| input precision | {exact}/{induced} = {pct(summary['input_precision'])} |")
    print(f"| input recall | {matched}/{nparams} = {pct(summary['input_recall'])} |")
    print(f"| inputs defaulting to a whole command line | {summary['whole_command_defaults']} |")
    print(f"| parameters with more than one input | {summary['parameters_with_several_inputs']} |")
    print()
    print("| task | A | B | inputs | params matched | failure |")
    print("| --- | --- | --- | --- | --- | --- |")
    for r in rows:
        fail = r["a_failure"] and "A: " + r["a_failure"] or r["b_failure"] and "B: " + r["b_failure"] or ""
        fail = fail.replace("|", "\\|")
        if len(fail) > 160:
            fail = fail[:157] + "..."
        print(f"| {r['task']} | {'ok' if r['a_ok'] else 'FAIL'} | {'ok' if r['b_ok'] else 'FAIL'} | "
              f"{r['inputs_induced']} | {r['params_matched']}/{len(r['parameters'])} | {fail} |")
        for folder in r["dirs"]:
            print(f"  kept: {folder}")
    return 0


if __name__ == "__main__":
    main()
    sys.exit(0)
