@testable import ProcrunMemory
@testable import ProcrunText
import Testing

@testable import ProcrunKit

@Suite("learning: step keys, run ids, the older format")
struct StepKeyTests {
    func document(_ text: String) throws -> StatsDocument {
        try StatsDocument(file: SourceFile(path: "p.yaml", text: text))
    }

    @Test("an unnamed step's key is a fingerprint of its action and parameters, whatever their order, quoting or position")
    func fingerprints() throws {
        let a = try document("name: p\nsteps:\n  - action: shell\n    parameters: {command: make, cwd: src}\n  - id: x\n    action: log\n")
        let b = try document("name: p\nsteps:\n  - id: x\n    action: log\n  - parameters:\n      cwd: 'src'\n      command: \"make\"\n    action: shell\n")
        #expect(a.stepKeys[1] == "x")
        #expect(a.stepKeys[0] == b.stepKeys[1])
        #expect(a.stepKeys[0].hasPrefix("shell#") && a.stepKeys[0].utf8.count == "shell#".utf8.count + 8)
        let changed = try document("name: p\nsteps:\n  - action: shell\n    parameters: {command: make, cwd: lib}\n")
        #expect(changed.stepKeys[0] != a.stepKeys[0])
        let twice = try document("name: p\nsteps:\n  - action: log\n    parameters: {message: hi}\n  - action: log\n    parameters: {message: hi}\n")
        #expect(twice.stepKeys[1] == twice.stepKeys[0] + "-2")
    }

    @Test("a fingerprint key is written plain and reads back; other odd keys are quoted")
    func keyQuoting() {
        #expect(ProcedureStats.key("log#0a1b2c3d") == "log#0a1b2c3d")
        #expect(ProcedureStats.key("log#0a1b2c3d-2") == "log#0a1b2c3d-2")
        #expect(ProcedureStats.key("log#") == "\"log#\"")
        #expect(ProcedureStats.key("#1") == "\"#1\"")
        #expect(ProcedureStats.key("a#b c") == "\"a#b c\"")
    }

    @Test("the run id is read from the comment after last_executed; a merge of two runs gets one id from both")
    func runIDs() throws {
        let text = "name: p\nsteps:\n  - action: log\nstats:\n  execution_count: 1\n  successes: 1\n  last_executed: \"2026-11-25T13:05:00Z\"  # run 5c1e0a9f\n"
        #expect(try document(text).stats.runID == "5c1e0a9f")
        #expect(try document(text.replacingOccurrences("# run", with: "# note")).stats.runID == nil)
        #expect(RunID.make().utf8.count == 8)
        #expect(RunID.make() != RunID.make())
        let merged = RunID.merging("aaaaaaaa", "bbbbbbbb")
        #expect(merged == RunID.merging("bbbbbbbb", "aaaaaaaa"))
        #expect(merged != "aaaaaaaa" && merged != "bbbbbbbb")
        #expect(RunID.merging(nil, "bbbbbbbb") == "bbbbbbbb")
    }

    @Test("the merge driver sums a base in the older format with sides in the new one, step by step")
    func mergeAcrossFormats() throws {
        let head = "name: m\nsteps:\n  - id: a\n    action: log\n  - action: log\n    parameters: {message: x}\n"
        let base = head + """
            stats:
              execution_count: 2
              successes: 2
              failures: 0
              last_executed: "2026-01-01T00:00:00Z"
              steps:
                a:
                  runs: 2
                  successes: 2
                  failures: 0
                step-2:
                  runs: 2
                  successes: 2
                  failures: 0

            """
        let key = try document(head).stepKeys[1]
        func side(_ runs: Int, _ id: String) -> SourceFile {
            var stats = ProcedureStats()
            stats.executionCount = runs
            stats.successes = runs
            stats.lastExecuted = "2026-02-0\(runs)T00:00:00Z"
            stats.runID = id
            var step = StepStats()
            step.runs = runs
            step.successes = runs
            stats[step: "a"] = step
            stats[step: key] = step
            return SourceFile(path: "m.yaml", text: head + stats.rendered())
        }
        let ours = side(3, "11111111")
        let theirs = side(5, "22222222")
        let result = try StatsMerger(base: SourceFile(path: "m.yaml", text: base), ours: ours, theirs: theirs).merge()
        #expect(!result.conflicted)
        let merged = try document(String(decoding: result.bytes, as: UTF8.self))
        #expect(!merged.isLegacyFormat)
        #expect(merged.stats.executionCount == 6)
        #expect(merged.stats[step: "a"]?.runs == 6)
        #expect(merged.stats[step: key]?.runs == 6)
        #expect(merged.stats[step: "step-2"] == nil)
        #expect(merged.stats.runID == RunID.merging("11111111", "22222222"))
        // Either side may be the old one too: theirs unchanged from the base, ours ran once.
        let single = try StatsMerger(base: SourceFile(path: "m.yaml", text: base), ours: side(3, "11111111"), theirs: SourceFile(path: "m.yaml", text: base)).merge()
        let one = try document(String(decoding: single.bytes, as: UTF8.self)).stats
        #expect(one.executionCount == 3 && one[step: key]?.runs == 3 && one.runID == "11111111")
    }

    @Test("conflict markers are found at the start of lines only")
    func conflictMarkers() {
        let text = "a\n<<<<<<< ours\nb\n=======\nc\n>>>>>>> theirs\n  <<<<<<< not\n<<<<<<<\n<<<<<<<x\n"
        #expect(ConflictMarkers.lines(in: Array(text.utf8)) == [2, 8])
    }
}
