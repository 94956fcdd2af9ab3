import ProcrunKit
import Testing

/// A step without a `timeout` is bounded by `--timeout` or by `procrun.yaml`'s `defaults`; a
/// step's own `timeout` wins over both.
@Suite("default step timeout", .serialized)
struct DefaultTimeoutTests {
    /// Runs the `stuck` fixture in a copy of `folder` and checks that only the hanging step timed out.
    func expectStuckStepEnded(_ arguments: [String], fixture: String, config: String? = nil) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.copy(ProcrunBinary.fixtures + "/safety/" + fixture, as: "stuck.yaml")
        if let config { _ = try folder.copy(ProcrunBinary.fixtures + "/safety/" + config, as: "procrun.yaml") }
        let start = ContinuousClock.now
        let output = try ProcrunBinary.run(["run", "stuck.yaml", "--json"] + arguments, in: folder.path)
        #expect(ContinuousClock.now - start < .seconds(20), "the hanging step held the run")
        #expect(output.status == 1, "stderr was:\n\(output.stderr)")
        let steps = AgentFixture.steps(AgentFixture.object(output.stdout))
        #expect(steps.count == 2, "stdout was:\n\(output.stdout)")
        #expect(steps.first?["status"] == .string("success"), "the step's own 5s timeout must win over the default")
        #expect(steps.last?["error"] == .string("timed out after 1s"))
        #expect(!folder.exists("after-ran"))
    }

    @Test("--timeout 1s ends a step that sets no timeout")
    func commandLine() throws {
        try expectStuckStepEnded(["--timeout", "1s"], fixture: "stuck.yaml")
    }

    @Test("procrun.yaml's defaults.timeout ends a step that sets no timeout")
    func libraryDefault() throws {
        try expectStuckStepEnded([], fixture: "defaults/stuck.yaml", config: "defaults/procrun.yaml")
    }

    @Test("--timeout wins over defaults.timeout")
    func commandLineWins() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("procrun.yaml", "defaults: {timeout: 100ms}\n")
        try folder.write("nap.yaml", "name: nap\nsteps:\n  - action: shell\n    parameters: {command: sleep 0.5}\n")
        #expect(try ProcrunBinary.run(["run", "nap.yaml", "--no-learn"], in: folder.path).status == 1)
        #expect(try ProcrunBinary.run(["run", "nap.yaml", "--no-learn", "--timeout", "5s"], in: folder.path).status == 0)
    }

    @Test("a misspelt defaults key and a bad --timeout are refused")
    func refused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("procrun.yaml", "defaults:\n  timout: 1s\n")
        try folder.write("ok.yaml", "name: ok\nsteps:\n  - action: log\n    parameters: {message: hi}\n")
        let typo = try ProcrunBinary.run(["check", "ok.yaml"], in: folder.path)
        #expect(typo.status == 2)
        #expect(typo.stderr.hasPrefix("procrun.yaml:2:3: error: unknown key 'timout' in 'defaults'; did you mean 'timeout'?"), "stderr was:\n\(typo.stderr)")
        try folder.write("procrun.yaml", "defaults: {timeout: soon}\n")
        let bad = try ProcrunBinary.run(["check", "ok.yaml"], in: folder.path)
        #expect(bad.stderr.hasPrefix("procrun.yaml:1:21: error: expected a duration for 'defaults.timeout' (such as 500ms, 30s, 5m), found"), "stderr was:\n\(bad.stderr)")
        try folder.write("procrun.yaml", "")
        let flag = try ProcrunBinary.run(["run", "ok.yaml", "--timeout", "soon"], in: folder.path)
        #expect(flag.status == 2)
        #expect(flag.stderr == "error: --timeout 'soon': expected a duration such as 500ms, 30s or 5m\n")
    }
}
