#!/usr/bin/env python3
"""Writes the comparison's workloads: the same N steps as a procrun procedure, a sh script,
a justfile and a Taskfile, for each kind of step, and `parallel-8`: 8 independent `sleep 0.2`
steps run at once (a procrun `parallel` group, sh's `&` and `wait`, just's `[parallel]`
dependencies, go-task's deps). Usage: workloads.py OUT_DIR N [N ...]
`workloads.py library DIR COUNT` writes a library of COUNT procedures for timing `find`."""
import os
import sys

KINDS = ("true", "echo", "log")


def procrun(kind, n):
    lines = [f"name: {kind}_{n}", "inputs:", "  name: {type: string, default: bench}", "steps:"]
    for i in range(1, n + 1):
        if kind == "true":
            lines += ["  - action: shell", "    parameters: {command: /bin/true}"]
        elif kind == "echo":
            lines += ["  - action: shell", f"    parameters: {{command: 'echo \"step {i} of {{{{ inputs.name }}}}\"'}}"]
        else:
            lines += ["  - action: log", f"    parameters: {{message: \"step {i} of {{{{ inputs.name }}}}\"}}"]
    return "\n".join(lines) + "\n"


def command(kind, i, variable):
    return "/bin/true" if kind == "true" else f'echo "step {i} of {variable}"'


def shell(kind, n):
    return "name=bench\n" + "".join(command(kind, i, "$name") + "\n" for i in range(1, n + 1))


def justfile(kind, n):
    body = "".join("    @" + command(kind, i, "{{name}}") + "\n" for i in range(1, n + 1))
    return 'name := "bench"\n\nrun:\n' + body


def taskfile(kind, n):
    body = "".join("      - '" + command(kind, i, "{{.NAME}}").replace("'", "''") + "'\n" for i in range(1, n + 1))
    return "version: '3'\nvars:\n  NAME: bench\ntasks:\n  run:\n    silent: true\n    cmds:\n" + body


PARALLEL = 8
SLEEP = "sleep 0.2"


def parallel_workload():
    """The same PARALLEL independent sleeps for each tool, all at once: file name -> text."""
    ids = [f"s{i}" for i in range(1, PARALLEL + 1)]
    procedure = [f"name: parallel_{PARALLEL}", "steps:", "  - id: checks", "    parallel:",
                 f"      max: {PARALLEL}", "      steps:"]
    procedure += [f"        - {{id: {i}, action: shell, parameters: {{command: {SLEEP}}}}}" for i in ids]
    shell_script = "".join(f"{SLEEP} &\n" for _ in ids) + "wait\n"
    # just runs a [parallel] recipe's dependencies at once, each on a thread of its own.
    just = f"[parallel]\nrun: {' '.join(ids)}\n" + "".join(f"\n{i}:\n    @{SLEEP}\n" for i in ids)
    # go-task runs a task's deps at once (no --concurrency limit by default).
    task = (f"version: '3'\nsilent: true\ntasks:\n  run:\n    deps: [{', '.join(ids)}]\n"
            + "".join(f"  {i}:\n    cmds:\n      - {SLEEP}\n" for i in ids))
    return {"procedure.yaml": "\n".join(procedure) + "\n", "steps.sh": shell_script, "justfile": just,
            "Taskfile.yml": task}


VERBS = ["deploy", "build", "test", "backup", "restore", "migrate", "rotate", "provision", "scale", "monitor"]
OBJECTS = ["backend", "frontend", "database", "cache", "queue", "certificates", "logs", "metrics", "cluster", "gateway"]
PLACES = ["staging", "production", "eu-west", "us-east", "development"]


def library(folder, count):
    """A library of `count` procedures for timing `procrun find`: varied names, words and records."""
    import random
    rng = random.Random(42)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "procrun.yaml"), "w") as handle:
        handle.write("actions: {}\n")
    for number in range(count):
        verb, obj, place = rng.choice(VERBS), rng.choice(OBJECTS), rng.choice(PLACES)
        runs = rng.randrange(40)
        successes = rng.randrange(runs + 1) if runs else 0
        lines = [f"name: {verb}_{obj}_{number}", f"description: {verb.capitalize()} the {obj} in {place}, then check it.",
                 f"tags: [{verb}, {obj}]", "steps:"]
        for step in range(2 + rng.randrange(4)):
            lines += ["  - action: shell", f"    parameters: {{command: 'make {rng.choice(VERBS)} {obj} ENV={place}'}}"]
        if runs:
            lines += ["stats:", f"  execution_count: {runs}", f"  successes: {successes}", f"  failures: {runs - successes}"]
        with open(os.path.join(folder, f"{verb}_{obj}_{number}.yaml"), "w") as handle:
            handle.write("\n".join(lines) + "\n")


def main():
    if sys.argv[1] == "library":
        library(sys.argv[2], int(sys.argv[3]))
        return
    out, sizes = sys.argv[1], [int(n) for n in sys.argv[2:]]
    for kind in KINDS:
        for n in sizes:
            folder = os.path.join(out, f"{kind}-{n}")
            os.makedirs(folder, exist_ok=True)
            for name, text in (("procedure.yaml", procrun(kind, n)), ("steps.sh", shell(kind, n)),
                               ("justfile", justfile(kind, n)), ("Taskfile.yml", taskfile(kind, n))):
                with open(os.path.join(folder, name), "w") as handle:
                    handle.write(text)
    folder = os.path.join(out, f"parallel-{PARALLEL}")
    os.makedirs(folder, exist_ok=True)
    for name, text in parallel_workload().items():
        with open(os.path.join(folder, name), "w") as handle:
            handle.write(text)


if __name__ == "__main__":
    main()
