import ProcrunKit
import Testing

/// The stats block as a reviewer meets it in git: the diff of a run, an old-format file migrating,
/// records that follow their steps, merges that are never silently wrong, and learning turned off.
@Suite("learning: stats a reviewer can read", .serialized)
struct ReviewableStatsTests {
    /// A git repository in `folder` with one commit holding what is there.
    static func repository(_ folder: TemporaryFolder) throws {
        try GitMergeTests.git(["init", "-q", "-b", "main"], folder)
        try GitMergeTests.git(["config", "user.email", "test@example.com"], folder)
        try GitMergeTests.git(["config", "user.name", "Test"], folder)
        try GitMergeTests.git(["add", "-A"], folder)
        try GitMergeTests.git(["commit", "-q", "-m", "base"], folder)
    }

    /// Lines removed and added in the working tree's diff of `file` (`git diff --numstat`).
    static func changedLines(_ file: String, _ folder: TemporaryFolder) throws -> (removed: Int, added: Int) {
        let numstat = try GitMergeTests.git(["diff", "--numstat", "--", file], folder).stdout.text
        let fields = numstat.split(separator: "\t")
        return (Int(fields.count > 1 ? fields[1] : "") ?? -1, Int(fields.first ?? "") ?? -1)
    }

    @Test("one run of the 6-step deploy_backend changes at most 6 + 6 lines on each side, each naming what it counts")
    func diffOfARun() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try ProcessRunner.run(ProcessSpec(arguments: ["cp", "-R", ExampleLibraryTests.library + "/.", folder.path]))
        try ProcrunBinary.expect(["run", "--quiet", "deploy_backend.yaml"], in: folder.path)
        try Self.repository(folder)
        // The example library may already hold runs (scripts/example.sh records one): count from it.
        let before = try StatsDocument(path: folder.path + "/deploy_backend.yaml").stats.executionCount
        try ProcrunBinary.expect(["run", "--quiet", "deploy_backend.yaml"], in: folder.path)
        let changed = try Self.changedLines("deploy_backend.yaml", folder)
        #expect(changed.removed <= 12 && changed.added <= 12, "\(changed)")
        #expect(changed.removed == changed.added)
        let diff = try GitMergeTests.git(["diff", "-U0", "--", "deploy_backend.yaml"], folder).stdout.text
        let keys = try StatsDocument(path: folder.path + "/deploy_backend.yaml").stepKeys
        #expect(keys.count == 6)
        let procedureKeys = ["execution_count", "successes", "failures", "success_rate", "total_duration_ms", "avg_duration_ms", "last_executed"]
        for line in diff.split(separator: "\n") where (line.hasPrefix("-") || line.hasPrefix("+")) && !line.hasPrefix("---") && !line.hasPrefix("+++") {
            let key = String(line.dropFirst().split(separator: ":").first ?? "").trimmingCharacters()
            #expect(procedureKeys.contains(key) || keys.contains(key), "a changed line names neither a figure nor a step: \(line)")
        }
        #expect(diff.contains("+  execution_count: \(before + 1)\n"), "\(diff)")
    }

    @Test("a file in the older block format is read as before and written in the new format at its next run, every counter kept")
    func oldFormatMigrates() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let steps = "steps:\n  - id: build\n    action: log\n    parameters: {message: build}\n  - action: log\n    parameters: {message: ship}\n"
        let old = """
            stats:
              execution_count: 5
              successes: 4
              failures: 1
              success_rate: 0.800
              total_duration_ms: 1000
              avg_duration_ms: 200
              last_executed: "2026-11-20T10:00:00Z"
              steps:
                build:
                  runs: 5
                  successes: 5
                  failures: 0
                  skips: 0
                  total_duration_ms: 300
                  avg_duration_ms: 60
                step-2:
                  runs: 4
                  successes: 3
                  failures: 1
                  skips: 1
                  total_duration_ms: 400
                  avg_duration_ms: 100
                  last_error: "expected exit code 0, got 1"
                step-7:
                  runs: 2
                  successes: 2
                  failures: 0
                  skips: 0
                  total_duration_ms: 20
                  avg_duration_ms: 10

            """
        try folder.write("p.yaml", "name: p\n" + steps + old)
        try Self.repository(folder)
        let before = try StatsDocument(path: folder.path + "/p.yaml")
        #expect(before.isLegacyFormat)
        let ship = before.stepKeys[1]
        #expect(ship.hasPrefix("log#"))
        #expect(before.stats[step: ship]?.failures == 1, "step-2 is read as the unnamed step at position 2")
        #expect(before.orphanKeys == ["step-7"])

        try ProcrunBinary.expect(["run", "--quiet", "p.yaml"], in: folder.path)
        let after = try StatsDocument(path: folder.path + "/p.yaml")
        #expect(!after.isLegacyFormat)
        let stats = after.stats
        #expect(stats.executionCount == 6 && stats.successes == 5 && stats.failures == 1)
        #expect(stats.totalDurationMilliseconds >= 1000)
        #expect(stats[step: "build"]?.runs == 6 && stats[step: "build"]?.successes == 6 && stats[step: "build"]?.skips == 0)
        #expect(stats[step: "build"].map { $0.totalDurationMilliseconds >= 300 } == true)
        let shipped = try #require(stats[step: ship])
        #expect(shipped.runs == 5 && shipped.successes == 4 && shipped.failures == 1 && shipped.skips == 1)
        #expect(shipped.totalDurationMilliseconds >= 400)
        #expect(shipped.lastError == "expected exit code 0, got 1")
        #expect(stats[step: "step-7"]?.runs == 2, "figures that match no step are kept as orphans")
        let text = try folder.read("p.yaml")
        WholeText.expect(text, equals: """
            name: p
            steps:
              - id: build
                action: log
                parameters: {message: build}
              - action: log
                parameters: {message: ship}
            stats:
              execution_count: 6
              successes: 5
              failures: 1
              success_rate: 0.833
              total_duration_ms: <ms>
              avg_duration_ms: <ms>
              last_executed: "<time>"  # run <run>
              steps:
                build: {runs: 6, successes: 6, failures: 0, skips: 0, total_duration_ms: <ms>}
                log#33c35502: {runs: 5, successes: 4, failures: 1, skips: 1, total_duration_ms: <ms>, last_error: "expected exit code 0, got 1"}
                step-7: {runs: 2, successes: 2, failures: 0, skips: 0, total_duration_ms: <ms>}

            """, "p.yaml", normalizing: [.durationFields, .timestamps, .runIDs])
        // The figures of a step that is gone are kept as they were.
        #expect(text.contains("\n    step-7: {runs: 2, successes: 2, failures: 0, skips: 0, total_duration_ms: 20}\n"))
        try ProcrunBinary.expect(["stats", "p.yaml"], in: folder.path, stdout: """
            PROCEDURE  FILE  RUNS  SUCCESS  AVG  LAST RUN
            p  p.yaml  6  83.3%  <duration>  <time>

            STEP  RUNS  OK  FAILED  SKIPPED  AVG  MARKS
            build  6  6  0  0  <duration>
            log#33c35502  5  4  1  1  <duration>
            step-7  2  2  0  0  <duration>  orphan

            """, normalizing: [.durations, .timestamps, .columnPadding])

        // stats --prune removes the orphan figures, and nothing else; a second prune finds none.
        try ProcrunBinary.expect(["stats", "--prune", "p.yaml"], in: folder.path, stdout: "p.yaml: removed the figures of 1 orphan step: step-7\n")
        #expect(try folder.read("p.yaml") == text.replacingAll("    step-7: {runs: 2, successes: 2, failures: 0, skips: 0, total_duration_ms: 20}\n", with: ""))
        try ProcrunBinary.expect(["stats", "--prune", "--json", "p.yaml"], in: folder.path, stdout: #"{"pruned":[{"file":"p.yaml","keys":[]}]}"# + "\n")
        try ProcrunBinary.expect(["stats", "--prune"], in: folder.path, stdout: "p.yaml: no orphan figures\n")
    }

    @Test("a step inserted above unnamed steps keeps every step's record with its step; optimize removes only the failing one")
    func recordFollowsTheStep() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let steps = """
            name: p
            steps:
              - action: shell
                parameters: {command: echo prepare}
              - action: fail
                on_failure: continue
                parameters: {message: flaky}
              - action: log
                parameters: {message: done}

            """
        try folder.write("p.yaml", steps)
        for _ in 0..<3 { _ = try ProcrunBinary.run(["run", "--quiet", "p.yaml"], in: folder.path) }
        let before = try StatsDocument(path: folder.path + "/p.yaml")
        try folder.write(
            "p.yaml", try folder.read("p.yaml").replacingAll("name: p\nsteps:\n", with: "name: p\nsteps:\n  - action: log\n    parameters: {message: inserted}\n"))
        let after = try StatsDocument(path: folder.path + "/p.yaml")
        #expect(Array(after.stepKeys.dropFirst()) == before.stepKeys)
        for key in before.stepKeys { #expect(after.stats[step: key] == before.stats[step: key], "\(key)") }
        #expect(after.stats[step: after.stepKeys[0]] == nil)

        try ProcrunBinary.expect(["optimize", "p.yaml"], in: folder.path, stdout: """
            remove: step 3 ('fail#5482ad31'): 3 of 3 runs failed; last error: flaky
            --- a/p.yaml
            +++ b/p.yaml
            @@ -1,12 +1,10 @@
             name: p
            +version: 2
             steps:
               - action: log
                 parameters: {message: inserted}
               - action: shell
                 parameters: {command: echo prepare}
            -  - action: fail
            -    on_failure: continue
            -    parameters: {message: flaky}
               - action: log
                 parameters: {message: done}
             stats:
            @@ -19,5 +17,4 @@
               last_executed: "<time>"  # run <run>
               steps:
                 shell#d5a6b697: {runs: 3, successes: 3, failures: 0, skips: 0, total_duration_ms: <ms>}
            -    fail#5482ad31: {runs: 3, successes: 0, failures: 3, skips: 0, total_duration_ms: <ms>, last_error: "flaky"}
                 log#e630db83: {runs: 3, successes: 3, failures: 0, skips: 0, total_duration_ms: <ms>}
            (not written; run with --write to apply)

            """, normalizing: [.durationFields, .timestamps, .runIDs])
    }

    @Test("two branches that each ran once, merged without the driver, conflict: never a clean execution_count of 1")
    func mergeWithoutDriverConflicts() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("p.yaml", "name: p\n" + LearningCorpus.steps)
        try Self.repository(folder)
        try GitMergeTests.git(["checkout", "-q", "-b", "left"], folder)
        try GitMergeTests.runs(1, folder)
        try GitMergeTests.git(["commit", "-q", "-am", "left"], folder)
        try GitMergeTests.git(["checkout", "-q", "main"], folder)
        try GitMergeTests.runs(1, folder)
        try GitMergeTests.git(["commit", "-q", "-am", "main"], folder)
        let merge = try GitMergeTests.git(["merge", "--no-edit", "left"], folder, allowFailure: true)
        let merged = try folder.read("p.yaml")
        #expect(merge.exitCode != 0, "the merge went through: \(merged)")
        #expect(merge.stdout.text.contains("CONFLICT"))
        #expect(merged.contains("<<<<<<<"))
    }

    @Test("PROCRUN_LEARN=0 and learn: false leave the file untouched; --learn learns once; run --json says which")
    func learningOff() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let text = "name: p\n" + LearningCorpus.steps
        try folder.write("p.yaml", text)
        try ProcrunBinary.expect(["run", "--json", "p.yaml"], in: folder.path, environment: [("PROCRUN_LEARN", "0")], stdout: """
            {"procedure":"p","file":"p.yaml","success":true,"duration_ms":<ms>,"learned":false,"steps":[{"step":1,"id":"greet",\
            "action":"log","status":"success","outcome":"hello","duration_ms":<ms>,"error":null,"attempts":1},{"step":2,"id":null,\
            "action":"log","status":"success","outcome":"second","duration_ms":<ms>,"error":null,"attempts":1}],"outputs":{}}

            """, normalizing: [.durationFields])
        #expect(try folder.read("p.yaml") == text)

        try folder.write("procrun.yaml", "learn: false\n")
        try ProcrunBinary.expect(["run", "--quiet", "p.yaml"], in: folder.path)
        #expect(try folder.read("p.yaml") == text)

        try ProcrunBinary.expect(["run", "--json", "--learn", "p.yaml"], in: folder.path, stdout: """
            {"procedure":"p","file":"p.yaml","success":true,"duration_ms":<ms>,"learned":true,"steps":[{"step":1,"id":"greet",\
            "action":"log","status":"success","outcome":"hello","duration_ms":<ms>,"error":null,"attempts":1},{"step":2,"id":null,\
            "action":"log","status":"success","outcome":"second","duration_ms":<ms>,"error":null,"attempts":1}],"outputs":{}}

            """, normalizing: [.durationFields])
        #expect(try StatsDocument(path: folder.path + "/p.yaml").stats.executionCount == 1)
        try ProcrunBinary.expect(["run", "--quiet", "p.yaml"], in: folder.path, environment: [("PROCRUN_LEARN", "1")])
        #expect(try StatsDocument(path: folder.path + "/p.yaml").stats.executionCount == 2)

        try ProcrunBinary.expect(["run", "p.yaml"], in: folder.path, environment: [("PROCRUN_LEARN", "maybe")], status: 2, stderr: "error: PROCRUN_LEARN: expected 0 or 1 (or false or true), found 'maybe'\n")
        try folder.write("procrun.yaml", "learn: no\n")
        try ProcrunBinary.expect(["check", "p.yaml"], in: folder.path, status: 2, stderr: """
            procrun.yaml:1:8: error: expected true or false for 'learn', found 'no'; did you mean 'false'?
            learn: no
                   ^
            1 problem found in 1 file

            """)
    }

    @Test("stats shows the last run in local time with its age; the file and --json keep UTC")
    func localTime() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("p.yaml", """
            name: p
            steps:
              - id: build
                action: log
                parameters: {message: build}
            stats:
              execution_count: 1
              successes: 1
              failures: 0
              success_rate: 1.000
              total_duration_ms: 5
              avg_duration_ms: 5
              last_executed: "2026-01-15T10:00:00Z"  # run 5c1e0a9f
              steps:
                build: {runs: 1, successes: 1, failures: 0, skips: 0, total_duration_ms: 5}

            """)
        // A POSIX TZ (five and a half hours east of UTC) needs no time zone files.
        try ProcrunBinary.expect(["stats"], in: folder.path, environment: [("TZ", "XST-5:30")], stdout: """
            PROCEDURE  FILE    RUNS  SUCCESS  AVG  LAST RUN
            p          p.yaml  1     100.0%   5ms  2026-01-15 15:30 (<age>)

            STEP   RUNS  OK  FAILED  SKIPPED  AVG  MARKS
            build  1     1   0       0        5ms

            """, normalizing: [.replacing(#"\(([0-9]+ [a-z]+ ago)\)"#, with: "(<age>)", "ages")])
        let json = try ProcrunBinary.run(["stats", "--json"], in: folder.path, environment: [("TZ", "XST-5:30")])
        #expect(json.stdout.contains(#""last_executed":"2026-01-15T10:00:00Z""#))
    }
}
