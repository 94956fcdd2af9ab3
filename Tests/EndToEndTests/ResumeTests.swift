import ProcrunKit
import Testing

/// `procrun run --resume` and `--from STEP`: a failed run picks up where it stopped.
@Suite("resuming a failed run", .serialized)
struct ResumeTests {
    static let procedure = """
        name: flaky_release
        inputs:
          tag: {type: string, default: latest}
        steps:
          - id: one
            action: shell
            parameters: {command: "echo one >> ran.log && echo built-{{ inputs.tag }}"}
          - id: two
            action: shell
            parameters: {command: "echo two >> ran.log"}
          - id: three
            action: shell
            parameters: {command: "echo three >> ran.log && test -f fixed && echo got {{ steps.one.stdout }}"}

        """

    static func folder() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        _ = try folder.write("procrun.yaml", "")
        _ = try folder.write("flaky_release.yaml", procedure)
        return folder
    }

    @Test("--resume reruns from the failed step with the same inputs; earlier steps are not rerun; the stats count the steps that ran")
    func resume() throws {
        let folder = try Self.folder()
        defer { folder.remove() }
        try ProcrunBinary.expect(["run", "flaky_release", "--set", "tag=v7"], in: folder.path, status: 1, stdout: """
            ▶ flaky_release (flaky_release.yaml, 3 steps)
              1/3 ✓ shell  one    <duration>
              2/3 ✓ shell  two    <duration>
              3/3 ✗ shell  three  <duration>
                  error: expected exit code 0, got 1
            ✗ flaky_release failed in <duration>: 2 succeeded, 1 failed; first failure: step 3 (three)

            """, normalizing: [.durations])
        _ = try folder.write("fixed", "")
        try ProcrunBinary.expect(["run", "flaky_release", "--resume", "--json"], in: folder.path, stdout: """
            {"procedure":"flaky_release","file":"flaky_release.yaml","success":true,"duration_ms":<ms>,"learned":true,\
            "steps":[{"step":1,"id":"one","action":"shell","status":"skipped","outcome":"","duration_ms":<ms>,"error":null,\
            "attempts":0},{"step":2,"id":"two","action":"shell","status":"skipped","outcome":"","duration_ms":<ms>,"error":null,\
            "attempts":0},{"step":3,"id":"three","action":"shell","status":"success","outcome":"got built-v7","duration_ms":<ms>,\
            "exit_code":0,"error":null,"attempts":1}],"outputs":{}}

            """, normalizing: [.durationFields])
        #expect(try folder.read("ran.log") == "one\ntwo\nthree\nthree\n")
        WholeText.expect(try folder.statsBlock("flaky_release.yaml"), equals: """
            stats:
              execution_count: 2
              successes: 1
              failures: 1
              success_rate: 0.500
              total_duration_ms: <ms>
              avg_duration_ms: <ms>
              last_executed: "<time>"  # run <run>
              steps:
                one: {runs: 1, successes: 1, failures: 0, skips: 0, total_duration_ms: <ms>}
                two: {runs: 1, successes: 1, failures: 0, skips: 0, total_duration_ms: <ms>}
                three: {runs: 2, successes: 1, failures: 1, skips: 0, total_duration_ms: <ms>, last_error: "expected exit code 0, got 1"}

            """, "the stats block", normalizing: [.durationFields, .timestamps, .runIDs])
        try ProcrunBinary.expect(["stats", "flaky_release", "--json"], in: folder.path, stdout: """
            {"procedures":[{"file":"flaky_release.yaml","name":"flaky_release","execution_count":2,"successes":1,"failures":1,\
            "success_rate":0.500,"total_duration_ms":<ms>,"avg_duration_ms":<ms>,"last_executed":"<time>","steps":[{"key":"one",\
            "runs":1,"successes":1,"failures":0,"skips":0,"total_duration_ms":<ms>,"avg_duration_ms":<ms>,"timeouts":0,\
            "last_error":null,"failing":false,"slow":false,"orphan":false},{"key":"two","runs":1,"successes":1,"failures":0,\
            "skips":0,"total_duration_ms":<ms>,"avg_duration_ms":<ms>,"timeouts":0,"last_error":null,"failing":false,"slow":false,\
            "orphan":false},{"key":"three","runs":2,"successes":1,"failures":1,"skips":0,"total_duration_ms":<ms>,\
            "avg_duration_ms":<ms>,"timeouts":0,"last_error":"expected exit code 0, got 1","failing":false,"slow":false,\
            "orphan":false}]}]}

            """, normalizing: [.durationFields, .timestamps])
        try ProcrunBinary.expect(["run", "flaky_release", "--resume"], in: folder.path, status: 2, stderr: """
            error: no failed run of 'flaky_release' to resume: its last run did not fail (runs are kept in .procrun/runs)

            """)
        WholeText.expect(try folder.read(".procrun/.gitignore"), equals: """
            # procrun's own files: locks, caches and run records
            *

            """, ".procrun/.gitignore")
    }

    @Test("--from STEP starts there, reading earlier results from the last run; without one, a step that needs it is refused before anything runs")
    func fromStep() throws {
        let folder = try Self.folder()
        defer { folder.remove() }
        _ = try folder.write("fixed", "")
        try ProcrunBinary.expect(["run", "flaky_release", "--from", "three"], in: folder.path, status: 2, stderr: """
            error: --from three: a later step reads steps.one, and no earlier run of 'flaky_release' left a result for step 'one'; start from 'one' or earlier (runs are kept in .procrun/runs)

            """)
        #expect(!folder.exists("ran.log"))
        try ProcrunBinary.expect(["run", "flaky_release", "--from", "thre"], in: folder.path, status: 2, stderr: """
            error: --from thre: procedure 'flaky_release' has no step 'thre' (give an id or a number from 1 to 3); did you mean 'three'?

            """)
        try ProcrunBinary.expect(["run", "flaky_release", "--set", "tag=v8"], in: folder.path, stdout: """
            ▶ flaky_release (flaky_release.yaml, 3 steps)
              1/3 ✓ shell  one    <duration>
              2/3 ✓ shell  two    <duration>
              3/3 ✓ shell  three  <duration>
            ✓ flaky_release succeeded in <duration>: 3 succeeded

            """, normalizing: [.durations])
        try ProcrunBinary.expect(["run", "flaky_release", "--from", "3", "--json"], in: folder.path, stdout: """
            {"procedure":"flaky_release","file":"flaky_release.yaml","success":true,"duration_ms":<ms>,"learned":true,\
            "steps":[{"step":1,"id":"one","action":"shell","status":"skipped","outcome":"","duration_ms":<ms>,"error":null,\
            "attempts":0},{"step":2,"id":"two","action":"shell","status":"skipped","outcome":"","duration_ms":<ms>,"error":null,\
            "attempts":0},{"step":3,"id":"three","action":"shell","status":"success","outcome":"got built-v8","duration_ms":<ms>,\
            "exit_code":0,"error":null,"attempts":1}],"outputs":{}}

            """, normalizing: [.durationFields])
        #expect(try folder.read("ran.log") == "one\ntwo\nthree\nthree\n")
    }
}
