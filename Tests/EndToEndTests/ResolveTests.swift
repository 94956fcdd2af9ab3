import ProcrunKit
import Testing

/// `procrun resolve` after a merge made without the merge driver (as a hosting service's merge
/// button makes it).
@Suite("learning: resolving a merge made without the driver", .serialized)
struct ResolveTests {
    /// `main` with one run of `p.yaml`, then `left` with `leftRuns` more runs and `right` (checked
    /// out) with `rightRuns`; `edit` changes each side's file before its runs.
    static func branches(
        _ folder: TemporaryFolder, leftRuns: Int, rightRuns: Int, edit: (String, String) -> String = { text, _ in text }
    ) throws {
        try folder.write("p.yaml", GitMergeTests.procedure)
        try GitMergeTests.runs(1, folder)
        try ReviewableStatsTests.repository(folder)
        for (branch, runs) in [("left", leftRuns), ("right", rightRuns)] {
            try GitMergeTests.git(["checkout", "-q", "-b", branch, "main"], folder)
            try folder.write("p.yaml", edit(try folder.read("p.yaml"), branch))
            try GitMergeTests.runs(runs, folder)
            try GitMergeTests.git(["commit", "-q", "-am", branch], folder)
        }
    }

    /// What the merge driver makes of the index stages of `p.yaml`.
    static func driverResult(_ folder: TemporaryFolder) throws -> String {
        for stage in 1...3 {
            let shown = try GitMergeTests.git(["show", ":\(stage):p.yaml"], folder)
            try FileSystem.write(shown.stdout.bytes, to: folder.path + "/stage\(stage)")
        }
        // Its exit status and what it says depend on the test: each test checks them on what resolve does.
        let driver = try ProcrunBinary.run(["merge-driver", "stage1", "stage2", "stage3", "7", "p.yaml"], in: folder.path)
        #expect(driver.status <= 1, "\(driver.stderr)")
        defer { for stage in 1...3 { _ = try? FileSystem.remove(folder.path + "/stage\(stage)") } }
        return try folder.read("stage2")
    }

    @Test("two branches that both ran: resolve sums the runs exactly as the driver does, and adds the file")
    func exactSums() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.branches(folder, leftRuns: 2, rightRuns: 3) { text, branch in
            branch == "left" ? text.replacingAll("# a procedure shared", with: "# THE procedure shared") : text
        }
        let merge = try GitMergeTests.git(["merge", "--no-edit", "left"], folder, allowFailure: true)
        #expect(merge.exitCode != 0, "the merge went through without a conflict")
        let expected = try Self.driverResult(folder)

        try ProcrunBinary.expect(["resolve"], in: folder.path, stdout: "p.yaml: stats merged (6 runs); added to the index\n")
        let text = try folder.read("p.yaml")
        #expect(text == expected)
        #expect(text.hasPrefix("# THE procedure shared"))
        let stats = try StatsDocument(path: folder.path + "/p.yaml").stats
        #expect(stats.executionCount == 6 && stats.successes == 6)
        #expect(stats[step: "first"]?.runs == 6 && stats[step: "second"]?.successes == 6)
        #expect(try GitMergeTests.git(["ls-files", "-u"], folder).stdout.text.isEmpty)
        try ProcrunBinary.expect(["check", "p.yaml"], in: folder.path, stdout: "ok: p.yaml: 'shared', 2 steps\n")
        try GitMergeTests.git(["commit", "-q", "--no-edit"], folder)
    }

    @Test("a conflict in the authored part stays with its markers and is reported; the stats are merged; exit 1")
    func authoredConflictLeft() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.branches(folder, leftRuns: 1, rightRuns: 2) { text, branch in text.replacingAll("message: two", with: "message: \(branch)") }
        let merge = try GitMergeTests.git(["merge", "--no-edit", "left"], folder, allowFailure: true)
        #expect(merge.exitCode != 0)
        // How git splits the conflict depends on the stats both sides share, durations included (0 ms,
        // or 1 ms on a loaded machine): only the first marker's line is fixed.
        let markers = OutputNormalization.replacing(#"\(lines 9(, [0-9]+)*\)"#, with: "(lines 9, ...)", "the lines of the markers after the first")
        try ProcrunBinary.expect(
            ["check", "p.yaml"], in: folder.path, status: 2,
            stderr: """
                p.yaml:9:1: error: unresolved merge conflict markers (lines 9, ...)
                <<<<<<< HEAD
                ^
                note: run 'procrun resolve p.yaml' to merge the stats of both sides as procrun's merge driver does, or resolve the conflict by hand
                note: 'procrun git-setup' installs that merge driver, so that git merges the stats of procedures by itself
                1 problem found in 1 file

                """, normalizing: [markers])
        let expected = try Self.driverResult(folder)

        try ProcrunBinary.expect(["resolve", "p.yaml"], in: folder.path, status: 1, stdout: "p.yaml: stats merged (4 runs); conflicts left in the authored part\n", stderr: """
            p.yaml:9: conflict in the authored part, left with its markers
            1 file still conflicted: resolve the marked lines, then 'git add' it

            """)
        let text = try folder.read("p.yaml")
        #expect(text == expected)
        #expect(text.contains("<<<<<<< HEAD\n    parameters: {message: right}\n=======\n    parameters: {message: left}\n>>>>>>> theirs\n"))
        #expect(text.contains("\nstats:\n  execution_count: 4\n  successes: 4\n"))
        #expect(!(try GitMergeTests.git(["ls-files", "-u"], folder).stdout.text.isEmpty), "a file with conflicts left is not added")
    }
}
