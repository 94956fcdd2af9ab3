#!/usr/bin/env bash
# Times procrun against its peers on the same workloads, in one run, and prints the results table.
#   make bench                            # builds as 'make install' does, then runs this
#   bash benchmarks/compare.sh            # N = 1 10 100 1000 (and 10000 log steps)
#   PROCRUN=path/to/procrun bash benchmarks/compare.sh   # measure another build
#   QUICK=1 bash benchmarks/compare.sh    # fewer runs, for a smoke test
# Needs: hyperfine (Debian), rust-just and go-task-bin (PyPI); installed here when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
case "$root" in *" "*) echo "compare.sh: commands are split at spaces; run it from a path without any" >&2; exit 2 ;; esac
out="$root/benchmarks/.results"
rm -rf "$out" && mkdir -p "$out/bin"

bash scripts/ensure-libyaml.sh
command -v hyperfine >/dev/null || { apt-get install -y -qq hyperfine || { apt-get update -qq && apt-get install -y -qq hyperfine; }; }
pybin=$(python3 -c 'import sysconfig; print(sysconfig.get_path("scripts"))')
[ -x "$pybin/just" ] && [ -x "$pybin/task" ] || python3 -m pip install -q rust-just go-task-bin
just="$pybin/just"
task="$pybin/task"

echo "building procrun as 'make install' does, and the reference programs..." >&2
if [ -z "${PROCRUN:-}" ]; then
  make -s procrun >&2
  PROCRUN=.build-install/release/procrun
fi
procrun="$(cd "$(dirname "$PROCRUN")" && pwd)/$(basename "$PROCRUN")"
cc -O2 -o "$out/bin/spawn_loop" benchmarks/tools/spawn_loop.c
cc -O2 -o "$out/bin/yaml_walk" benchmarks/tools/yaml_walk.c $(pkg-config --cflags --libs yaml-0.1)
cc -O2 -o "$out/bin/durable_write" benchmarks/tools/durable_write.c
cc -O2 -o "$out/bin/interleave" benchmarks/tools/interleave.c
# Built the way procrun is installed (Makefile): optimized, a fully static executable.
# (Its link warns that glibc's dlopen needs the same glibc at run time; kept out of the output.)
swiftc -O -static-executable -o "$out/bin/empty_swift" benchmarks/tools/empty.swift 2>"$out/empty_swift.log" \
  || { cat "$out/empty_swift.log" >&2; exit 1; }
# In a scratch folder of its own: `make microbench` builds the same package without the static
# standard library, and SwiftPM does not relink when only that flag changes.
static=(-c release --static-swift-stdlib -Xswiftc -static-executable --package-path benchmarks --scratch-path benchmarks/.build-static)
swift build "${static[@]}" --product empty-parser >&2
cp "$(swift build "${static[@]}" --show-bin-path)/empty-parser" "$out/bin/"
readelf -l "$out/bin/empty-parser" | grep -q INTERP && { echo "compare.sh: empty-parser is not statically linked" >&2; exit 1; }
readelf -l "$procrun" | grep -q INTERP && echo "compare.sh: note: $procrun is dynamically linked, unlike 'make install'" >&2

python3 benchmarks/workloads.py "$out/work" 1 10 100 1000 10000
runs=${QUICK:+3}
runs=${runs:-10}
# Commands of a few milliseconds get more runs: on a shared VM their medians need them.
short=${QUICK:+10}
short=${short:-100}

# Runs the commands in turn, round after round (tools/interleave.c), so that the VM drifting during a
# measurement moves all of them alike; hyperfine (which runs one command's runs, then the next's)
# times only find, whose query has spaces and whose cold start needs --prepare.
bench() { # NAME, then -n TOOL COMMAND pairs; RUNS=N for another number of runs
  local name=$1
  shift
  local pairs=()
  while [ $# -gt 0 ]; do
    [ "$1" = -n ] || { echo "bench: expected -n TOOL COMMAND, found '$1'" >&2; exit 2; }
    pairs+=("$2" "$3")
    shift 3
  done
  "$out/bin/interleave" "${RUNS:-$runs}" 2 "$out/$name.json" "${pairs[@]}"
  echo "  measured $name" >&2
}

for kind in true echo log; do
  for n in 1 10 100 1000; do
    dir="$out/work/$kind-$n"
    commands=(-n procrun "$procrun $dir/procedure.yaml --quiet --no-learn"
      -n sh "sh $dir/steps.sh"
      -n just "$just --justfile $dir/justfile --working-directory $dir run"
      -n go-task "$task --taskfile $dir/Taskfile.yml --dir $dir run")
    [ "$kind" = true ] && commands+=(-n posix_spawn "$out/bin/spawn_loop $n /bin/true")
    bench "$kind-$n" "${commands[@]}"
  done
done
# Concurrency: 8 independent `sleep 0.2` steps at once (procrun's parallel group, sh's `&` and
# `wait`, just's [parallel] dependencies, go-task's deps); one sleep, 200 ms, is the floor.
dir="$out/work/parallel-8"
bench parallel-8 -n procrun "$procrun $dir/procedure.yaml --quiet --no-learn" -n sh "sh $dir/steps.sh" \
  -n just "$just --justfile $dir/justfile --working-directory $dir run" \
  -n go-task "$task --taskfile $dir/Taskfile.yml --dir $dir run"
bench log-10000 -n procrun "$procrun $out/work/log-10000/procedure.yaml --quiet --no-learn"
# Start-up: an empty Swift program, one that only runs swift-argument-parser (the floor of any
# command line built on it), and an empty C program (/bin/true), the start-up the C tools pay.
RUNS=$short bench version -n empty_swift "$out/bin/empty_swift" -n empty_parser "$out/bin/empty-parser --version" \
  -n procrun "$procrun --version" -n empty_c /bin/true
RUNS=$short bench check-1000 -n libyaml_walk "$out/bin/yaml_walk $out/work/true-1000/procedure.yaml" \
  -n procrun "$procrun check $out/work/true-1000/procedure.yaml"

# Learning: the same 1000-step run with the stats written, and with --no-learn, on a file that
# already holds its stats block (one learning run first), with built-in steps so that no process
# start hides the difference.
cp "$out/work/log-1000/procedure.yaml" "$out/learn.yaml"
"$procrun" "$out/learn.yaml" --quiet
RUNS=$short bench learn-1000 -n no-learn "$procrun $out/learn.yaml --quiet --no-learn" -n learn "$procrun $out/learn.yaml --quiet"
# What the learning layer's rules cost at the least on this machine: the durable replacement of the
# file (lock, temporary file, fsync, rename, fsync of the folder) and libyaml's walk of the result
# (the re-parse the rules require before the file is replaced), each less an empty C program.
RUNS=$short bench learn-floor -n durable_write "$out/bin/durable_write $out/learn.yaml" \
  -n libyaml_walk "$out/bin/yaml_walk $out/learn.yaml" -n empty_c /bin/true

# find on a library of 10,000 procedures: cold (no index cache) and warm (nothing changed).
python3 benchmarks/workloads.py library "$out/library" 10000
query="rotate the database certificates in production"
hyperfine -N --warmup 1 --runs "$runs" --export-json "$out/find-cold.json" \
  --prepare "rm -rf $out/library/.procrun" -n cold "$procrun find '$query' --library $out/library" >/dev/null
echo "  measured find-cold" >&2
hyperfine -N --warmup 2 --runs "$runs" --export-json "$out/find-warm.json" \
  -n warm "$procrun find '$query' --library $out/library" >/dev/null
echo "  measured find-warm" >&2

# Peak memory of checking a 10,000-step file: the largest resident set of the one child.
python3 -c 'import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' \
  "$procrun" check "$out/work/true-10000/procedure.yaml" >"$out/check-10000.rss"
python3 benchmarks/report.py "$out"
