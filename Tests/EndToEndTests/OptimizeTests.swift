import ProcrunKit
import Testing

/// `procrun optimize` and `procrun stats`.
@Suite("learning: optimize and stats", .serialized)
struct OptimizeTests {
    /// A procedure whose second step always fails (the run goes on), with `runs` runs recorded.
    static func flaky(_ folder: TemporaryFolder, runs: Int, extra: String = "") throws {
        try folder.write(
            "p.yaml",
            """
            # flaky procedure
            name: flaky
            version: 3
            steps:
              - id: build
                action: log
                parameters: {message: build}
              # the broken step
              - id: broken
                action: fail
                on_failure: continue
                parameters: {message: nope}
              - action: log
                parameters: {message: done}
            \(extra)
            """)
        for _ in 0..<runs { _ = try ProcrunBinary.run(["run", "--quiet", "p.yaml"], in: folder.path) }
    }

    /// What optimize prints for the flaky procedure after 3 runs, before it says whether it wrote the file.
    static let flakyPlan = """
        remove: step 2 ('broken'): 3 of 3 runs failed; last error: nope
        --- a/p.yaml
        +++ b/p.yaml
        @@ -1,15 +1,11 @@
         # flaky procedure
         name: flaky
        -version: 3
        +version: 4
         steps:
           - id: build
             action: log
             parameters: {message: build}
           # the broken step
        -  - id: broken
        -    action: fail
        -    on_failure: continue
        -    parameters: {message: nope}
           - action: log
             parameters: {message: done}
         stats:
        @@ -22,5 +18,4 @@
           last_executed: "<time>"  # run <run>
           steps:
             build: {runs: 3, successes: 3, failures: 0, skips: 0, total_duration_ms: <ms>}
        -    broken: {runs: 3, successes: 0, failures: 3, skips: 0, total_duration_ms: <ms>, last_error: "nope"}
             log#e630db83: {runs: 3, successes: 3, failures: 0, skips: 0, total_duration_ms: <ms>}

        """

    @Test("optimize needs at least 3 recorded runs")
    func threshold() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.flaky(folder, runs: 2)
        try ProcrunBinary.expect(["optimize", "p.yaml"], in: folder.path, status: 2, stderr: "p.yaml: error: optimize needs at least 3 recorded runs; this procedure has 2\n")
    }

    @Test("optimize prints the removal and the version bump as a diff, and writes nothing")
    func diff() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.flaky(folder, runs: 3)
        let before = try folder.read("p.yaml")
        try ProcrunBinary.expect(["optimize", "p.yaml"], in: folder.path, stdout: Self.flakyPlan + "(not written; run with --write to apply)\n", normalizing: [.durationFields, .timestamps, .runIDs])
        #expect(try folder.read("p.yaml") == before)
    }

    @Test("optimize --write removes the step and its stats, bumps the version, and the result checks")
    func write() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.flaky(folder, runs: 3)
        try ProcrunBinary.expect(["optimize", "--write", "p.yaml"], in: folder.path, stdout: Self.flakyPlan + "written: p.yaml (version 4)\n", normalizing: [.durationFields, .timestamps, .runIDs])
        let text = try folder.read("p.yaml")
        WholeText.expect(text, equals: """
            # flaky procedure
            name: flaky
            version: 4
            steps:
              - id: build
                action: log
                parameters: {message: build}
              # the broken step
              - action: log
                parameters: {message: done}
            stats:
              execution_count: 3
              successes: 0
              failures: 3
              success_rate: 0.000
              total_duration_ms: <ms>
              avg_duration_ms: <ms>
              last_executed: "<time>"  # run <run>
              steps:
                build: {runs: 3, successes: 3, failures: 0, skips: 0, total_duration_ms: <ms>}
                log#e630db83: {runs: 3, successes: 3, failures: 0, skips: 0, total_duration_ms: <ms>}

            """, "p.yaml", normalizing: [.durationFields, .timestamps, .runIDs])
        let document = try StatsDocument(path: folder.path + "/p.yaml")
        let stats = document.stats
        #expect(stats[step: "broken"] == nil)
        #expect(stats[step: document.stepKeys[1]]?.runs == 3, "the third step keeps its record")
        #expect(document.orphanKeys.isEmpty)
        try ProcrunBinary.expect(["check", "p.yaml"], in: folder.path, stdout: "ok: p.yaml: 'flaky', 2 steps\n")
        try ProcrunBinary.expect(["run", "--quiet", "p.yaml"], in: folder.path)
    }

    @Test("a failing step that a later step reads is kept, and optimize says so")
    func referencedKept() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.flaky(folder, runs: 0)
        let text = try folder.read("p.yaml").replacingAll(
            "parameters: {message: done}", with: "parameters: {message: \"{{ steps.broken.status }}\"}")
        try folder.write("p.yaml", text)
        for _ in 0..<3 { _ = try ProcrunBinary.run(["run", "--quiet", "p.yaml"], in: folder.path) }
        try ProcrunBinary.expect(["optimize", "--write", "p.yaml"], in: folder.path, stdout: """
            note: step 2 ('broken') fails more often than it succeeds but is kept: it is referenced as 'steps.broken' at line 14
            nothing to change

            """)
        #expect(try folder.read("p.yaml").contains("id: broken"))
    }

    @Test("stats lists procedures and marks failing steps; --json for tools")
    func statsCommand() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.flaky(folder, runs: 2)
        try folder.write("other.yaml", "name: other\n" + LearningCorpus.steps)
        try folder.write("config.yaml", "just: a yaml file\n")
        try ProcrunBinary.expect(["stats"], in: folder.path, stdout: """
            PROCEDURE  FILE  RUNS  SUCCESS  AVG  LAST RUN
            other  other.yaml  0  -  -  never
            flaky  p.yaml  2  0.0%  <duration>  <time>

            """, normalizing: [.durations, .timestamps, .columnPadding])
        try ProcrunBinary.expect(["stats", "p.yaml"], in: folder.path, stdout: """
            PROCEDURE  FILE  RUNS  SUCCESS  AVG  LAST RUN
            flaky  p.yaml  2  0.0%  <duration>  <time>

            STEP  RUNS  OK  FAILED  SKIPPED  AVG  MARKS
            build  2  2  0  0  <duration>
            broken  2  0  2  0  <duration>  failing
            log#e630db83  2  2  0  0  <duration>

            last error of 'broken': nope

            """, normalizing: [.durations, .timestamps, .columnPadding])
        try ProcrunBinary.expect(["stats", "--json", "p.yaml"], in: folder.path, stdout: """
            {"procedures":[{"file":"p.yaml","name":"flaky","execution_count":2,"successes":0,"failures":2,"success_rate":0.000,\
            "total_duration_ms":<ms>,"avg_duration_ms":<ms>,"last_executed":"<time>","steps":[{"key":"build","runs":2,"successes":2,\
            "failures":0,"skips":0,"total_duration_ms":<ms>,"avg_duration_ms":<ms>,"timeouts":0,"last_error":null,"failing":false,\
            "slow":false,"orphan":false},{"key":"broken","runs":2,"successes":0,"failures":2,"skips":0,"total_duration_ms":<ms>,\
            "avg_duration_ms":<ms>,"timeouts":0,"last_error":"nope","failing":true,"slow":false,"orphan":false},\
            {"key":"log#e630db83","runs":2,"successes":2,"failures":0,"skips":0,"total_duration_ms":<ms>,"avg_duration_ms":<ms>,\
            "timeouts":0,"last_error":null,"failing":false,"slow":false,"orphan":false}]}]}

            """, normalizing: [.durationFields, .timestamps])
    }
}
