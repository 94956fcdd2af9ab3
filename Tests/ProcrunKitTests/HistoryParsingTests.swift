@testable import ProcrunMemory
@testable import ProcrunText
import Testing

@testable import ProcrunKit

/// The pieces `procrun history` and `procrun report` read git's answers and the command line with.
@Suite("learning: history parsing")
struct HistoryParsingTests {
    /// `git log --raw -z` output as ``HistoryLog`` asks for it, built from parts.
    static func logOutput(_ commits: [(sha: String, parents: String, date: Int, subject: String, entries: [String])]) -> [UInt8] {
        var bytes: [UInt8] = []
        for commit in commits {
            bytes += Array("\u{1E}\(commit.sha)\u{1F}\(commit.parents)\u{1F}\(commit.date)\u{1F}\(commit.subject)\0\n".utf8)
            for entry in commit.entries { bytes += Array(entry.utf8) }
        }
        return bytes
    }

    static let zero = String(repeating: "0", count: 40)
    static let a = String(repeating: "a", count: 40)
    static let b = String(repeating: "b", count: 40)

    @Test("git log's raw entries: modified, added, deleted and renamed files, merges told by their parents")
    func rawEntries() {
        let bytes = Self.logOutput([
            ("c3", "c2 c9", 300, "Merge branch 'ci': 3 runs", [":100644 100644 \(Self.a) \(Self.b) M\0procedures/x.yaml\0"]),
            ("c2", "c1", 200, "rename: a: b", [":100644 100644 \(Self.a) \(Self.a) R100\0procedures/old.yaml\0procedures/x.yaml\0"]),
            (
                "c1", "", 100, "first",
                [":000000 100644 \(Self.zero) \(Self.a) A\0procedures/old.yaml\0", ":100644 000000 \(Self.b) \(Self.zero) D\0procedures/gone.yaml\0"]
            ),
        ])
        let commits = HistoryLog.parse(bytes)
        #expect(commits.map(\.sha) == ["c3", "c2", "c1"])
        #expect(commits.map(\.isMerge) == [true, false, false])
        #expect(commits.map(\.date) == [300, 200, 100])
        #expect(commits[0].subject == "Merge branch 'ci': 3 runs")
        #expect(commits[1].subject == "rename: a: b")
        let renamed = commits[1].changes[0]
        #expect(renamed.status == UInt8(ascii: "R") && renamed.oldPath == "procedures/old.yaml" && renamed.path == "procedures/x.yaml")
        #expect(commits[2].changes.count == 2)
        #expect(commits[2].changes[0].oldBlob == nil && commits[2].changes[0].newBlob == Self.a)
        #expect(commits[2].changes[1].newBlob == nil && commits[2].changes[1].path == "procedures/gone.yaml")
    }

    @Test("a version's stats section is found without parsing the rest of the file")
    func statsSection() throws {
        let file = """
            name: deploy
            steps:
              - id: ship
                run: |
                  echo stats:
            stats:
              execution_count: 3
              successes: 2
              failures: 1
              success_rate: 0.667
              total_duration_ms: 30
              avg_duration_ms: 10
              last_executed: "2026-11-25T13:05:00Z"  # run 5c1e0a9f
              steps:
                ship: {runs: 3, successes: 2, failures: 1, skips: 0, total_duration_ms: 30, last_error: "expected exit code 0, got 2"}
            # a comment
            version: 2

            """
        let bytes = Array(file.utf8)
        let range = try #require(ProcedureStats.statsSection(bytes[...]))
        #expect(String(decoding: bytes[range], as: UTF8.self).hasPrefix("stats:\n"))
        #expect(!String(decoding: bytes[range], as: UTF8.self).contains("version"))
        let stats = try ProcedureStats(version: bytes[...], path: "deploy.yaml")
        #expect(stats.executionCount == 3 && stats.failures == 1)
        #expect(stats[step: "ship"]?.lastError == "expected exit code 0, got 2")
        #expect(try ProcedureStats(version: Array("name: x\nsteps: []\n".utf8)[...], path: "x.yaml") == ProcedureStats())
    }

    @Test("a stats block check refuses is an error, not figures")
    func refusedBlock() {
        let file = "name: x\nsteps: [{action: log}]\nstats:\n  execution_count: 1\n  successes: 5\n"
        #expect(throws: Diagnostic.self) { try ProcedureStats(version: Array(file.utf8)[...], path: "x.yaml") }
    }

    @Test("dates on the command line: a day, a UTC time, a span back from now")
    func dates() {
        let now = 1_796_000_000
        #expect(DateText.seconds("2026-11-01", now: now) == 1_793_491_200)
        #expect(DateText.seconds("2026-11-01", now: now, endOfDay: true) == 1_793_491_200 + 86_399)
        #expect(DateText.seconds("2026-11-01T09:30:00Z", now: now) == 1_793_491_200 + 34_200)
        #expect(DateText.seconds("30d", now: now) == now - 30 * 86_400)
        #expect(DateText.seconds("2 weeks", now: now) == now - 14 * 86_400)
        #expect(DateText.seconds("1w", now: now) == now - 7 * 86_400)
        for wrong in ["", "yesterday", "2026-13-45", "30", "30 years", "-3d", "2026-11-1"] {
            #expect(DateText.seconds(wrong, now: now) == nil, "\(wrong)")
        }
    }

    @Test("text from files is escaped for Markdown, words with underscores kept readable")
    func markdownText() {
        #expect(MarkdownText.escaped("deploy_backend") == "deploy_backend")
        #expect(MarkdownText.escaped("_private_ *x* [a](b) a|b <i> `c`") == "\\_private\\_ \\*x\\* \\[a\\](b) a\\|b \\<i\\> \\`c\\`")
        #expect(MarkdownText.escaped("two\nlines") == "two lines")
    }
}
