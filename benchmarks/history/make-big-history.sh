#!/usr/bin/env bash
# make-big-history.sh DEST [COMMITS=1000] [PROCEDURES=100]
#
# Builds a large synthetic git repository at DEST (which must not exist, or be an empty folder)
# for benchmarking `procrun history` and `procrun report`: a library of PROCEDURES procedure files
# in procedures/TEAM/, six steps each (all with ids), and COMMITS commits in all from 2026-01-05
# on, written with one `git fast-import` stream (a few seconds for 1000 x 100).
#
# - The first commit adds the library (no stats), with the .gitattributes and .gitignore lines
#   `procrun git-setup` writes. Every later commit records runs of 3 to 10 procedures: their stats
#   blocks are rewritten in procrun's one format (grammar.md, "The stats block"), cumulative, with
#   failures (each procedure has one flaky step), time-outs and skipped steps.
# - Every 50 commits a short side branch (side/N) is forked from main: two commits on it and one on
#   main meanwhile, both drawing from the same dozen procedures, then a merge commit whose blocks
#   hold base + both sides' increases, as procrun's merge driver writes them (its run id is not the
#   driver's: any eight hex digits).
# - Every 250 commits one procedure is renamed (file and name, the old name kept as an alias).
#
# Everything is drawn from a fixed-seed generator (Park-Miller, in awk), so the same arguments give
# the same repository, commit ids included, on any awk.
#
# At the end it runs `procrun check` and `procrun stats` on the final tree, with $PROCRUN, else
# `procrun` on PATH, else this repository's .build/{release,debug}/procrun (skipped, with a note,
# when there is none), and prints how many commits and files it made.
set -euo pipefail

if [[ $# -lt 1 || $# -gt 3 ]]; then
    echo "usage: $0 DEST [COMMITS=1000] [PROCEDURES=100]" >&2
    exit 2
fi
DEST=$1
COMMITS=${2:-1000}
PROCEDURES=${3:-100}
if ! [[ $COMMITS =~ ^[0-9]+$ && $COMMITS -ge 2 && $PROCEDURES =~ ^[0-9]+$ && $PROCEDURES -ge 12 ]]; then
    echo "$0: COMMITS must be at least 2 and PROCEDURES at least 12" >&2
    exit 2
fi
if [[ -e $DEST ]] && [[ -n $(ls -A "$DEST") ]]; then
    echo "$0: '$DEST' exists and is not empty" >&2
    exit 2
fi
HERE=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$DEST"
DEST=$(cd "$DEST" && pwd)

unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_OBJECT_DIRECTORY PROCRUN_LIBRARY PROCRUN_LEARN
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 TZ=UTC LC_ALL=C NO_COLOR=1

start=$SECONDS
git -C "$DEST" -c init.defaultBranch=main init -q

# 2026-01-05T08:00:00Z
EPOCH0=1767600000

PROGRAM=$(
    cat <<'AWK'
# ---- a portable fixed-seed generator: Park-Miller, exact in double arithmetic
function rnd() { seed = (seed * 16807) % 2147483647; return seed / 2147483647 }
function pick(n) { return int(rnd() * n) + 1 }
function hex8() { return sprintf("%04x%04x", int(rnd() * 65536), int(rnd() * 65536)) }

# ---- UTC ISO 8601 from seconds since 1970 (days to civil date, Howard Hinnant)
function iso(t,    days, secs, z, era, doe, yoe, y, doy, mp, d, m) {
    days = int(t / 86400); secs = t - days * 86400
    z = days + 719468; era = int(z / 146097); doe = z - era * 146097
    yoe = int((doe - int(doe / 1460) + int(doe / 36524) - int(doe / 146096)) / 365)
    y = yoe + era * 400; doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100))
    mp = int((5 * doy + 2) / 153); d = doy - int((153 * mp + 2) / 5) + 1
    m = mp < 10 ? mp + 3 : mp - 9; if (m <= 2) y++
    return sprintf("%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, int(secs / 3600), int(secs % 3600 / 60), secs % 60)
}

function data(text) { printf "data %d\n%s\n", length(text), text }

function rate(part, whole,    th) {
    th = whole > 0 ? int((part * 1000 + int(whole / 2)) / whole) : 0
    return sprintf("%d.%03d", int(th / 1000), th % 1000)
}

# ---- the library
function authored(i,    text, j) {
    text = "# " desc[i] "\nname: " name[i] "\n"
    if (alias[i] != "") text = text "aliases: [" alias[i] "]\n"
    text = text "description: " desc[i] "\ntags: [" team[i] ", generated]\n\n"
    text = text "inputs:\n  notify:\n    type: boolean\n    default: false\n\nsteps:\n"
    for (j = 1; j <= 6; j++) {
        text = text "  - id: " sid[i, j] "\n    action: shell\n    parameters: {command: \"echo " sid[i, j] " for " name[i] "\"}\n"
        if (tmo[i, j] != "") text = text "    timeout: " tmo[i, j] "\n"
        if (j == 6) text = text "    when: inputs.notify\n"
        if (j < 6) text = text "\n"
    }
    return text
}
function path(i) { return "procedures/" team[i] "/" name[i] ".yaml" }

# The stats block of procedure i on branch b (M main, S side, B base of the side branch).
function block(b, i,    text, j, ec) {
    ec = st[b, i, "ec"] + 0
    text = "stats:\n  execution_count: " ec "\n  successes: " (st[b, i, "sc"] + 0) "\n  failures: " (st[b, i, "fc"] + 0) \
        "\n  success_rate: " rate(st[b, i, "sc"] + 0, ec) "\n  total_duration_ms: " (st[b, i, "td"] + 0) \
        "\n  avg_duration_ms: " (ec > 0 ? int((2 * st[b, i, "td"] + ec) / (2 * ec)) : 0) \
        "\n  last_executed: \"" st[b, i, "last"] "\"  # run " st[b, i, "rid"] "\n  steps:\n"
    for (j = 1; j <= 6; j++) {
        if (st[b, i, j, "r"] + st[b, i, j, "k"] == 0) continue
        text = text "    " sid[i, j] ": {runs: " (st[b, i, j, "r"] + 0) ", successes: " (st[b, i, j, "s"] + 0) \
            ", failures: " (st[b, i, j, "f"] + 0) ", skips: " (st[b, i, j, "k"] + 0) ", total_duration_ms: " (st[b, i, j, "t"] + 0)
        if (st[b, i, j, "o"] > 0) text = text ", timeouts: " st[b, i, j, "o"]
        if (st[b, i, j, "e"] != "") text = text ", last_error: \"" st[b, i, j, "e"] "\""
        text = text "}\n"
    }
    return text
}
function file(b, i) { return authored(i) (st[b, i, "ec"] > 0 ? block(b, i) : "") }

# Copies procedure i from one branch to another: done for the procedures a side branch window
# draws from, before either side first changes them (so B holds them as they were at the fork).
function copy(from, to, i,    j, k) {
    for (k in pf) st[to, i, k] = st[from, i, k]
    for (j = 1; j <= 6; j++) for (k in sf) st[to, i, j, k] = st[from, i, j, k]
}

# One run of procedure i on branch b, ending at time t.
function run(b, i, t,    j, ms, total, failed, code) {
    total = 0; failed = 0
    for (j = 1; j <= 6 && !failed; j++) {
        if (j == 6 && rnd() < 0.6) { st[b, i, j, "k"]++; continue }
        ms = int(base[i, j] * (0.7 + 0.6 * rnd()))
        if (rnd() < (j == flaky[i] ? flakiness[i] : 0.004)) {
            failed = 1
            if (tmo[i, j] != "" && rnd() < 0.35) {
                ms = tmoms[i, j] + pick(40); st[b, i, j, "o"]++; st[b, i, j, "e"] = "timed out after " tmoshown[i, j]
            } else {
                code = codes[pick(5)]; st[b, i, j, "e"] = "expected exit code 0, got " code
            }
            st[b, i, j, "f"]++
        } else st[b, i, j, "s"]++
        st[b, i, j, "r"]++; st[b, i, j, "t"] += ms; total += ms
    }
    st[b, i, "ec"]++; st[b, i, failed ? "fc" : "sc"]++; st[b, i, "td"] += total + 40
    st[b, i, "last"] = iso(t); st[b, i, "rid"] = hex8()
    ran++
}

# A commit on ref with the files of the procedures in list (space-separated), from b state.
function commit(ref, b, message, list, parent, merged,    n, k, who, m, i) {
    mark++
    who = people[pick(4)]
    print "commit " ref; print "mark :" mark
    print "author " who " " now " +0000"; print "committer Platform CI <ci@bench.example> " now " +0000"
    data(message)
    if (parent != "") print "from :" parent
    if (merged != "") print "merge :" merged
    n = split(list, m, " ")
    for (k = 1; k <= n; k++) { i = m[k]; print "M 100644 inline " path(i); data(file(b, i)) }
    made++
    return mark
}

# Runs of 3 to 10 procedures on branch b (drawn from the window set when one is open): returns the
# procedures touched, space-separated, and sets summary.
function record(b,    n, k, i, list, seen, t, fails, before, parts) {
    n = 2 + pick(8); list = ""; fails = 0; delete seen
    t = now - 60 * (n + 1) * 7
    for (k = 1; k <= n; k++) {
        i = window ? hot[pick(12)] : pick(procs)
        if (i in seen) continue
        seen[i] = 1
        if (window && snapped[i] != side) { copy("M", "S", i); copy("M", "B", i); snapped[i] = side }
        before = st[b, i, "fc"]
        t += 60 * 7 + pick(300); run(b, i, t)
        fails += st[b, i, "fc"] - before
        list = list (list == "" ? "" : " ") i
    }
    summary = split(list, parts, " ") " procedures, " fails " failed runs"
    return list
}

BEGIN {
    seed = 42
    split("fetch build test package push deploy migrate verify notify rollback backup restore scan lint sync rotate index compact", verbs, " ")
    split("api web worker db cache queue search billing auth mail cdn dns ledger reports", nouns, " ")
    split("platform data payments identity growth", teams, " ")
    split("checkout deps compile unit integration bundle sign upload apply smoke wait report cleanup announce", stepnames, " ")
    split("1 2 7 22 255", codes, " ")
    people[1] = "Platform CI <ci@bench.example>"; people[2] = "Dana Okafor <dana@bench.example>"
    people[3] = "Leo Brandt <leo@bench.example>"; people[4] = "Mina Sato <mina@bench.example>"
    split("ec sc fc td last rid", tmp, " "); for (k in tmp) pf[tmp[k]] = 1
    split("r s f k t o e", tmp, " "); for (k in tmp) sf[tmp[k]] = 1

    for (i = 1; i <= procs; i++) {
        name[i] = sprintf("%s_%s_%03d", verbs[pick(18)], nouns[pick(14)], i)
        team[i] = teams[(i - 1) % 5 + 1]; alias[i] = ""
        desc[i] = "Generated procedure " i " of the " team[i] " team."
        # six distinct step ids, in a drawn order
        delete used
        for (j = 1; j <= 6; j++) {
            do { s = stepnames[pick(14)] } while (s in used)
            used[s] = 1; sid[i, j] = s
            base[i, j] = 200 + pick(60000)
            tmo[i, j] = ""
            if (rnd() < 0.3) {
                # written as people write it (90s, 10m); named in errors as procrun shows durations (1m30s)
                k = 30 * pick(20); tmo[i, j] = (k % 60 == 0 ? k / 60 "m" : k "s"); tmoms[i, j] = k * 1000
                tmoshown[i, j] = k < 60 ? k "s" : (k % 60 == 0 ? k / 60 "m" : sprintf("%dm%02ds", int(k / 60), k % 60))
            }
        }
        flaky[i] = pick(5); flakiness[i] = rnd() * 0.3
        st["M", i, "ec"] = 0
    }

    now = epoch0; window = 0; side = 0; ran = 0; made = 0; merges = 0; renames = 0
    # the first commit: the library, .gitattributes and .gitignore as procrun git-setup writes them
    mark++; made++
    print "commit refs/heads/main"; print "mark :" mark
    print "author Dana Okafor <dana@bench.example> " now " +0000"; print "committer Platform CI <ci@bench.example> " now " +0000"
    data("Add the generated procedure library (" procs " procedures)")
    print "M 100644 inline .gitattributes"
    data("procedures/**/*.yaml merge=procrun\nprocedures/**/*.yml merge=procrun\nprocedures/**/.*/** !merge\nprocedures/procrun.yaml !merge")
    print "M 100644 inline .gitignore"; data(".procrun/")
    print "M 100644 inline procedures/procrun.yaml"
    data("# A generated library for benchmarks.\ndefaults:\n  timeout: 30m")
    for (i = 1; i <= procs; i++) { print "M 100644 inline " path(i); data(file("M", i)) }
    mainmark = mark

    for (c = 2; c <= commits; c++) {
        now += 1200 + pick(8400)
        pos = c % 50
        if (pos == 45 && c + 4 <= commits) {
            # fork a side branch after this main commit
            l = record("M"); mainmark = commit("refs/heads/main", "M", "ci: record runs (" summary ")", l, "", "")
            side++; window = 1; forkmark = mainmark; delete sidetouched
            for (k = 1; k <= 12; k++) hot[k] = pick(procs)
            sideref = "refs/heads/side/" side
            continue
        }
        if (window && (pos == 46 || pos == 48)) {
            l = record("S")
            n = split(l, m, " "); for (k = 1; k <= n; k++) sidetouched[m[k]] = 1
            sidemark = commit(sideref, "S", "ci: record runs on side/" side " (" summary ")", l, pos == 46 ? forkmark : "", "")
            continue
        }
        if (window && pos == 49) {
            # the merge: base + main's increase + the side's increase, as the driver adds them up
            # (in the order of the procedures, so that the stream is the same on every awk)
            l = ""
            for (i = 1; i <= procs; i++) {
                if (!(i in sidetouched)) continue
                for (k in pf) if (k != "last" && k != "rid") st["M", i, k] += st["S", i, k] - st["B", i, k]
                if (st["S", i, "last"] > st["M", i, "last"]) st["M", i, "last"] = st["S", i, "last"]
                st["M", i, "rid"] = hex8()
                for (j = 1; j <= 6; j++) {
                    for (k in sf) if (k != "e") st["M", i, j, k] += st["S", i, j, k] - st["B", i, j, k]
                    if (st["S", i, j, "e"] != st["B", i, j, "e"]) st["M", i, j, "e"] = st["S", i, j, "e"]
                }
                l = l (l == "" ? "" : " ") i
            }
            mainmark = commit("refs/heads/main", "M", "Merge branch 'side/" side "'", l, "", sidemark)
            merges++; window = 0
            continue
        }
        if (c % 250 == 120) {
            # rename a procedure: the file and its name, the old name kept as an alias
            i = pick(procs); old = path(i)
            alias[i] = name[i]; name[i] = name[i] "_v2"
            mark++; made++; renames++
            print "commit refs/heads/main"; print "mark :" mark
            print "author Dana Okafor <dana@bench.example> " now " +0000"; print "committer Platform CI <ci@bench.example> " now " +0000"
            data("Rename " alias[i] " to " name[i])
            print "R " old " " path(i)
            print "M 100644 inline " path(i); data(file("M", i))
            mainmark = mark
            continue
        }
        l = record("M"); mainmark = commit("refs/heads/main", "M", "ci: record runs (" summary ")", l, "", "")
    }
    printf "%d %d %d %d\n", made, merges, renames, ran > "/dev/stderr"
}
AWK
)
awk -v commits="$COMMITS" -v procs="$PROCEDURES" -v epoch0="$EPOCH0" "$PROGRAM" 2>"$DEST/.git/generated" | git -C "$DEST" fast-import --quiet
read -r made merges renames runs <"$DEST/.git/generated"
rm -f "$DEST/.git/generated"
git -C "$DEST" reset -q --hard main
generated=$((SECONDS - start))

files=$(git -C "$DEST" ls-files | wc -l)
procedure_files=$(git -C "$DEST" ls-files 'procedures/*.yaml' | grep -vc '^procedures/procrun.yaml$' || true)
first_parent=$(git -C "$DEST" rev-list --first-parent --count main)
echo "$DEST: $made commits ($first_parent on main's first-parent line, $merges merges of side branches, $renames renames), $runs runs recorded; $files files ($procedure_files procedure files); generated in ${generated}s"

# The final tree must check, and every block must read.
PROCRUN=${PROCRUN:-$(command -v procrun || true)}
for candidate in "$HERE/../../.build/release/procrun" "$HERE/../../.build/debug/procrun"; do
    if [[ -z $PROCRUN && -x $candidate ]]; then PROCRUN=$candidate; fi
done
if [[ -z $PROCRUN ]]; then
    echo "note: no procrun found (set PROCRUN=path): the library was not checked" >&2
    exit 0
fi
if ! (cd "$DEST" && "$PROCRUN" check -l procedures >"$DEST/.git/check.err" 2>&1); then
    grep -v '^ok: ' "$DEST/.git/check.err" | head -40 >&2
    echo "$0: procrun check failed on $DEST/procedures" >&2
    exit 1
fi
if ! (cd "$DEST" && "$PROCRUN" stats -l procedures >/dev/null 2>"$DEST/.git/check.err") || [[ -s $DEST/.git/check.err ]]; then
    head -40 "$DEST/.git/check.err" >&2
    echo "$0: procrun stats failed on $DEST/procedures" >&2
    exit 1
fi
rm -f "$DEST/.git/check.err"
echo "procrun check and procrun stats pass on the final tree ($PROCRUN)"
