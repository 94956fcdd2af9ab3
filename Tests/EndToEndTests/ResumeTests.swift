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
        let first = try ProcrunBinary.run(["run", "flaky_release", "--set", "tag=v7"], in: folder.path)
        #expect(first.status == 1)
        _ = try folder.write("fixed", "")
        let resumed = try ProcrunBinary.run(["run", "flaky_release", "--resume", "--json"], in: folder.path)
        #expect(resumed.status == 0, "\(resumed.stdout)\(resumed.stderr)")
        #expect(try folder.read("ran.log") == "one\ntwo\nthree\nthree\n")
        let steps = AgentFixture.steps(AgentFixture.object(resumed.stdout))
        #expect(steps.map { $0["status"] } == [.string("skipped"), .string("skipped"), .string("success")])
        #expect(steps.last?["outcome"] == .string("got built-v7"))
        let stats = try folder.read("flaky_release.yaml")
        #expect(stats.contains("execution_count: 2"))
        #expect(stats.contains("successes: 1"))
        let json = try ProcrunBinary.run(["stats", "flaky_release", "--json"], in: folder.path)
        #expect(json.stdout.contains(#""key":"one","runs":1"#), "\(json.stdout)")
        #expect(json.stdout.contains(#""key":"three","runs":2"#), "\(json.stdout)")
        let again = try ProcrunBinary.run(["run", "flaky_release", "--resume"], in: folder.path)
        #expect(again.status == 2)
        #expect(again.stderr == "error: no failed run of 'flaky_release' to resume: its last run did not fail (runs are kept in .procrun/runs)\n", "\(again.stderr)")
        #expect(try folder.read(".procrun/.gitignore").contains("*"))
    }

    @Test("--from STEP starts there, reading earlier results from the last run; without one, a step that needs it is refused before anything runs")
    func fromStep() throws {
        let folder = try Self.folder()
        defer { folder.remove() }
        _ = try folder.write("fixed", "")
        let refused = try ProcrunBinary.run(["run", "flaky_release", "--from", "three"], in: folder.path)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--from three: a later step reads steps.one, and no earlier run of 'flaky_release' left a result for step 'one'"), "\(refused.stderr)")
        #expect(!folder.exists("ran.log"))
        let unknown = try ProcrunBinary.run(["run", "flaky_release", "--from", "thre"], in: folder.path)
        #expect(unknown.stderr.contains("has no step 'thre'") && unknown.stderr.contains("did you mean 'three'?"), "\(unknown.stderr)")
        let full = try ProcrunBinary.run(["run", "flaky_release", "--set", "tag=v8"], in: folder.path)
        #expect(full.status == 0, "\(full.stdout)")
        let from = try ProcrunBinary.run(["run", "flaky_release", "--from", "3", "--json"], in: folder.path)
        #expect(from.status == 0, "\(from.stderr)")
        #expect(AgentFixture.steps(AgentFixture.object(from.stdout)).last?["outcome"] == .string("got built-v8"))
        #expect(try folder.read("ran.log") == "one\ntwo\nthree\nthree\n")
    }
}
