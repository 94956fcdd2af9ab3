#!/usr/bin/env bash
# procrun report and procrun history on a generated history (make-big-history.sh: COMMITS commits
# over PROCEDURES procedure files), against the baseline a user would otherwise script, `git log -p
# | grep` over the same commits, measured in the same run, rounds interleaved. Prints the median
# wall time and the peak memory of each, and procrun's ratio to the baseline.
#
#   bash benchmarks/history/bench.sh                 # 1,000 commits × 100 procedures, 7 rounds
#   SIZES="1000 4000" ROUNDS=5 bash benchmarks/history/bench.sh
#   PROCRUN=path/to/procrun bash benchmarks/history/bench.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
PROCRUN="${PROCRUN:-$root/.build-install/release/procrun}"
SIZES="${SIZES:-1000}"
PROCEDURES="${PROCEDURES:-100}"
ROUNDS="${ROUNDS:-7}"
[ -x "$PROCRUN" ] || { echo "no procrun at $PROCRUN (make install builds it; PROCRUN=path names another)" >&2; exit 2; }
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (/usr/bin/time): apt-get install time" >&2; exit 2; }

# One measurement: "seconds peak-KB" of a command run in the repository.
measure() {
  local out
  out="$( { /usr/bin/time -f "%e %M" "$@" > /dev/null; } 2>&1 | tail -n 1)"
  echo "$out"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

printf '| history | workload | procrun | `git log -p \\| grep` | ratio | procrun peak memory | baseline peak memory |\n'
printf '| --- | --- | ---: | ---: | ---: | ---: | ---: |\n'
for commits in $SIZES; do
  repo="${TMPDIR:-/tmp}/procrun-bench-history-$commits-$PROCEDURES"
  if [ ! -d "$repo/.git" ]; then
    rm -rf "$repo"
    bash "$here/make-big-history.sh" "$repo" "$commits" "$PROCEDURES" > /dev/null
  fi
  # The file with the most commits: the longest single history.
  one="$(cd "$repo" && git log --first-parent --format= --name-only -- procedures | grep -v 'procrun.yaml$' | sort | uniq -c | sort -rn | awk 'NR == 1 { print $2 }')"
  declare -A times=() memory=()
  for round in $(seq "$ROUNDS"); do
    # The report reads every commit's stats; the baseline greps every commit's patch for them.
    read -r t m < <(cd "$repo" && measure "$PROCRUN" report --since 2000-01-01 --format json)
    times[report]+="$t "; memory[report]="$m"
    read -r t m < <(cd "$repo" && measure sh -c 'git log -p --first-parent -m --since=2000-01-01 -- procedures | grep -E "^\+  (execution_count|successes|failures|total_duration_ms):"')
    times[baseline]+="$t "; memory[baseline]="$m"
    read -r t m < <(cd "$repo" && measure "$PROCRUN" history "$one" --json)
    times[history]+="$t "; memory[history]="$m"
    read -r t m < <(cd "$repo" && measure sh -c "git log -p --first-parent -m --follow -- $one | grep -E '^\+  (execution_count|successes|failures|total_duration_ms):'")
    times[baseline1]+="$t "; memory[baseline1]="$m"
  done
  med() { tr ' ' '\n' <<< "${times[$1]}" | grep . | median; }
  r="$(med report)"; b="$(med baseline)"; h="$(med history)"; b1="$(med baseline1)"
  ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
  printf '| %s commits × %s procedures | `report --format json` (whole history) | %s s | %s s | %s | %s MB | %s MB |\n' \
    "$commits" "$PROCEDURES" "$r" "$b" "$(ratio "$r" "$b")" "$((memory[report] / 1024))" "$((memory[baseline] / 1024))"
  printf '| %s commits × %s procedures | `history FILE --json` (one file, renames followed) | %s s | %s s | %s | %s MB | %s MB |\n' \
    "$commits" "$PROCEDURES" "$h" "$b1" "$(ratio "$h" "$b1")" "$((memory[history] / 1024))" "$((memory[baseline1] / 1024))"
  unset times memory
done
