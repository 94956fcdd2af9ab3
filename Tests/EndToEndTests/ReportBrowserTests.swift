import Foundation
import ProcrunKit
import Testing

/// `procrun report --html` opened in headless Chromium (scripts/browser-check.py): the scripted
/// history's page shows every procedure with the figures of Fixtures/history/EXPECTED.md, its
/// trend lines and findings, logs nothing to the console, keeps its contrast in light, dark and
/// print, and is the same bytes for the same history. Its screenshot goes to .ci/artifacts/.
@Suite("report: the HTML page in a browser", .serialized)
struct ReportBrowserTests {
    /// The repository's root, three folders above this file.
    static let root = FileSystem.directory(of: FileSystem.directory(of: FileSystem.directory(of: #filePath)))

    /// The procedures of the scripted history with their figures at its last commit (EXPECTED.md,
    /// "Final figures"): runs and success rate; every run is in the period.
    static let figures = [
        ("backup", 8, "87.5%"), ("build", 18, "94.4%"), ("deploy_backend", 11, "63.6%"), ("lint", 0, "-"),
        ("old_deploy", 4, "75.0%"), ("publish", 7, "71.4%"), ("run_tests", 30, "70.0%"),
    ]

    /// What `report` reads: every commit of the history, judged on 2026-12-01.
    static let period = ["--since", "2026-09-01", "--until", "2026-12-01"]

    /// The scripted history (Fixtures/history/make-history.sh) built in `folder`.
    static func history(in folder: TemporaryFolder) throws {
        let script = ProcrunBinary.fixtures + "/history/make-history.sh"
        var spec = ProcessSpec(arguments: ["bash", script, ProcrunBinary.path, folder.path + "/repository"], timeout: .seconds(300))
        spec.extraEnvironment = [GitMergeTests.searchPath]
        let result = try ProcessRunner.run(spec)
        try #require(result.exitCode == 0, "make-history.sh failed: \(result.stderr.text)")
    }

    /// The page `report --html` writes for the history in `folder`.
    static func page(in folder: TemporaryFolder, arguments: [String] = []) throws -> String {
        let output = try ProcrunBinary.run(["report", "--html", "report.html"] + period + arguments, in: folder.path + "/repository")
        #expect(output.status == 0, "procrun report: \(output.stderr)")
        #expect(output.stdout.hasPrefix("wrote report.html: 7 procedures"), "\(output.stdout)")
        return try folder.read("repository/report.html")
    }

    /// Runs scripts/browser-check.py on `file` with the expectations given; returns its JSON
    /// summary, after expecting it to pass.
    static func browserCheck(_ file: String, screenshot: String, texts: [String], selectors: [(String, Int)]) throws -> [String: Any] {
        var arguments = ["python3", root + "/scripts/browser-check.py", file, "--screenshot", screenshot, "--timeout", "150"]
        for text in texts { arguments += ["--expect-text", text] }
        for (selector, count) in selectors { arguments += ["--expect-selector", "\(selector)=\(count)"] }
        let result = try ProcessRunner.run(ProcessSpec(arguments: arguments, timeout: .seconds(200)))
        #expect(result.exitCode == 0, "browser-check.py failed (chromium missing? run scripts/ensure-chromium.sh):\n\(result.stderr.text)")
        let summary = try JSONSerialization.jsonObject(with: Data(result.stdout.text.utf8)) as? [String: Any]
        return try #require(summary, "browser-check.py printed no JSON: \(result.stdout.text)")
    }

    @Test("the scripted history's page: every procedure with its figures, trend lines and findings; no console error; contrast kept")
    func scriptedHistory() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.history(in: folder)
        _ = try Self.page(in: folder)

        var selectors: [(String, Int)] = [
            ("tr[data-procedure]", 7), ("tr[data-procedure] svg.spark.success[role=img]", 7), ("tr[data-procedure] svg.spark.duration[role=img]", 7),
            ("section.procedure", 7), ("svg.spark:not([aria-labelledby]), svg.spark:not(:has(> title))", 0),
            ("table:not(:has(> caption))", 0), ("th:not([scope])", 0), ("h1", 1),
            ("script, link, img, iframe", 0), ("tr[data-caller=deploy_backend][data-callee=build]", 1),
        ]
        for (name, runs, success) in Self.figures {
            selectors.append(("tr[data-procedure=\(name)][data-runs='\(runs)'][data-success='\(success)'][data-period-runs='\(runs)'][data-period-success='\(success)']", 1))
            selectors.append(("tr[data-procedure=\(name)] svg.spark.success", 1))
            selectors.append(("tr[data-procedure=\(name)] svg.spark.duration", 1))
            selectors.append(("section.procedure#procedure-\(name)[data-procedure=\(name)]", 1))
            selectors.append(("tr[data-procedure=\(name)] th[scope=row] a[href='#procedure-\(name)']", 1))
        }
        let texts = [
            "Needs a look", "run_tests: step 'integration' is flaky: failed 9 of 30 runs in the period", "lint: never run",
            "backup: not run for 48 days (last run 2026-10-14)", "superseded by deploy_backend", "Superseded by deploy_backend.",
            "renamed from procedures/release.yaml", "Renamed from procedures/release.yaml.", "integration\texpected exit code 0, got 1\t9\t1",
            "migrate\ttimed out after 45s\t3\t3", "Calls: build. Called by: none.", "Calls: none. Called by: deploy_backend.",
        ]
        let screenshot = Self.root + "/.ci/artifacts/report.png"
        let summary = try Self.browserCheck(folder.path + "/repository/report.html", screenshot: screenshot, texts: texts, selectors: selectors)
        #expect((summary["console"] as? [Any])?.isEmpty == true, "console: \(summary["console"] ?? "")")
        #expect((summary["failures"] as? [Any])?.isEmpty == true, "failures: \(summary["failures"] ?? "")")
        #expect(FileSystem.exists(screenshot))
    }

    @Test("the same history gives the same bytes: no time of writing on the page")
    func sameBytes() throws {
        let first = try TemporaryFolder(), second = try TemporaryFolder()
        defer {
            first.remove()
            second.remove()
        }
        try Self.history(in: first)
        try Self.history(in: second)
        let page = try Self.page(in: first)
        #expect(try Self.page(in: second) == page)
        #expect(try Self.page(in: first) == page)
        #expect(page.hasPrefix("<!doctype html>\n<html lang=\"en\">\n"))
        #expect(page.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"))
    }

    @Test("text from files is escaped: a description with markup shows as text, runs nothing")
    func escaped() throws {
        let work = try TemporaryFolder(files: [
            ("deploy.yaml", """
                name: deploy
                description: "Ships <script>alert('x')</script> & \\"more\\" <img src=x onerror=alert(1)>"
                steps:
                  - id: ships
                    action: fail
                    on_failure: continue
                    parameters: {message: "no <em>way</em> & back"}

                """)
        ])
        defer { work.remove() }
        try ReviewableStatsTests.repository(work)
        _ = try ProcrunBinary.run(["run", "--quiet", "deploy.yaml"], in: work.path)
        try GitMergeTests.git(["commit", "-q", "-am", "a run"], work)
        let output = try ProcrunBinary.run(["report", "--html", "report.html", "--since", "2000-01-01"], in: work.path)
        #expect(output.status == 0, "\(output.stderr)")
        let page = try work.read("report.html")
        #expect(!page.contains("<script"))
        #expect(!page.contains("<em>"))
        #expect(page.contains("Ships &lt;script&gt;alert('x')&lt;/script&gt; &amp; &quot;more&quot; &lt;img src=x onerror=alert(1)&gt;"))
        let summary = try Self.browserCheck(
            work.path + "/report.html", screenshot: work.path + "/escaped.png",
            texts: ["Ships <script>alert('x')</script> & \"more\" <img src=x onerror=alert(1)>", "no <em>way</em> & back"],
            selectors: [("script, img, em", 0), ("tr[data-procedure=deploy]", 1)])
        #expect((summary["failures"] as? [Any])?.isEmpty == true, "failures: \(summary["failures"] ?? "")")
    }
}
