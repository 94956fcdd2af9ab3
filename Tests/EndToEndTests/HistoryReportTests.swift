import ProcrunKit
import ProcrunSystem
import ProcrunText
import Testing

/// `procrun history` and `procrun report` on the scripted history of Fixtures/history (EXPECTED.md
/// there is the truth the figures are checked against); whole outputs compared with the files in
/// Fixtures/history/expected, commit names normalized.
@Suite("learning: history and report from git")
struct HistoryReportTests {
    /// An expected output's text.
    static func expected(_ name: String) throws -> String {
        String(decoding: try FileSystem.read(ProcrunBinary.fixtures + "/history/expected/" + name), as: UTF8.self)
    }

    @Test("history: a row per first-parent commit that added runs, the rename followed")
    func historyOfRenamed() throws {
        let repo = try HistoryFixture.folder()
        try ProcrunBinary.expect(["history", "publish"], in: repo, stdout: try Self.expected("history-publish.txt"), normalizing: [.commits])
    }

    @Test("history --since: the first commit in the period counts from the figures before it, and the rename inside the period is told")
    func historySince() throws {
        let repo = try HistoryFixture.folder()
        try ProcrunBinary.expect(
            ["history", "procedures/publish.yaml", "--since", "2026-10-01", "--until", "2026-11-01"], in: repo,
            stdout: """
                publish (procedures/publish.yaml): 2 commits added 3 runs, 3 succeeded (100.0%)
                renamed: procedures/release.yaml → procedures/publish.yaml
                COMMIT      DATE        RUNS  SUCCESS  AVG    FAILED STEPS  SUBJECT
                <commit>  2026-10-02  1     100.0%   1m43s  -             release: record 1 run of publish (2.5.0)
                <commit>  2026-10-27  2     100.0%   1m42s  -             release: record 2 runs of publish (2.5.1, 2.5.2)

                """, normalizing: [.commits])
    }

    @Test("history --json: a merge's runs are the merged branch's, counted once at the merge")
    func historyJSON() throws {
        let repo = try HistoryFixture.folder()
        let output = try ProcrunBinary.run(["history", "deploy_backend", "--json"], in: repo)
        #expect(output.status == 0, "\(output.stderr)")
        let json = try JSONParser.parse(output.stdout)
        let points = try #require(json["points"]?.array)
        #expect(points.count == 6)
        #expect(points.map { $0["runs"]?.integer ?? -1 } == [2, 1, 2, 3, 2, 1])
        #expect(points.map { $0["merge"]?.boolean ?? false } == [false, false, true, false, false, false])
        #expect(points[2]["subject"]?.string == "Merge branch 'ci/integration-db'")
        #expect(points[2]["total_duration_ms"]?.integer == 288_360)
        #expect(points[0]["failed_steps"]?.array?.first?["step"]?.string == "migrate")
        #expect(points[0]["failed_steps"]?.array?.first?["timeouts"]?.integer == 1)
        #expect(points[3]["failed_steps"]?.array?.first?["step"]?.string == "verify")
        #expect(points[0]["date"]?.string == "2026-09-09T15:00:00Z")
    }

    @Test("report: every run counted once, merges included: what the period added is each file's whole record")
    func reportCountsOnce() throws {
        let repo = try HistoryFixture.folder()
        let output = try ProcrunBinary.run(["report", "--format", "json"] + HistoryFixture.period, in: repo)
        #expect(output.status == 0, "\(output.stderr)")
        let json = try JSONParser.parse(output.stdout)
        let procedures = try #require(json["procedures"]?.array)
        let runs = Dictionary(uniqueKeysWithValues: procedures.map { ($0["name"]?.string ?? "", $0["now"]?["runs"]?.integer ?? -1) })
        #expect(runs == ["build": 18, "deploy_backend": 11, "run_tests": 30, "publish": 7, "old_deploy": 4, "backup": 8, "lint": 0])
        for procedure in procedures {
            #expect(procedure["period"]?["runs"]?.integer == procedure["now"]?["runs"]?.integer, "\(procedure["name"]?.string ?? "")")
            #expect(procedure["period"]?["successes"]?.integer == procedure["now"]?["successes"]?.integer)
            #expect(procedure["period"]?["total_duration_ms"]?.integer == procedure["now"]?["total_duration_ms"]?.integer)
        }
        func named(_ name: String) -> JSONValue? { procedures.first { $0["name"]?.string == name } }
        #expect(named("publish")?["former_paths"]?.array?.map { $0.string } == ["procedures/release.yaml"])
        #expect(named("old_deploy")?["superseded_by"]?.string == "deploy_backend")
        #expect(named("lint")?["never_run"]?.boolean == true)
        #expect(named("backup")?["stale"]?.boolean == true)
        #expect(named("build")?["stale"]?.boolean == false)
        #expect(named("run_tests")?["flaky_steps"]?.array?.map { $0["step"]?.string } == ["integration"])
        #expect(named("run_tests")?["flaky_steps"]?.array?.first?["failures"]?.integer == 9)
        #expect(named("deploy_backend")?["calls"]?.array?.map { $0.string } == ["build"])
        #expect(named("build")?["called_by"]?.array?.map { $0.string } == ["deploy_backend"])
        #expect(named("run_tests")?["spans"]?.array?.count == 12)
        #expect(json["commits"]?.integer == 35)
    }

    @Test("report: the text table and what needs a look")
    func reportText() throws {
        let repo = try HistoryFixture.folder()
        try ProcrunBinary.expect(["report"] + HistoryFixture.period, in: repo, stdout: try Self.expected("report.txt"))
    }

    @Test("report --format markdown: whole, and read by a CommonMark renderer as tables, a list and a chart")
    func reportMarkdown() throws {
        let repo = try HistoryFixture.folder()
        let output = try ProcrunBinary.expect(["report", "--format", "markdown"] + HistoryFixture.period, in: repo, stdout: try Self.expected("report.md"))
        #expect(try Self.ensureMarkdownRenderer(), "python3 -m pip install markdown-it-py failed")
        let render = """
            import sys, markdown_it
            print(markdown_it.MarkdownIt("commonmark").enable("table").render(sys.stdin.read()))
            """
        var spec = ProcessSpec(arguments: ["python3", "-c", render], standardInput: Array(output.stdout.utf8), timeout: .seconds(60))
        spec.outputLimit = 4 << 20
        let html = try ProcessRunner.run(spec).stdout.text
        #expect(html.ranges(of: "<table>").count == 3)
        #expect(html.contains("<h2>procrun report: procedures</h2>"))
        #expect(html.contains("<li><strong>lint</strong>: never run</li>"))
        #expect(html.contains("<td>old_deploy (superseded by deploy_backend)</td>"))
        #expect(html.contains("<td>deploy_backend</td>"))
        #expect(html.contains(#"<code class="language-mermaid">"#))
        // No cell swallowed or split: every row of the procedures table has its eight cells.
        let rows = html.split(separator: "<tr>").filter { $0.contains("<td>") && $0.contains(" at ") }
        #expect(rows.count == 7)
        for row in rows { #expect(row.ranges(of: "<td").count == 8, "\(row)") }
    }

    @Test("report --html writes one file, atomically, and says so")
    func reportHTMLFile() throws {
        let repo = try HistoryFixture.folder()
        let folder = try TemporaryFolder()
        try ProcrunBinary.expect(
            ["report", "--html", folder.path + "/health.html"] + HistoryFixture.period, in: repo,
            stdout: "wrote \(folder.path)/health.html: 7 procedures, 35 commits\n")
        #expect(try folder.read("health.html").hasPrefix("<!doctype html>"))
        #expect(try FileSystem.contents(of: folder.path) == ["health.html"])
    }

    @Test("a shallow clone (a CI checkout's default) is named: its history starts at the cut, which holds every earlier run")
    func shallowClone() throws {
        let repo = try HistoryFixture.folder()
        let folder = try TemporaryFolder()
        let clone = ProcessSpec(arguments: ["git", "clone", "--quiet", "--depth", "1", "file://" + repo, folder.path + "/clone"], timeout: .seconds(60))
        #expect(try ProcessRunner.run(clone).exitCode == 0)
        try ProcrunBinary.expect(
            ["history", "build"], in: folder.path + "/clone",
            stdout: """
                build (procedures/build.yaml): 1 commit added 18 runs, 17 succeeded (94.4%)
                COMMIT      DATE        RUNS  SUCCESS  AVG     FAILED STEPS  SUBJECT
                <commit>  2026-11-28  18    94.4%    51.81s  compile (1)   ci: record 3 runs of run_tests (1 failed) and 1 run of deploy_backend with its run of build

                """,
            stderr: """
                warning: the repository at '\(folder.path)/clone' is a shallow clone: its history starts at the cut, which holds every run \
                recorded before it (fetch the whole history: git fetch --unshallow, or fetch-depth: 0 in GitHub Actions)

                """, normalizing: [.commits])
    }

    @Test("bad periods and places are refused with exit 2")
    func refusals() throws {
        let repo = try HistoryFixture.folder()
        try ProcrunBinary.expect(
            ["report", "--since", "last tuesday"], in: repo, status: 2,
            stderr: "error: --since 'last tuesday': expected a day (2026-11-01), a UTC time (2026-11-01T09:30:00Z) or a span back from now (30d, 2w)\n")
        try ProcrunBinary.expect(
            ["history", "build", "--since", "2026-12-01", "--until", "2026-11-01"], in: repo, status: 2,
            stderr: "error: --since 2026-12-01 is after --until 2026-11-01: the period is empty\n")
        let outside = try TemporaryFolder(files: [("procrun.yaml", "{}\n"), ("x.yaml", "name: x\nsteps:\n  - action: log\n    parameters: {message: hi}\n")])
        let output = try ProcrunBinary.run(["report"], in: outside.path)
        #expect(output.status == 2)
        #expect(output.stderr.hasPrefix("error: '.' is not inside a git repository"), "\(output.stderr)")
    }

    @Test("MCP: procedure_history and library_report answer what the command line prints; a date that names none is the agent's mistake")
    func mcpTools() throws {
        let repo = try HistoryFixture.folder()
        let toolbox = MCPToolbox(root: repo + "/procedures")
        let history = toolbox.call("procedure_history", arguments: ["name": .string("publish"), "since": .string("2026-10-01"), "until": .string("2026-11-01")])
        #expect(!history.isError, "\(history.text)")
        let cli = try ProcrunBinary.run(["history", "publish", "--json", "--since", "2026-10-01", "--until", "2026-11-01"], in: repo)
        #expect(history.text == cli.stdout.trimmingSuffixNewlines())
        let report = toolbox.call("library_report", arguments: ["since": .string("2026-09-01"), "until": .string("2026-12-01")])
        #expect(!report.isError, "\(report.text)")
        let json = try JSONParser.parse(report.text)
        #expect(json["procedures"]?.array?.count == 7)
        #expect(json["attention"]?.array?.contains { $0["finding"]?.string == "never run" } == true)
        let wrong = toolbox.call("library_report", arguments: ["since": .string("last tuesday")])
        #expect(wrong.isError)
        #expect(wrong.kind == .invalidArguments)
        #expect(wrong.text == "since 'last tuesday': expected a day (2026-11-01), a UTC time (2026-11-01T09:30:00Z) or a span back from now (30d, 2w)")
        let empty = toolbox.call("procedure_history", arguments: ["name": .string("publish"), "since": .string("2026-12-01"), "until": .string("2026-11-01")])
        #expect(empty.text == "since 2026-12-01 is after until 2026-11-01: the period is empty")
        let unknown = toolbox.call("procedure_history", arguments: ["name": .string("publsh")])
        #expect(unknown.kind == .unknownProcedure)
    }

    /// Installs the CommonMark renderer from PyPI when it is missing (scripts/test.sh does it too).
    static func ensureMarkdownRenderer() throws -> Bool {
        let probe = try ProcessRunner.run(ProcessSpec(arguments: ["python3", "-c", "import markdown_it"], timeout: .seconds(30)))
        if probe.exitCode == 0 { return true }
        let install = ProcessSpec(
            arguments: ["python3", "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "markdown-it-py"], timeout: .seconds(300))
        return try ProcessRunner.run(install).exitCode == 0
    }
}
