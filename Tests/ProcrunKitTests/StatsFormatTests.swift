@testable import ProcrunMemory
@testable import ProcrunText
import Testing

@testable import ProcrunKit

@Suite("learning: stats model, format and splicing")
struct StatsFormatTests {
    func document(_ text: String) throws -> StatsDocument {
        try StatsDocument(file: SourceFile(path: "p.yaml", text: text))
    }

    @Test("the block has one format: one key per line, one flow mapping per step, the run id after last_executed")
    func format() {
        var stats = ProcedureStats()
        stats.executionCount = 8
        stats.successes = 7
        stats.failures = 1
        stats.totalDurationMilliseconds = 1001
        stats.lastExecuted = "2026-11-25T13:05:00Z"
        stats.runID = "5c1e0a9f"
        var step = StepStats()
        step.runs = 8
        step.successes = 7
        step.failures = 1
        step.totalDurationMilliseconds = 20
        step.lastError = "exit \"2\"\ttab"
        stats[step: "build"] = step
        stats[step: "log#0a1b2c3d-2"] = StepStats()
        #expect(
            stats.rendered(lineEnding: "\r\n") == """
                stats:\r
                  execution_count: 8\r
                  successes: 7\r
                  failures: 1\r
                  success_rate: 0.875\r
                  total_duration_ms: 1001\r
                  avg_duration_ms: 125\r
                  last_executed: "2026-11-25T13:05:00Z"  # run 5c1e0a9f\r
                  steps:\r
                    build: {runs: 8, successes: 7, failures: 1, skips: 0, total_duration_ms: 20, last_error: "exit \\"2\\"\\ttab"}\r
                    log#0a1b2c3d-2: {runs: 0, successes: 0, failures: 0, skips: 0, total_duration_ms: 0}\r

                """)
    }

    @Test("arithmetic never traps: sums saturate, averages and rates stay in range")
    func arithmetic() {
        let max = StatsArithmetic.maxCounter
        #expect(StatsArithmetic.add(max, max) == max)
        #expect(StatsArithmetic.add(Int.max, 1) == max)
        #expect(StatsArithmetic.subtract(Int.min, 1) == 0)
        #expect(StatsArithmetic.average(Int.max, over: 0) == 0)
        #expect(StatsArithmetic.average(5, over: 2) == 3)
        #expect(StatsArithmetic.thousandths(Int.max, of: Int.max) == 1000)
        #expect(StatsArithmetic.thousandths(2, of: 3) == 667)
        #expect(StatsArithmetic.decimal(thousandths: 5) == "0.005")
        #expect(StatsArithmetic.decimal(thousandths: 1000) == "1.000")
    }

    @Test("a stats: line inside a block scalar is not the block")
    func decoy() throws {
        let text = "name: d\ndescription: |\n  stats:\n    execution_count: 9\nsteps:\n  - action: log\n    parameters: {message: x}\n"
        let found = try document(text)
        #expect(!found.block.exists)
        #expect(found.block.range == text.utf8.count..<text.utf8.count)
        let real = try document(text + "stats:\n  execution_count: 2\n  successes: 2\n  failures: 0\n# after\n")
        #expect(real.block.range == text.utf8.count..<(text.utf8.count + 57))
        #expect(real.stats.executionCount == 2)
    }

    @Test("splicing keeps every byte outside the block and reads back")
    func splice() throws {
        let head = "\u{FEFF}# 日本語 ✓\r\nname: s\r\nsteps:\r\n  - action: log\r\n    parameters: {message: x}\r\n"
        let tail = "# trailing\r\n"
        let found = try document(head + "stats: {execution_count: 1, successes: 1, failures: 0}\r\n" + tail)
        let bytes = try found.replacingStats(with: found.stats.adding(ProcedureStats.one))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix(head + "stats:\r\n  execution_count: 2\r\n"))
        #expect(text.hasSuffix("\r\n" + tail))
        #expect(try document(text).stats.executionCount == 2)
    }

    @Test("the rewritten block is checked against what was meant, event by event, awkward keys and errors included")
    func readBack() throws {
        var stats = ProcedureStats.one
        stats.lastExecuted = "2026-11-25T13:05:00Z"
        var step = StepStats()
        step.runs = 1
        step.failures = 1
        step.lastError = "exit 2: \"quoted\" \\ back\tslash 日本語 #not-a-comment"
        stats[step: "yes"] = step
        stats[step: "step-2"] = StepStats()
        stats[step: "with space: colon"] = step
        var bytes = Array("name: r\nsteps:\n  - action: log\n    parameters: {message: x}\n".utf8)
        let expected = stats.renderedBlock(indent: "", lineEnding: "\n", finalLineBreak: true, appendingTo: &bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        let parser = YAMLParser(file: SourceFile(path: "r.yaml", text: text))
        let read = try parser.parse(expecting: expected, atTopLevelKey: "stats")
        #expect(read.matched)
        #expect(read.root["stats"]?.scalar?.text == "")
        #expect(read.root["steps"]?.items?.count == 1)

        // Any difference between the text and what it was meant to say is caught.
        var meant = expected
        meant[meant.firstIndex(of: .integer(1))!] = .integer(2)
        #expect(try !parser.parse(expecting: meant, atTopLevelKey: "stats").matched)
        #expect(try !parser.parse(expecting: expected.dropLast(), atTopLevelKey: "stats").matched)
        #expect(try !parser.parse(expecting: expected, atTopLevelKey: "other").matched)
        let quotedNumber = text.replacingOccurrences("execution_count: 1", with: "execution_count: \"1\"")
        #expect(try !YAMLParser(file: SourceFile(path: "r.yaml", text: quotedNumber)).parse(expecting: expected, atTopLevelKey: "stats").matched)
    }

    @Test("a rewritten file is compared with the one read, event by event; anchors and merges fall back to nodes")
    func readsAsOriginal() throws {
        var stats = ProcedureStats.one
        stats.lastExecuted = "2026-11-25T13:05:00Z"
        func check(_ before: String, _ after: String, expected: [ExpectedYAMLEvent]? = nil) throws -> Bool {
            let original = try YAMLParser(file: SourceFile(path: "o.yaml", text: before)).parse()
            var bytes = Array(after.utf8)
            let meant = stats.renderedBlock(indent: "", lineEnding: "\n", finalLineBreak: true, appendingTo: &bytes)
            return try YAMLParser(file: SourceFile(path: "n.yaml", bytes: bytes)).reads(as: original, except: "stats", expecting: expected ?? meant)
        }
        let head = "name: r # a comment\nsteps:\n  - {action: log, parameters: {message: x}}\n  - action: shell\n    parameters: {command: [a, b]}\n"
        #expect(try check(head, head))
        #expect(try check(head + "stats: {execution_count: 9}\n", head))
        #expect(try check(head.replacingOccurrences("# a comment", with: ""), "name: 'r'\nsteps:\n- action: log\n  parameters:\n    message: x\n- action: shell\n  parameters: {command: [a, b]}\n"))
        #expect(try !check(head, head.replacingOccurrences("message: x", with: "message: y")))
        #expect(try !check(head, head.replacingOccurrences("[a, b]", with: "[a, b, c]")))
        #expect(try !check(head, head + "extra: 1\n"))
        #expect(try !check(head, head, expected: [.mappingStart, .mappingEnd]))
        let merged = "defaults: &d {action: log}\nname: r\nsteps:\n  - <<: *d\n    parameters: {message: x}\n"
        #expect(try check(merged, merged))
        #expect(try !check(merged, merged.replacingOccurrences("message: x", with: "message: y")))
        #expect(try !check(head, head + "steps: again\n"))
        #expect(throws: Diagnostic.self) { try check(head, head.replacingOccurrences("[a, b]", with: "[a, b")) }
    }

    @Test("hand-edited nonsense in the block is refused with its position")
    func nonsense() {
        let text = "name: s\nsteps:\n  - action: log\n    parameters: {message: x}\nstats:\n  execution_count: 1\n  successes: 2\n"
        do {
            _ = try StatsDocument(file: SourceFile(path: "p.yaml", text: text))
            Issue.record("expected an error")
        } catch {
            #expect(error.location?.line == 7)
            #expect(error.message.hasPrefix("stats: successes (2)"))
        }
    }

    @Test("the unified diff shows changed lines with context")
    func diff() {
        let old = Array("a\nb\nc\nd\n".utf8)
        let new = Array("a\nB\nc\nd".utf8)
        #expect(
            UnifiedDiff.render(old: old, new: new, path: "f")
                == "--- a/f\n+++ b/f\n@@ -1,4 +1,4 @@\n a\n-b\n+B\n c\n-d\n+d\n\\ No newline at end of file\n")
        #expect(UnifiedDiff.render(old: old, new: old, path: "f").isEmpty)
    }

    @Test("optimize adds a version line after the name when there is none")
    func versionInserted() throws {
        var text = "name: v\nsteps:\n  - action: log\n    parameters: {message: x}\n  - id: bad\n    action: fail\n    on_failure: continue\n"
        text += "stats:\n  execution_count: 3\n  successes: 0\n  failures: 3\n  steps:\n    bad: {runs: 3, successes: 0, failures: 3}\n"
        let plan = try Optimizer(document: try document(text)).plan()
        #expect(plan.changes)
        #expect(plan.version == 2)
        let result = String(decoding: plan.bytes, as: UTF8.self)
        #expect(result.hasPrefix("name: v\nversion: 2\nsteps:\n  - action: log\n    parameters: {message: x}\nstats:\n"))
    }
}

extension ProcedureStats {
    /// One successful run.
    static var one: ProcedureStats {
        var stats = ProcedureStats()
        stats.executionCount = 1
        stats.successes = 1
        return stats
    }
}
