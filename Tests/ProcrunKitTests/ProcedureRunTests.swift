import ProcrunKit
import Testing

/// ``ProcedureRun``: one run loads the procedure, binds its inputs, interprets it, keeps a record
/// of the run for `--resume` and rewrites the stats block of the file, and nothing else in it.
@Suite("procedure run", .serialized)
struct ProcedureRunTests {
    /// The procedure the tests run: its second step fails until the file `ready` exists.
    static let procedure = """
        # a procedure run by the tests
        name: release
        inputs:
          tag: {type: string, default: latest}
        steps:
          - id: build
            action: log
            parameters: {message: "built {{ inputs.tag }}"}
          - id: ship
            action: shell
            parameters: {command: test -f ready}

        """

    /// Loads, binds `--set` texts and runs `release.yaml` of `folder`.
    static func run(_ folder: ScratchFolder, _ texts: [(name: String, text: String)] = [], learn: Bool = true) throws -> ProcedureRun.Outcome {
        let run = ProcedureRun(path: folder.path + "/release.yaml", library: Library(root: folder.path))
        let procedure = try run.load()
        return run.execute(procedure, inputs: try run.bind(texts: texts, to: procedure), learn: learn)
    }

    @Test("a run rewrites only the stats block, counting the run and each step")
    func statsRewrite() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try folder.write("release.yaml", Self.procedure)
        try folder.write("ready", "")
        let outcome = try Self.run(folder, [("tag", "v2")])
        #expect(outcome.report.success)
        #expect(outcome.report.steps.map(\.outcome) == ["built v2", ""])
        #expect(outcome.learned)
        #expect(outcome.learningProblems.isEmpty)
        let text = try folder.read("release.yaml")
        #expect(text.hasPrefix(Self.procedure + "stats:\n"), "the authored part changed:\n\(text)")
        let stats = try StatsDocument(path: folder.path + "/release.yaml").stats
        #expect(stats.executionCount == 1 && stats.successes == 1 && stats.failures == 0)
        #expect(stats[step: "build"]?.runs == 1 && stats[step: "ship"]?.successes == 1)
    }

    @Test("without learning the file is left as it was, and the run is still kept")
    func noLearning() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try folder.write("release.yaml", Self.procedure)
        let outcome = try Self.run(folder, learn: false)
        #expect(!outcome.report.success)
        #expect(!outcome.learned)
        #expect(outcome.notKept == nil)
        #expect(try folder.read("release.yaml") == Self.procedure)
        #expect(try FileSystem.contents(of: folder.path + "/.procrun/runs/release").count == 1)
    }

    @Test("a failed run is resumed from its failed step, with its inputs and the results of the steps before it")
    func resume() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try folder.write("release.yaml", Self.procedure)
        let failed = try Self.run(folder, [("tag", "v3")])
        #expect(failed.report.firstFailure?.id == "ship")
        let run = ProcedureRun(path: folder.path + "/release.yaml", library: Library(root: folder.path))
        let procedure = try run.load()
        let (point, earlier) = try run.resumePoint(.lastFailure, for: procedure)
        #expect(point.start == 1)
        #expect(earlier?.inputs["tag"] == .string("v3"))
        try folder.write("ready", "")
        let resumed = run.execute(procedure, inputs: earlier?.inputs ?? [:], resume: point)
        #expect(resumed.report.success)
        #expect(resumed.report.steps.map(\.status) == [.skipped, .success])
        #expect(try StatsDocument(path: folder.path + "/release.yaml").stats.executionCount == 2)
    }

    @Test("--from a step that does not exist is refused before anything runs, with the step meant")
    func unknownStep() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try folder.write("release.yaml", Self.procedure)
        let run = ProcedureRun(path: folder.path + "/release.yaml", library: Library(root: folder.path))
        let procedure = try run.load()
        #expect {
            _ = try run.resumePoint(.from("shp"), for: procedure)
        } throws: { error in
            (error as? DiagnosticsError)?.diagnostics.map(\.message) == [
                "--from shp: procedure 'release' has no step 'shp' (give an id or a number from 1 to 2); did you mean 'ship'?"
            ]
        }
    }
}
