#!/usr/bin/env bash
# make-history.sh PROCRUN DEST
#
# Builds a git repository at DEST (which must not exist, or be an empty folder) holding a small
# procedure library in procedures/ with a scripted, fully deterministic history from September to
# November 2026: the test data of `procrun history` and `procrun report`. EXPECTED.md beside this
# script lists what every commit of main's first-parent line adds to each procedure's stats.
#
# Runs are recorded the way procrun records them, without running anything: `record` adds one run
# to a procedure's stats block, reading the block the file holds and rewriting it in procrun's one
# format (grammar.md, "The stats block"). Identity, dates and run ids are fixed, so the commit ids
# are the same on every run (for one version of procrun: git-setup's .gitattributes and the merge
# driver's output are part of the history).
#
# The two merges are made by `git merge --no-ff` with procrun's merge driver installed by
# `procrun git-setup`; the script checks that the driver added both sides' runs up exactly.
# Set HISTORY_LOG=FILE to get the list of recorded runs and commits (one `|`-separated line each).
set -euo pipefail

if [[ $# -ne 2 ]]; then
    echo "usage: $0 PROCRUN DEST" >&2
    exit 2
fi
PROCRUN=$1
DEST=$2
if [[ $PROCRUN != */* ]]; then PROCRUN=$(command -v "$PROCRUN" || true); fi
if [[ -z $PROCRUN || ! -x $PROCRUN ]]; then
    echo "$0: '$1' is not an executable procrun" >&2
    exit 2
fi
PROCRUN=$(cd "$(dirname "$PROCRUN")" && pwd)/$(basename "$PROCRUN")
if [[ -e $DEST ]] && [[ -n $(ls -A "$DEST") ]]; then
    echo "$0: '$DEST' exists and is not empty" >&2
    exit 2
fi
mkdir -p "$DEST"
DEST=$(cd "$DEST" && pwd)
LOG=${HISTORY_LOG:-/dev/null}
: >"$LOG"

# Nothing of the caller's git or procrun set-up may leak in.
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_OBJECT_DIRECTORY GIT_ALTERNATE_OBJECT_DIRECTORIES \
    GIT_CEILING_DIRECTORIES GIT_NAMESPACE GIT_TEMPLATE_DIR PROCRUN_LIBRARY PROCRUN_LEARN
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 GIT_TERMINAL_PROMPT=0 GIT_MERGE_AUTOEDIT=no
export TZ=UTC LC_ALL=C NO_COLOR=1
export GIT_COMMITTER_NAME="Platform CI" GIT_COMMITTER_EMAIL="ci@platform.example"

cd "$DEST"
git -c init.defaultBranch=main init -q
git config commit.gpgsign false
git config core.autocrlf false
git config merge.conflictStyle merge

# Authors: the CI bot records runs; people change procedures.
CI="Platform CI <ci@platform.example>"
DANA="Dana Okafor <dana@platform.example>"
LEO="Leo Brandt <leo@platform.example>"

# ---------------------------------------------------------------------------------------------
# Recording runs

# The awk program behind `record`: reads a procedure file, adds one run to its stats block (or
# appends a block), and prints the file. Steps are keyed by their ids, listed in the file's step
# order, orphans after them (as procrun writes them).
#   -v when=ISO -v runid=HEX8 -v runms=N -v spec="STEP=OUTCOME[:MS[:ERROR]]<US>..." (US = \037)
#   OUTCOME: ok, fail, timeout (a failure that is a time-out), skip (its `when` was false).
RECORD_AWK=$(
    cat <<'AWK'
function num(text) { sub(/^[^:]*: */, "", text); return text + 0 }
function round_avg(total, count) { return count > 0 ? int((2 * total + count) / (2 * count)) : 0 }
function rate(part, whole,    th) {
    th = whole > 0 ? int((part * 1000 + int(whole / 2)) / whole) : 0
    return sprintf("%d.%03d", int(th / 1000), th % 1000)
}
function know(key) { if (!(key in R)) { R[key] = S[key] = F[key] = K[key] = T[key] = O[key] = 0; order[++nkeys] = key } }
{ line[NR] = $0 }
END {
    n = NR; start = 0
    for (i = 1; i <= n; i++) if (line[i] ~ /^stats:/) { start = i; break }
    top = start ? start - 1 : n
    nid = 0
    for (i = 1; i <= top; i++) if (line[i] ~ /^  - id: /) { v = line[i]; sub(/^  - id: */, "", v); sub(/ *$/, "", v); ids[++nid] = v; isid[v] = 1 }
    ec = sc = fc = td = 0; nkeys = 0
    if (start) for (i = start + 1; i <= n; i++) {
        l = line[i]
        if (l ~ /^  execution_count: /) ec = num(l)
        else if (l ~ /^  successes: /) sc = num(l)
        else if (l ~ /^  failures: /) fc = num(l)
        else if (l ~ /^  total_duration_ms: /) td = num(l)
        else if (l ~ /^    [^ ]+: \{/) {
            key = l; sub(/^ +/, "", key); sub(/: \{.*$/, "", key)
            body = l; sub(/^[^{]*\{/, "", body); sub(/\}$/, "", body)
            know(key)
            p = index(body, ", last_error: \"")
            if (p) { err = substr(body, p + 15); sub(/"$/, "", err); E[key] = err; body = substr(body, 1, p - 1) }
            m = split(body, parts, ", ")
            for (j = 1; j <= m; j++) {
                name = parts[j]; sub(/:.*$/, "", name); value = num(parts[j])
                if (name == "runs") R[key] = value; else if (name == "successes") S[key] = value
                else if (name == "failures") F[key] = value; else if (name == "skips") K[key] = value
                else if (name == "total_duration_ms") T[key] = value; else if (name == "timeouts") O[key] = value
            }
        }
    }
    failed = 0
    m = split(spec, specs, "\037")
    for (j = 1; j <= m; j++) {
        s = specs[j]; key = substr(s, 1, index(s, "=") - 1); rest = substr(s, index(s, "=") + 1)
        if (!(key in isid)) { print "record: no step '" key "' in " FILENAME > "/dev/stderr"; exit 3 }
        know(key)
        outcome = rest; sub(/:.*$/, "", outcome)
        if (outcome == "skip") { K[key]++; continue }
        rest = substr(rest, length(outcome) + 2); ms = rest; sub(/:.*$/, "", ms)
        R[key]++; T[key] += ms
        if (outcome == "ok") S[key]++
        else {
            F[key]++; failed = 1; E[key] = substr(rest, length(ms) + 2)
            if (outcome == "timeout") O[key]++
        }
    }
    ec++; td += runms; if (failed) fc++; else sc++
    for (i = 1; i <= top; i++) print line[i]
    print "stats:"
    print "  execution_count: " ec
    print "  successes: " sc
    print "  failures: " fc
    print "  success_rate: " rate(sc, ec)
    print "  total_duration_ms: " td
    print "  avg_duration_ms: " round_avg(td, ec)
    print "  last_executed: \"" when "\"  # run " runid
    print "  steps:"
    for (i = 1; i <= nid; i++) if (ids[i] in R) row(ids[i])
    for (i = 1; i <= nkeys; i++) if (!(order[i] in isid)) row(order[i])
}
function row(key,    text) {
    text = "    " key ": {runs: " R[key] ", successes: " S[key] ", failures: " F[key] ", skips: " K[key] ", total_duration_ms: " T[key]
    if (O[key] > 0) text = text ", timeouts: " O[key]
    if (key in E) text = text ", last_error: \"" E[key] "\""
    print text "}"
}
AWK
)

BRANCH=main
LAST_MS=0

# record NAME WHEN STEP=OUTCOME[:MS[:ERROR]]...: one run of procedures/NAME.yaml that ended at
# WHEN (UTC). The run took its steps' time plus 40 ms of procrun's own; LAST_MS is set to it, the
# duration a calling step records for this run.
record() {
    local name=$1 when=$2
    shift 2
    local file=procedures/$name.yaml spec joined="" sum=0 rest ok=1 failed=""
    for spec in "$@"; do
        rest=${spec#*=}
        if [[ ${rest%%:*} != skip ]]; then
            rest=${rest#*:}
            sum=$((sum + ${rest%%:*}))
        fi
        if [[ ${spec#*=} == fail:* ]]; then
            ok=0
            failed+=${failed:+,}${spec%%=*}
        elif [[ ${spec#*=} == timeout:* ]]; then
            ok=0
            failed+=${failed:+,}${spec%%=*}:timeout
        fi
        joined+=${joined:+$'\037'}$spec
    done
    LAST_MS=$((sum + 40))
    local runid
    runid=$(printf '%s|%s' "$name" "$when" | sha256sum | cut -c1-8)
    awk -v when="$when" -v runid="$runid" -v runms="$LAST_MS" -v spec="$joined" "$RECORD_AWK" "$file" >"$file.tmp"
    mv "$file.tmp" "$file"
    printf 'RUN|%s|%s|%s|%s|%s|%s\n' "$BRANCH" "$name" "$when" "$ok" "$LAST_MS" "$failed" >>"$LOG"
}

# commit WHEN AUTHOR MESSAGE: commits everything under procedures/ (and the top-level files).
commit() {
    local when=$1 author=$2 message=$3
    local email=${author##*<}
    git add -A .
    GIT_AUTHOR_NAME=${author% <*} GIT_AUTHOR_EMAIL=${email%>} GIT_AUTHOR_DATE=$when GIT_COMMITTER_DATE=$when \
        git commit -q --no-verify -m "$message"
    printf 'COMMIT|%s|%s|%s|%s\n' "$BRANCH" "$(git rev-parse HEAD)" "$when" "$message" >>"$LOG"
}

# merge WHEN BRANCH MESSAGE: merges BRANCH into main with --no-ff (the driver merges the stats).
merge() {
    local when=$1 branch=$2 message=$3
    local email=${DANA##*<}
    GIT_AUTHOR_NAME=${DANA% <*} GIT_AUTHOR_EMAIL=${email%>} GIT_AUTHOR_DATE=$when GIT_COMMITTER_DATE=$when \
        git merge -q --no-ff --no-verify -m "$message" "$branch" >/dev/null
    printf 'MERGE|%s|%s|%s|%s|%s\n' "$BRANCH" "$(git rev-parse HEAD)" "$when" "$branch" "$message" >>"$LOG"
}

# The counters of a stats block as `KEY VALUE` lines (procedure keys, then `STEP.KEY` for steps).
counters() {
    awk '
        /^stats:/ { on = 1; next }
        !on { next }
        /^  [a-z_]+: [0-9]+$/ { k = $1; sub(/:$/, "", k); if (k != "avg_duration_ms") print k, $2 }
        /^    [^ ]+: \{/ {
            key = $1; sub(/:$/, "", key); body = $0; sub(/^[^{]*\{/, "", body); sub(/(, last_error: .*)?\}$/, "", body)
            m = split(body, parts, ", ")
            for (j = 1; j <= m; j++) { split(parts[j], kv, ": "); print key "." kv[1], kv[2] }
        }'
}

# check_merge PATH...: the merge commit HEAD holds, for each PATH, base + both sides' increases.
check_merge() {
    local base path
    base=$(git merge-base HEAD^1 HEAD^2)
    for path in "$@"; do
        local expected actual
        expected=$(
            {
                git show "$base:$path" | counters | sed 's/$/ base/'
                git show "HEAD^1:$path" | counters | sed 's/$/ ours/'
                git show "HEAD^2:$path" | counters | sed 's/$/ theirs/'
            } | awk '{ v[$1, $3] = $2; keys[$1] = 1 }
                END { for (k in keys) print k, v[k, "ours"] + v[k, "theirs"] - v[k, "base"] }' | sort
        )
        actual=$(git show "HEAD:$path" | counters | sort)
        if [[ $expected != "$actual" ]]; then
            echo "$0: the merge driver did not add up $path:" >&2
            diff <(echo "$expected") <(echo "$actual") >&2 || true
            exit 1
        fi
    done
}

# ---------------------------------------------------------------------------------------------
# Shorthands for the runs of each procedure. Arguments: WHEN, then step durations in ms.

build_ok() { record build "$1" deps=ok:"$2" compile=ok:"$3" package=ok:"$4"; }
build_compile_fails() { record build "$1" deps=ok:"$2" "compile=fail:$3:expected exit code 0, got 2"; }

# A deploy calls build (one run of build, recorded at the same moment), then its own steps.
deploy_ok() {
    build_ok "$1" "$2" "$3" "$4"
    record deploy_backend "$1" build=ok:"$LAST_MS" push=ok:"$5" migrate=ok:"$6" rollout=ok:"$7" verify=ok:"$8"
}
deploy_migrate_times_out() { # WHEN deps compile package push migrate_ms LIMIT
    build_ok "$1" "$2" "$3" "$4"
    record deploy_backend "$1" build=ok:"$LAST_MS" push=ok:"$5" "migrate=timeout:$6:timed out after $7"
}
deploy_verify_fails() {
    build_ok "$1" "$2" "$3" "$4"
    record deploy_backend "$1" build=ok:"$LAST_MS" push=ok:"$5" migrate=ok:"$6" rollout=ok:"$7" \
        "verify=fail:$8:expected exit code 0, got 7"
}

tests_ok() { record run_tests "$1" setup=ok:"$2" unit=ok:"$3" integration=ok:"$4" coverage=skip; }
tests_ok_coverage() { record run_tests "$1" setup=ok:"$2" unit=ok:"$3" integration=ok:"$4" coverage=ok:"$5"; }
tests_flaky() { record run_tests "$1" setup=ok:"$2" unit=ok:"$3" "integration=fail:$4:expected exit code 0, got 1"; }
tests_hang() { record run_tests "$1" setup=ok:"$2" unit=ok:"$3" "integration=timeout:$4:timed out after 15m"; }

release_ok() { record "$1" "$2" changelog=ok:"$3" tag=ok:"$4" upload=ok:"$5" announce=ok:"$6"; }
release_upload_fails() { record "$1" "$2" changelog=ok:"$3" tag=ok:"$4" "upload=fail:$5:expected exit code 0, got 22"; }

old_deploy_ok() { record old_deploy "$1" stop=ok:"$2" copy=ok:"$3" start=ok:"$4"; }
old_deploy_copy_fails() { record old_deploy "$1" stop=ok:"$2" "copy=fail:$3:expected exit code 0, got 255"; }

backup_ok() { record backup "$1" dump=ok:"$2" compress=ok:"$3" upload=ok:"$4" verify=ok:"$5"; }
backup_upload_times_out() { record backup "$1" dump=ok:"$2" compress=ok:"$3" "upload=timeout:$4:timed out after 20m"; }

# ---------------------------------------------------------------------------------------------
# The library as first committed

mkdir -p procedures
cat >procedures/procrun.yaml <<'EOF'
# The platform team's procedures. procrun records every run in the procedure's stats block;
# commit those changes with the work they belong to.
defaults:
  timeout: 30m
EOF

cat >procedures/build.yaml <<'EOF'
# Compiles the service and packages it; deploy_backend calls it first.
name: build
description: Fetch the dependencies, compile the service and package the release tarball.
tags: [build, ci]

inputs:
  profile:
    type: string
    allowed: [debug, release]
    default: release

steps:
  - id: deps
    action: shell
    parameters: {command: "echo fetching dependencies"}
    timeout: 5m

  - id: compile
    action: shell
    parameters: {command: "echo compiling the service, profile {{ inputs.profile }}"}
    timeout: 20m

  - id: package
    action: shell
    parameters: {command: "test -f procrun.yaml"}

outputs:
  artifact: "dist/service-{{ inputs.profile }}.tar.gz"
EOF

cat >procedures/deploy_backend.yaml <<'EOF'
# Ships the backend: build it, push the image, migrate the database, roll out, check health.
name: deploy_backend
description: Build the backend, push its image, migrate the database, roll it out and check that it answers.
tags: [deploy, backend]

inputs:
  environment:
    type: string
    allowed: [staging, production]
    default: staging

steps:
  - id: build
    action: replay_procedure
    parameters:
      procedure: build
      inputs: {profile: release}

  - id: push
    action: shell
    parameters: {command: "echo pushing the backend image"}
    retries: {count: 2, delay: 5s}

  - id: migrate
    action: shell
    parameters: {command: "echo migrating the database of {{ inputs.environment }}"}
    timeout: 30s

  - id: rollout
    action: shell
    parameters: {command: "echo rolling the backend out to {{ inputs.environment }}"}
    timeout: 5m

  - id: verify
    action: shell
    parameters: {command: "echo healthy"}
    expect: {contains: healthy}
EOF

cat >procedures/run_tests.yaml <<'EOF'
# The test suites CI runs on every merge request; nightly runs add coverage.
name: run_tests
description: Run the unit and integration test suites, and measure coverage when asked to.
tags: [test, ci]

inputs:
  coverage:
    type: boolean
    default: false
    description: also measure coverage (slow)

steps:
  - id: setup
    action: shell
    parameters: {command: "echo starting the test database"}

  - id: unit
    action: shell
    parameters: {command: "echo running the unit tests"}
    timeout: 10m

  - id: integration
    action: shell
    parameters: {command: "echo running the integration tests"}
    timeout: 15m

  - id: coverage
    action: shell
    parameters: {command: "echo measuring coverage"}
    when: inputs.coverage
EOF

cat >procedures/release.yaml <<'EOF'
# Cuts a release of the service: changelog, tag, artifacts, announcement.
name: release
description: Write the changelog, tag the release, upload its artifacts and announce it.
tags: [release]

inputs:
  version:
    type: string
    required: true
    pattern: "[0-9]+\\.[0-9]+\\.[0-9]+"
    description: the version to release, such as 2.4.0

steps:
  - id: changelog
    action: shell
    parameters: {command: "echo writing the changelog of {{ inputs.version }}"}

  - id: tag
    action: shell
    parameters: {command: "echo tagging v{{ inputs.version }}"}

  - id: upload
    action: shell
    parameters: {command: "echo uploading the artifacts of {{ inputs.version }}"}
    timeout: 10m

  - id: announce
    action: shell
    parameters: {command: "echo announcing {{ inputs.version }}"}
EOF

cat >procedures/old_deploy.yaml <<'EOF'
# The first deploy, from before containers: copy the build to the hosts and restart the service.
name: old_deploy
description: Stop the service, copy the new build to the hosts and start it again.
tags: [deploy, legacy]

steps:
  - id: stop
    action: shell
    parameters: {command: "echo stopping the service"}

  - id: copy
    action: shell
    parameters: {command: "echo copying the build to the hosts"}
    timeout: 10m

  - id: start
    action: shell
    parameters: {command: "echo starting the service"}
EOF

cat >procedures/lint.yaml <<'EOF'
# Style checks; meant for a pre-commit hook that nobody installed.
name: lint
description: Check formatting and run the static checks.
tags: [lint, ci]

steps:
  - id: format
    action: shell
    parameters: {command: "echo checking formatting"}

  - id: vet
    action: shell
    parameters: {command: "true"}
EOF

cat >procedures/backup.yaml <<'EOF'
# Nightly database backup to object storage.
name: backup
description: Dump the database, compress the dump, upload it and check the upload.
tags: [ops, backup]

steps:
  - id: dump
    action: shell
    parameters: {command: "echo dumping the database"}
    timeout: 30m

  - id: compress
    action: shell
    parameters: {command: "echo compressing the dump"}

  - id: upload
    action: shell
    parameters: {command: "echo uploading the dump"}
    timeout: 20m

  - id: verify
    action: shell
    parameters: {command: "echo checking the upload"}
EOF

commit 2026-09-01T09:00:00Z "$DANA" "Add the platform team's procedure library"

"$PROCRUN" git-setup --program "$PROCRUN" >/dev/null 2>&1
commit 2026-09-01T09:20:00Z "$DANA" "Merge procedure stats with procrun's merge driver (procrun git-setup)"

# ---------------------------------------------------------------------------------------------
# September

build_ok 2026-09-02T10:04:12Z 2100 48200 3300
build_ok 2026-09-02T15:31:40Z 1900 47400 3100
commit 2026-09-02T16:00:00Z "$CI" "ci: record 2 runs of build"

tests_ok 2026-09-03T09:12:05Z 4200 61300 182400
tests_flaky 2026-09-03T11:40:51Z 4100 60900 95200
tests_ok 2026-09-03T13:55:30Z 4300 62100 179800
commit 2026-09-03T14:00:00Z "$CI" "ci: record 3 runs of run_tests (1 failed)"

old_deploy_ok 2026-09-04T16:22:09Z 3000 74000 5200
commit 2026-09-04T16:30:00Z "$LEO" "ops: record 1 run of old_deploy"

backup_ok 2026-09-05T02:14:33Z 612000 88000 143000 9000
commit 2026-09-05T08:00:00Z "$CI" "ops: record 1 run of backup"

tests_ok 2026-09-07T09:03:11Z 4000 60100 181000
tests_ok 2026-09-07T14:26:47Z 4200 61500 184300
tests_flaky 2026-09-08T08:49:02Z 4400 62000 101700
tests_ok_coverage 2026-09-08T09:58:40Z 4100 61800 180200 240500
commit 2026-09-08T10:15:00Z "$CI" "ci: record 4 runs of run_tests (1 failed)"

deploy_ok 2026-09-09T11:20:18Z 2000 47800 3200 15400 12100 61000 1500
deploy_migrate_times_out 2026-09-09T14:47:55Z 2100 48100 3300 15800 30004 30s
commit 2026-09-09T15:00:00Z "$LEO" "ops: record 2 runs of deploy_backend (1 failed: migrate timed out) and their 2 runs of build"

release_ok release 2026-09-10T09:21:37Z 2400 1100 96000 800
commit 2026-09-10T09:30:00Z "$DANA" "release: record 1 run of release (2.4.0)"

old_deploy_copy_fails 2026-09-11T17:05:12Z 3100 18200
old_deploy_ok 2026-09-11T17:40:26Z 2900 76500 5000
commit 2026-09-11T18:00:00Z "$LEO" "ops: record 2 runs of old_deploy (1 failed)"

deploy_migrate_times_out 2026-09-14T09:36:40Z 2000 47600 3100 15200 30003 30s
commit 2026-09-14T09:45:00Z "$LEO" "ops: record 1 run of deploy_backend (failed: migrate timed out) and its run of build"

# The authored-only commit: a step edited, no runs.
sed -i 's/^    timeout: 30s$/    timeout: 45s/' procedures/deploy_backend.yaml
commit 2026-09-14T10:30:00Z "$LEO" "deploy_backend: give migrate 45s; the schema change of 2.4 takes longer than 30s"

backup_ok 2026-09-15T02:16:02Z 618000 89500 151000 9200
tests_ok 2026-09-15T11:08:19Z 4100 60700 183500
commit 2026-09-15T12:00:00Z "$CI" "ci: record 1 run of backup and 1 run of run_tests"

tests_ok 2026-09-16T09:40:03Z 4200 61200 180900
tests_ok 2026-09-16T12:12:44Z 4000 60600 178600
commit 2026-09-16T13:00:00Z "$CI" "ci: record 2 runs of run_tests"

# old_deploy is superseded: two lines right after its name, as `procrun merge` writes them.
sed -i '/^name: old_deploy$/a\
superseded_by: deploy_backend\
superseded_reason: "deploy_backend builds, migrates and verifies the rollout; old_deploy copies files by hand"' \
    procedures/old_deploy.yaml
commit 2026-09-18T17:00:00Z "$LEO" "Supersede old_deploy with deploy_backend"

release_upload_fails release 2026-09-21T10:02:55Z 2500 1200 600000
release_ok release 2026-09-21T10:31:18Z 2300 1000 101000 900
commit 2026-09-21T11:00:00Z "$DANA" "release: record 2 runs of release (1 failed: upload)"

backup_upload_times_out 2026-09-22T02:51:10Z 640000 91000 1200002
commit 2026-09-22T08:00:00Z "$CI" "ops: record 1 run of backup (failed: upload timed out)"

# A branch that tries the integration suite against the new database and deploys from it.
git checkout -q -b ci/integration-db
BRANCH=ci/integration-db
tests_ok 2026-09-23T10:11:09Z 4600 61000 176200
tests_flaky 2026-09-23T10:49:30Z 4500 60800 88300
tests_ok 2026-09-23T11:26:52Z 4700 61400 175900
commit 2026-09-23T11:30:00Z "$CI" "ci: record 3 runs of run_tests on ci/integration-db (1 failed)"

deploy_ok 2026-09-25T14:20:31Z 2000 48000 3200 15600 14100 60400 1600
deploy_ok 2026-09-25T15:02:07Z 2100 47700 3100 15300 13800 59800 1500
commit 2026-09-25T15:10:00Z "$CI" "ops: record 2 runs of deploy_backend on ci/integration-db and their 2 runs of build"

# Meanwhile on main.
git checkout -q main
BRANCH=main
tests_flaky 2026-09-24T09:30:14Z 4200 60500 97400
tests_ok 2026-09-24T10:05:48Z 4100 61100 181700
commit 2026-09-24T10:15:00Z "$CI" "ci: record 2 runs of run_tests (1 failed)"

build_ok 2026-09-26T09:12:27Z 2000 48400 3200
build_compile_fails 2026-09-26T09:40:02Z 2100 21700
build_ok 2026-09-26T11:55:36Z 1900 47900 3100
commit 2026-09-26T12:00:00Z "$CI" "ci: record 3 runs of build (1 failed)"

merge 2026-09-28T10:00:00Z ci/integration-db "Merge branch 'ci/integration-db'"
check_merge procedures/run_tests.yaml procedures/build.yaml procedures/deploy_backend.yaml

backup_ok 2026-09-29T02:13:48Z 621000 90100 148000 9100
commit 2026-09-29T08:00:00Z "$CI" "ops: record 1 run of backup"

# ---------------------------------------------------------------------------------------------
# October

git mv procedures/release.yaml procedures/publish.yaml
sed -i -e 's/^name: release$/name: publish\naliases: [release]/' \
    -e 's/^# Cuts a release of the service:/# Publishes a release of the service:/' procedures/publish.yaml
commit 2026-10-01T10:00:00Z "$DANA" "Rename release to publish (release stays an alias)"

release_ok publish 2026-10-02T14:40:22Z 2600 1100 98500 850
commit 2026-10-02T15:00:00Z "$DANA" "release: record 1 run of publish (2.5.0)"

tests_ok 2026-10-05T09:14:37Z 4300 62400 184100
tests_hang 2026-10-05T10:44:20Z 4200 61700 900002
tests_ok 2026-10-05T11:20:05Z 4100 61900 182800
tests_ok_coverage 2026-10-05T12:25:31Z 4200 62300 183300 238900
commit 2026-10-05T13:00:00Z "$CI" "ci: record 4 runs of run_tests (1 failed: integration timed out)"

backup_ok 2026-10-06T02:15:21Z 626000 90400 149500 9300
commit 2026-10-06T08:00:00Z "$CI" "ops: record 1 run of backup"

# A branch that makes backup check the checksums, and runs it there.
git checkout -q -b ops/backup-checksums
BRANCH=ops/backup-checksums
sed -i 's/{command: "echo checking the upload"}/{command: "echo comparing the checksums of the upload"}\n    timeout: 10m/' \
    procedures/backup.yaml
commit 2026-10-07T10:00:00Z "$LEO" "backup: verify compares checksums of the upload"

backup_ok 2026-10-13T02:18:44Z 629000 91200 150200 31800
backup_ok 2026-10-14T02:14:05Z 631000 90900 149800 32100
commit 2026-10-14T08:00:00Z "$CI" "ops: record 2 runs of backup on ops/backup-checksums"

git checkout -q main
BRANCH=main
deploy_ok 2026-10-08T15:03:12Z 2000 48300 3200 15100 22400 60900 1600
deploy_verify_fails 2026-10-09T10:41:55Z 2100 48600 3300 15500 21900 61200 4100
deploy_ok 2026-10-09T11:30:27Z 1900 48100 3100 15200 22100 60300 1500
commit 2026-10-09T12:00:00Z "$LEO" "ops: record 3 runs of deploy_backend (1 failed: verify) and their 3 runs of build"

backup_ok 2026-10-11T02:15:40Z 627000 90700 150900 9200
commit 2026-10-11T08:00:00Z "$CI" "ops: record 1 run of backup"

# Both sides ran backup and the branch edited a step: the driver adds the runs up and git
# merge-file merges the edit.
merge 2026-10-15T09:00:00Z ops/backup-checksums "Merge branch 'ops/backup-checksums'"
check_merge procedures/backup.yaml procedures/deploy_backend.yaml

tests_ok 2026-10-19T09:02:48Z 4200 61600 182200
tests_flaky 2026-10-19T10:37:10Z 4300 62000 99100
tests_ok 2026-10-19T11:15:33Z 4100 61300 181400
tests_flaky 2026-10-20T09:21:06Z 4400 61800 102600
tests_ok 2026-10-20T10:02:19Z 4200 61500 180700
commit 2026-10-20T10:30:00Z "$CI" "ci: record 5 runs of run_tests (2 failed)"

release_ok publish 2026-10-26T16:05:41Z 2500 1200 97200 800
release_ok publish 2026-10-27T09:48:13Z 2400 1100 99800 900
commit 2026-10-27T10:00:00Z "$DANA" "release: record 2 runs of publish (2.5.1, 2.5.2)"

# ---------------------------------------------------------------------------------------------
# November

deploy_ok 2026-11-03T14:12:39Z 2000 48500 3200 15300 22600 61400 1600
deploy_migrate_times_out 2026-11-03T16:28:02Z 2100 48200 3300 15600 45003 45s
commit 2026-11-03T16:45:00Z "$LEO" "ops: record 2 runs of deploy_backend (1 failed: migrate timed out) and their 2 runs of build"

# Superseded, but someone still runs it for the two legacy hosts (procrun runs it after a note).
old_deploy_ok 2026-11-05T18:12:40Z 3000 77200 5100
commit 2026-11-05T18:30:00Z "$LEO" "ops: record 1 run of old_deploy (superseded; run for the legacy hosts)"

tests_ok 2026-11-10T09:33:27Z 4300 62600 183900
tests_flaky 2026-11-10T11:02:15Z 4200 62200 94800
tests_ok_coverage 2026-11-10T12:40:09Z 4400 62800 184600 241700
commit 2026-11-10T13:00:00Z "$CI" "ci: record 3 runs of run_tests (1 failed)"

build_ok 2026-11-17T10:20:45Z 2100 49100 3300
build_ok 2026-11-17T15:44:30Z 2000 48800 3200
commit 2026-11-17T16:00:00Z "$CI" "ci: record 2 runs of build"

release_upload_fails publish 2026-11-24T11:17:58Z 2600 1300 600000
commit 2026-11-24T11:30:00Z "$DANA" "release: record 1 run of publish (failed: upload)"

tests_ok 2026-11-27T09:08:52Z 4300 62900 185200
tests_flaky 2026-11-27T10:15:34Z 4400 63100 96300
tests_ok 2026-11-27T11:02:41Z 4200 62700 184800
deploy_ok 2026-11-28T15:36:18Z 2000 48700 3200 15400 23100 61800 1700
commit 2026-11-28T16:00:00Z "$CI" "ci: record 3 runs of run_tests (1 failed) and 1 run of deploy_backend with its run of build"

# ---------------------------------------------------------------------------------------------
# The library must check, and every file's stats must read.

if ! "$PROCRUN" check -l procedures >/dev/null 2>"$DEST/.git/check.err"; then
    cat "$DEST/.git/check.err" >&2
    echo "$0: procrun check failed on the library" >&2
    exit 1
fi
if ! "$PROCRUN" stats -l procedures >"$DEST/.git/stats.out" 2>"$DEST/.git/stats.err" || [[ -s $DEST/.git/stats.err ]]; then
    cat "$DEST/.git/stats.err" >&2
    echo "$0: procrun stats failed on the library" >&2
    exit 1
fi
for name in backup build deploy_backend lint old_deploy publish run_tests; do
    if ! grep -q "^$name " "$DEST/.git/stats.out"; then
        echo "$0: procrun stats does not list '$name'" >&2
        exit 1
    fi
done
rm -f "$DEST/.git/check.err" "$DEST/.git/stats.err" "$DEST/.git/stats.out"
if [[ -n $(git status --porcelain) ]]; then
    echo "$0: the work tree is not clean after the history was built:" >&2
    git status --short >&2
    exit 1
fi
