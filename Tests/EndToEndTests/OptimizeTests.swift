import ProcrunKit
import Testing

/// `procrun optimize` and `procrun stats`.
@Suite("learning: optimize and stats", .serialized)
struct OptimizeTests {
    /// A procedure whose second step always fails (the run goes on), with `runs` runs recorded.
    static func flaky(_ folder: TemporaryFolder, runs: Int, extra: String = "") throws {
        try folder.write(
            "p.yaml",
            """
            # flaky procedure
            name: flaky
            version: 3
            steps:
              - id: build
                action: log
                parameters: {message: build}
              # the broken step
              - id: broken
                action: fail
                on_failure: continue
                parameters: {message: nope}
              - action: log
                parameters: {message: done}
            \(extra)
            """)
        for _ in 0..<runs { _ = try ProcrunBinary.run(["run", "--quiet", "p.yaml"], in: folder.path) }
    }

    @Test("optimize needs at least 3 recorded runs")
    func threshold() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.flaky(folder, runs: 2)
        let output = try ProcrunBinary.run(["optimize", "p.yaml"], in: folder.path)
        #expect(output.status == 2)
        #expect(output.stderr.contains("error: optimize needs at least 3 recorded runs; this procedure has 2"))
    }

    @Test("optimize prints the removal and the version bump as a diff, and writes nothing")
    func diff() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.flaky(folder, runs: 3)
        let before = try folder.read("p.yaml")
        let output = try ProcrunBinary.run(["optimize", "p.yaml"], in: folder.path)
        #expect(output.status == 0, "stderr: \(output.stderr)")
        #expect(output.stdout.contains("remove: step 2 ('broken'): 3 of 3 runs failed"))
        #expect(output.stdout.contains("--- a/p.yaml\n+++ b/p.yaml\n@@ -1,15 +1,11 @@\n # flaky procedure\n name: flaky\n-version: 3\n+version: 4\n"))
        #expect(output.stdout.contains("-  - id: broken\n-    action: fail\n-    on_failure: continue\n-    parameters: {message: nope}\n"))
        #expect(try folder.read("p.yaml") == before)
    }

    @Test("optimize --write removes the step and its stats, bumps the version, and the result checks")
    func write() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.flaky(folder, runs: 3)
        let output = try ProcrunBinary.run(["optimize", "--write", "p.yaml"], in: folder.path)
        #expect(output.status == 0, "stderr: \(output.stderr)")
        let text = try folder.read("p.yaml")
        #expect(text.hasPrefix("# flaky procedure\nname: flaky\nversion: 4\nsteps:\n  - id: build\n"))
        #expect(!text.contains("id: broken"))
        #expect(text.contains("  # the broken step\n  - action: log\n"))
        let document = try StatsDocument(path: folder.path + "/p.yaml")
        let stats = document.stats
        #expect(stats[step: "broken"] == nil)
        #expect(stats[step: document.stepKeys[1]]?.runs == 3, "the third step keeps its record")
        #expect(document.orphanKeys.isEmpty)
        #expect(try ProcrunBinary.run(["check", "p.yaml"], in: folder.path).status == 0)
        let rerun = try ProcrunBinary.run(["run", "--quiet", "p.yaml"], in: folder.path)
        #expect(rerun.status == 0)
    }

    @Test("a failing step that a later step reads is kept, and optimize says so")
    func referencedKept() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.flaky(folder, runs: 0)
        let text = try folder.read("p.yaml").replacingAll(
            "parameters: {message: done}", with: "parameters: {message: \"{{ steps.broken.status }}\"}")
        try folder.write("p.yaml", text)
        for _ in 0..<3 { _ = try ProcrunBinary.run(["run", "--quiet", "p.yaml"], in: folder.path) }
        let output = try ProcrunBinary.run(["optimize", "--write", "p.yaml"], in: folder.path)
        #expect(output.status == 0, "stderr: \(output.stderr)")
        #expect(output.stdout.contains("is kept: it is referenced as 'steps.broken' at line 14"), "\(output.stdout)")
        #expect(output.stdout.contains("nothing to change"))
        #expect(try folder.read("p.yaml").contains("id: broken"))
    }

    @Test("stats lists procedures and marks failing steps; --json for tools")
    func statsCommand() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.flaky(folder, runs: 2)
        try folder.write("other.yaml", "name: other\n" + LearningCorpus.steps)
        try folder.write("config.yaml", "just: a yaml file\n")
        let all = try ProcrunBinary.run(["stats"], in: folder.path)
        #expect(all.status == 0)
        #expect(all.stdout.contains("flaky"))
        #expect(all.stdout.contains("other"))
        #expect(!all.stdout.contains("config"))
        let one = try ProcrunBinary.run(["stats", "p.yaml"], in: folder.path)
        #expect(one.stdout.contains("0.0%"))
        let broken = one.stdout.split(separator: "\n").first { $0.hasPrefix("broken") } ?? ""
        #expect(broken.hasSuffix("failing"))
        let json = try ProcrunBinary.run(["stats", "--json", "p.yaml"], in: folder.path)
        #expect(json.stdout.hasPrefix("{\"procedures\":[{\"file\":\"p.yaml\",\"name\":\"flaky\",\"execution_count\":2,\"successes\":0,\"failures\":2,\"success_rate\":0.000,"))
        #expect(json.stdout.contains("{\"key\":\"broken\",\"runs\":2,\"successes\":0,\"failures\":2,\"skips\":0,"))
    }
}
