@testable import ProcrunLanguage
@testable import ProcrunMemory
@testable import ProcrunRuntime
@testable import ProcrunSystem
@testable import ProcrunText
import Testing

@testable import ProcrunKit

@Suite("learning: recording runs")
struct StatsLearnerTests {
    @Test("a nested procedure's steps are recorded in its own file")
    func nested() throws {
        let folder = try FileSystem.makeTemporaryDirectory(prefix: "/tmp/procrun-unit-")
        defer { _ = try? ProcessRunner.run(ProcessSpec(arguments: ["rm", "-rf", folder])) }
        let inner = folder + "/inner.yaml"
        try FileSystem.write(Array("name: inner\nsteps:\n  - id: a\n    action: log\n    parameters: {message: x}\n".utf8), to: inner)
        var child = StepResult(number: 1, id: "a", action: "log", status: .success)
        child.durationNanoseconds = 3_000_000
        var call = StepResult(number: 1, id: "call", action: "inner", status: .success)
        call.children = [child]
        call.durationNanoseconds = 5_000_000
        let report = RunReport(procedure: "outer", file: folder + "/outer.yaml", success: true, durationNanoseconds: 6_000_000, steps: [call], outputs: [:])
        let problems = StatsLearner.recordNested(in: report, file: { $0.id == "call" ? inner : nil }, now: "2026-11-25T13:05:00Z")
        #expect(problems.isEmpty)
        let stats = try StatsDocument(path: inner).stats
        #expect(stats.executionCount == 1)
        #expect(stats.totalDurationMilliseconds == 5)
        #expect(stats[step: "a"]?.totalDurationMilliseconds == 3)
        #expect(stats.lastExecuted == "2026-11-25T13:05:00Z")
    }

    @Test("the delta of a run: one execution, per-step runs and skips, the first line of procrun's own words for the error")
    func delta() {
        var ok = StepResult(number: 1, id: nil, action: "log", status: .success)
        ok.durationNanoseconds = 2_000_000
        let skipped = StepResult(number: 2, id: "s", action: "log", status: .skipped)
        var failed = StepResult(number: 3, id: "f", action: "shell", status: .failed)
        failed.cause = "\n  expected exit code 0, got 2  \nmore"
        failed.error = "expected exit code 0, got 2: token=ghp_printed_by_the_step"
        var unexplained = StepResult(number: 4, id: "u", action: "shell", status: .failed)
        unexplained.error = "text without procrun's own words"
        let report = RunReport(procedure: "p", file: "p.yaml", success: false, durationNanoseconds: 9_000_000, steps: [ok, skipped, failed, unexplained], outputs: [:])
        let delta = StatsLearner.delta(for: report, keys: ["log#0123abcd", "s", "f", "u"], now: "2026-11-25T13:05:00Z", runID: "5c1e0a9f")
        #expect(delta.executionCount == 1 && delta.failures == 1 && delta.successes == 0)
        #expect(delta.runID == "5c1e0a9f")
        #expect(delta[step: "log#0123abcd"]?.runs == 1)
        #expect(delta[step: "s"]?.skips == 1 && delta[step: "s"]?.runs == 0)
        #expect(delta[step: "f"]?.lastError == "expected exit code 0, got 2")
        #expect(delta[step: "u"]?.lastError == "failed")
    }

    @Test("a time-out is counted by the failure's kind, whatever its text, and written only when not 0")
    func timeouts() {
        var timedOut = StepResult(number: 1, id: "wait", action: "shell", status: .failed)
        timedOut.fail(StepFailure(.timedOut, "stopped: the step's time ran out"))
        var failed = StepResult(number: 2, id: "other", action: "shell", status: .failed)
        failed.fail(StepFailure(.action, "timed out, says a message that is not a time-out"))
        let report = RunReport(procedure: "p", file: "p.yaml", success: false, durationNanoseconds: 1_000_000, steps: [timedOut, failed], outputs: [:])
        let delta = StatsLearner.delta(for: report, keys: ["wait", "other"], now: "2026-11-25T13:05:00Z", runID: "5c1e0a9f")
        #expect(delta[step: "wait"]?.timeouts == 1)
        #expect(delta[step: "other"]?.timeouts == 0)
        let sum = delta[step: "wait"]!.adding(delta[step: "wait"]!)
        #expect(sum.timeouts == 2 && sum.subtracting(delta[step: "wait"]!).timeouts == 1)
    }
}
