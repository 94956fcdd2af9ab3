#!/usr/bin/env python3
"""Reads compare.sh's hyperfine results and prints the results table in Markdown.
Usage: report.py RESULTS_DIR"""
import json
import os
import sys

out = sys.argv[1]


def means(name):
    """Tool name -> median wall time in milliseconds, for one hyperfine run (the median, not the
    mean: on a shared VM one slow run in ten moves a mean by 20-30%)."""
    with open(os.path.join(out, name + ".json")) as handle:
        return {r["command"]: r["median"] * 1000 for r in json.load(handle)["results"]}


def row(*cells):
    print("| " + " | ".join(cells) + " |")


def verdict(value, limit, lower_is_better=True):
    ok = value <= limit if lower_is_better else value >= limit
    return "met" if ok else f"missed by {value / limit:.2f}×"


print("### Cost per step and start-up (linear fit over N = 1, 10, 100, 1000)\n")
row("workload", "tool", "start-up (ms)", "per step (µs)", "N=1000 total (ms)", "procrun ÷ tool at N=1000")
row(*["---"] * 6)
totals = {}
for kind in ("true", "echo", "log"):
    runs = {n: means(f"{kind}-{n}") for n in (1, 10, 100, 1000)}
    for tool in runs[1000]:
        xs = [1, 10, 100, 1000]
        ys = [runs[n][tool] for n in xs]
        mx, my = sum(xs) / 4, sum(ys) / 4
        slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
        start = my - slope * mx
        total = runs[1000][tool]
        totals[(kind, tool)] = total
        ratio = runs[1000]["procrun"] / total
        row(kind, tool, f"{start:.1f}", f"{slope * 1000:.0f}", f"{total:.1f}", "—" if tool == "procrun" else f"{ratio:.2f}×")

print("\n### 8 independent `sleep 0.2` steps at once (procrun's `parallel` group, max 8)\n")
print("One sleep, 200 ms, is the floor: what a tool takes above it is its start-up and the cost of")
print("starting, waiting for and collecting eight processes at once.\n")
row("tool", "median (ms)", "over the 200 ms floor (ms)", "procrun ÷ tool")
row(*["---"] * 4)
concurrent = means("parallel-8")
for tool, total in concurrent.items():
    ratio = "—" if tool == "procrun" else f"{concurrent['procrun'] / total:.2f}×"
    row(tool, f"{total:.1f}", f"{total - 200:.1f}", ratio)

print("\n### Targets\n")
row("target", "measured", "limit", "verdict")
row(*["---"] * 4)
for kind, tool, limit in (("true", "posix_spawn", 1.15), ("true", "just", 0.6), ("true", "go-task", 0.7), ("echo", "just", 0.6)):
    ratio = totals[(kind, "procrun")] / totals[(kind, tool)]
    label = "/bin/true" if kind == "true" else "templated echo"
    row(f"1000 {label} steps vs {tool}", f"{ratio:.2f}×", f"≤ {limit}×", verdict(ratio, limit))
for tool in ("go-task", "just"):
    ratio = concurrent["procrun"] / concurrent[tool]
    row(f"8 × `sleep 0.2` in a parallel group vs {tool} (floor 200 ms)",
        f"{ratio:.2f}× ({concurrent['procrun']:.0f} vs {concurrent[tool]:.0f} ms)", "≤ 1.2×", verdict(ratio, 1.2))
log = means("log-10000")["procrun"]
log1 = means("log-1")["procrun"]
per = (log - log1) / 9999 * 1000
row("10,000 `log` steps, per step", f"{per:.1f} µs", "< 10 µs", verdict(per, 10))
version = means("version")
ratio = version["procrun"] / version["empty_swift"]
row("`procrun --version` vs an empty Swift program", f"{ratio:.2f}× ({version['procrun']:.1f} vs {version['empty_swift']:.1f} ms)", "≤ 1.1×", verdict(ratio, 1.1))
check = means("check-1000")
ratio = check["procrun"] / check["libyaml_walk"]
row("`procrun check`, 1000 steps, vs libyaml's event walk", f"{ratio:.2f}× ({check['procrun']:.1f} vs {check['libyaml_walk']:.1f} ms)", "≤ 3×", verdict(ratio, 3))
with open(os.path.join(out, "check-10000.rss")) as handle:
    rss = int(handle.read()) / 1024
row("`procrun check`, 10,000 steps, peak memory", f"{rss:.1f} MB", "< 64 MB", verdict(rss, 64))
cold = means("find-cold")["cold"]
row("`find` on 10,000 procedures, cold (no cache)", f"{cold:.0f} ms", "< 1000 ms", verdict(cold, 1000))
warm = means("find-warm")["warm"]
row("`find` on 10,000 procedures, warm (nothing changed)", f"{warm:.0f} ms", "< 100 ms", verdict(warm, 100))
learn = means("learn-1000")
extra = learn["learn"] - learn["no-learn"]
row("learning on a 1000-step run", f"+{extra:.2f} ms", "≤ 2 ms", verdict(extra, 2))

print("\n### What the missed targets are bound by (same run)\n")
print("Each line sets the part of a target procrun controls against the least the rest costs here:")
print("the start-up of any command line built on swift-argument-parser (which the project requires),")
print("libyaml's own walk, and the durable write the learning layer's rules require.\n")
row("measure", "procrun", "floor", "procrun ÷ floor")
row(*["---"] * 4)
row("`--version` vs a program that only runs swift-argument-parser", f"{version['procrun']:.2f} ms",
    f"{version['empty_parser']:.2f} ms", f"{version['procrun'] / version['empty_parser']:.2f}×")
row("swift-argument-parser's own start-up over an empty Swift program", f"{version['empty_parser']:.2f} ms",
    f"{version['empty_swift']:.2f} ms", f"{version['empty_parser'] / version['empty_swift']:.2f}×")
work = check["procrun"] - version["procrun"]
walk = check["libyaml_walk"] - version["empty_c"]
row("`check` of 1000 steps after start-up vs libyaml's walk after an empty C program's", f"{work:.2f} ms",
    f"{walk:.2f} ms", f"{work / walk:.2f}×")
floor = means("learn-floor")
durable = floor["durable_write"] - floor["empty_c"]
reparse = floor["libyaml_walk"] - floor["empty_c"]
row("learning on a 1000-step run vs a durable write plus libyaml's walk of the result",
    f"+{extra:.2f} ms", f"{durable:.2f} + {reparse:.2f} = {durable + reparse:.2f} ms", f"{extra / (durable + reparse):.2f}×")
