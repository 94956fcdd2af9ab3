@testable import ProcrunMemory
@testable import ProcrunText
import Testing

@testable import ProcrunKit

@Suite("learning: merging stats")
struct StatsMergerTests {
    static let head = "name: m\nsteps:\n  - id: a\n    action: log\n    parameters: {message: x}\n"

    static func file(_ runs: Int, _ time: String, head: String = head) -> SourceFile {
        var stats = ProcedureStats()
        stats.executionCount = runs
        stats.successes = runs
        stats.totalDurationMilliseconds = runs * 10
        stats.lastExecuted = time
        var step = StepStats()
        step.runs = runs
        step.successes = runs
        stats[step: "a"] = step
        return SourceFile(path: "m.yaml", text: head + stats.rendered())
    }

    @Test("counters are base + both changes, the later time wins, derived figures are recomputed")
    func sums() throws {
        let merger = StatsMerger(
            base: Self.file(2, "2026-01-01T00:00:00Z"), ours: Self.file(5, "2026-03-01T00:00:00Z"),
            theirs: Self.file(4, "2026-02-01T00:00:00Z"))
        let result = try merger.merge()
        #expect(!result.conflicted)
        #expect(result.statsMerged)
        let stats = try StatsDocument(file: SourceFile(path: "m.yaml", bytes: result.bytes)).stats
        #expect(stats.executionCount == 7)
        #expect(stats.totalDurationMilliseconds == 70)
        #expect(stats.lastExecuted == "2026-03-01T00:00:00Z")
        #expect(stats[step: "a"]?.runs == 7)
        #expect(String(decoding: result.bytes, as: UTF8.self).contains("  avg_duration_ms: 10\n"))
    }

    @Test("a procedure with no stats block on any side gets none: its merge is git's, byte for byte")
    func noBlockAnywhere() throws {
        let base = SourceFile(path: "m.yaml", text: Self.head)
        let ours = SourceFile(path: "m.yaml", text: "# ours\n" + Self.head)
        let theirs = SourceFile(path: "m.yaml", text: Self.head + "  - id: b\n    action: log\n    parameters: {message: y}\n")
        let result = try StatsMerger(base: base, ours: ours, theirs: theirs).merge()
        #expect(!result.conflicted)
        #expect(result.stats == nil)
        #expect(String(decoding: result.bytes, as: UTF8.self) == "# ours\n" + Self.head + "  - id: b\n    action: log\n    parameters: {message: y}\n")
    }

    @Test("a file added on both branches (empty base) sums both sides")
    func emptyBase() throws {
        let merger = StatsMerger(
            base: SourceFile(path: "m.yaml", bytes: []), ours: Self.file(1, "2026-01-01T00:00:00Z"),
            theirs: Self.file(2, "2026-01-02T00:00:00Z"))
        let result = try merger.merge()
        #expect(!result.conflicted)
        #expect(try StatsDocument(file: SourceFile(path: "m.yaml", bytes: result.bytes)).stats.executionCount == 3)
    }

    @Test("a file that is not a procedure is merged as text")
    func notAProcedure() throws {
        let base = SourceFile(path: "c.yaml", text: "a: 1\nb: 2\nc: 3\n")
        let ours = SourceFile(path: "c.yaml", text: "a: 10\nb: 2\nc: 3\n")
        let theirs = SourceFile(path: "c.yaml", text: "a: 1\nb: 2\nc: 30\n")
        let result = try StatsMerger(base: base, ours: ours, theirs: theirs).merge()
        #expect(!result.conflicted)
        #expect(!result.statsMerged)
        #expect(String(decoding: result.bytes, as: UTF8.self) == "a: 10\nb: 2\nc: 30\n")
    }
}
