import ProcrunKit
import ProcrunSystem
import ProcrunText
import Testing

/// The stories a file can have in git that `history` and `report` must read right: moved into
/// the library, deleted and restored, copied, reverted and the revert undone, renamed after the
/// period; read from inside the library folder; dates of any year; a commit subject that would
/// change the terminal. Each on a small repository written commit by commit.
@Suite("learning: history through a file's story")
struct HistoryStoryTests {
    /// A repository whose commits are made at chosen days, with procedure files written with the
    /// runs they record.
    struct Repository {
        let folder: TemporaryFolder
        var path: String { folder.path }

        init() throws {
            folder = try TemporaryFolder()
            try git(["init", "-q", "-b", "main"])
            try git(["config", "user.email", "test@example.com"])
            try git(["config", "user.name", "Test"])
            try folder.write("procedures/procrun.yaml", "{}\n")
        }

        /// Runs git in the repository.
        @discardableResult
        func git(_ arguments: [String], date: String = "2026-09-01T10:00:00Z") throws -> String {
            var spec = ProcessSpec(arguments: ["git"] + arguments, workingDirectory: folder.path, timeout: .seconds(60))
            spec.extraEnvironment = [("GIT_AUTHOR_DATE", date), ("GIT_COMMITTER_DATE", date), ("GIT_CONFIG_GLOBAL", "/dev/null")]
            let result = try ProcessRunner.run(spec)
            #expect(result.exitCode == 0, "git \(arguments.joined(separator: " ")): \(result.stderr.text)")
            return result.stdout.text
        }

        /// Writes the procedure `name` at `file` with `runs` runs (one failure in every four), the
        /// last written by run `id`.
        func write(_ file: String, name: String, runs: Int, id: String) throws {
            var text = "name: \(name)\nsteps:\n  - id: work\n    action: log\n    parameters: {message: working}\n"
            if runs > 0 {
                let failures = runs / 4
                text += """
                    stats:
                      execution_count: \(runs)
                      successes: \(runs - failures)
                      failures: \(failures)
                      success_rate: 0.000
                      total_duration_ms: \(runs * 100)
                      avg_duration_ms: 0
                      last_executed: "2026-09-01T10:00:00Z"  # run \(id)
                      steps:
                        work: {runs: \(runs), successes: \(runs - failures), failures: \(failures), skips: 0, total_duration_ms: \(runs * 100)}

                    """
            }
            try folder.write(file, text)
        }

        /// Commits everything on `day` (UTC, 10:00).
        func commit(_ message: String, on day: String) throws {
            try git(["add", "-A"])
            try git(["commit", "-q", "--allow-empty", "-m", message], date: day + "T10:00:00Z")
        }

        /// `procrun report --format json` for the period, run in `folder` (the repository's top when nil).
        func report(_ period: [String], in folder: String? = nil, library: [String] = []) throws -> [String: (now: Int, period: Int, former: [String])] {
            let output = try ProcrunBinary.run(["report", "--format", "json"] + period + library, in: folder ?? path)
            #expect(output.status == 0, "\(output.stderr)")
            var found: [String: (Int, Int, [String])] = [:]
            for procedure in try JSONParser.parse(output.stdout)["procedures"]?.array ?? [] {
                found[procedure["name"]?.string ?? ""] = (
                    procedure["now"]?["runs"]?.integer ?? -1, procedure["period"]?["runs"]?.integer ?? -1,
                    procedure["former_paths"]?.array?.compactMap(\.string) ?? []
                )
            }
            return found
        }
    }

    @Test("from inside the library folder, and for a library at the repository's top, the figures are the same")
    func fromInside() throws {
        let repo = try Repository()
        try repo.write("procedures/deploy.yaml", name: "deploy", runs: 0, id: "")
        try repo.commit("add deploy", on: "2026-09-01")
        try repo.write("procedures/deploy.yaml", name: "deploy", runs: 4, id: "0000000a")
        try repo.commit("4 runs", on: "2026-09-10")
        let period = ["--since", "2026-09-01", "--until", "2026-12-01"]
        let top = try repo.report(period)
        #expect(top["deploy"]?.period == 4)
        let inside = try repo.report(period, in: repo.path + "/procedures")
        #expect(inside["deploy"]?.period == 4)
        #expect(inside["deploy"]?.now == 4)
        let history = try ProcrunBinary.run(["history", "deploy.yaml"], in: repo.path + "/procedures")
        #expect(history.stdout.hasPrefix("deploy (procedures/deploy.yaml): 1 commit added 4 runs"), "\(history.stdout)")

        let flat = try Repository()
        try flat.folder.write("procrun.yaml", "{}\n")
        try flat.write("sub/y.yaml", name: "y", runs: 0, id: "")
        try flat.commit("add y", on: "2026-09-01")
        try flat.write("sub/y.yaml", name: "y", runs: 3, id: "0000000b")
        try flat.commit("3 runs", on: "2026-09-10")
        let atTop = try flat.report(period, library: ["--library", "."])
        #expect(atTop["y"]?.period == 3)
    }

    @Test("a file moved in from outside, restored after its deletion, or copied brings its figures: they are not runs of the period")
    func appearing() throws {
        let repo = try Repository()
        try repo.write("attic/old.yaml", name: "old", runs: 10, id: "0000000c")
        try repo.write("procedures/gone.yaml", name: "gone", runs: 6, id: "0000000d")
        try repo.write("procedures/source.yaml", name: "source", runs: 8, id: "0000000e")
        try repo.commit("before the period", on: "2026-08-01")
        try repo.git(["mv", "attic/old.yaml", "procedures/old.yaml"])
        try repo.commit("move old into the library", on: "2026-09-05")
        try repo.write("procedures/old.yaml", name: "old", runs: 12, id: "0000000f")
        try repo.commit("2 runs of old", on: "2026-09-06")
        try repo.git(["rm", "-q", "procedures/gone.yaml"])
        try repo.commit("delete gone", on: "2026-09-07")
        try repo.write("procedures/gone.yaml", name: "gone", runs: 6, id: "0000000d")
        try repo.commit("restore gone", on: "2026-09-08")
        try repo.write("procedures/gone.yaml", name: "gone", runs: 7, id: "00000010")
        try repo.commit("1 run of gone", on: "2026-09-09")
        let copy = try repo.folder.read("procedures/source.yaml").replacingOccurrences("name: source", with: "name: copy")
        try repo.folder.write("procedures/copy.yaml", copy)
        try repo.commit("copy source", on: "2026-09-10")
        let found = try repo.report(["--since", "2026-09-01", "--until", "2026-12-01"])
        #expect(found["old"]?.period == 2)
        #expect(found["old"]?.former == ["attic/old.yaml"])
        #expect(found["gone"]?.period == 1)
        #expect(found["copy"]?.period == 0)
        #expect(found["copy"]?.now == 8)
        let history = try ProcrunBinary.run(["history", "gone"], in: repo.path)
        #expect(history.stdout.hasPrefix("gone (procedures/gone.yaml): 2 commits added 7 runs"), "\(history.stdout)")
    }

    @Test("a revert lowers the counters and adds nothing; undoing it adds nothing either; the text says where")
    func revert() throws {
        let repo = try Repository()
        try repo.write("procedures/x.yaml", name: "x", runs: 5, id: "00000011")
        try repo.commit("5 runs", on: "2026-09-01")
        try repo.write("procedures/x.yaml", name: "x", runs: 10, id: "00000012")
        try repo.commit("5 more runs", on: "2026-09-02")
        try repo.git(["revert", "--no-edit", "HEAD"], date: "2026-09-03T10:00:00Z")
        try repo.git(["revert", "--no-edit", "HEAD"], date: "2026-09-04T10:00:00Z")
        try repo.write("procedures/x.yaml", name: "x", runs: 11, id: "00000013")
        try repo.commit("1 more run", on: "2026-09-05")
        let output = try ProcrunBinary.run(["history", "x"], in: repo.path)
        let lines = output.stdout.split(separator: "\n")
        #expect(lines.first == "x (procedures/x.yaml): 3 commits added 11 runs, 9 succeeded (81.8%)", "\(output.stdout)")
        #expect(lines.dropFirst().first?.hasPrefix("counters went down at ") == true, "\(output.stdout)")
        #expect(lines.dropFirst().first?.hasSuffix(" (a revert or a reset): nothing counted there") == true)
    }

    @Test("a period that ends before a later rename still finds the file's runs, under its name of today")
    func renamedAfterThePeriod() throws {
        let repo = try HistoryFixture.folder()
        let history = try ProcrunBinary.run(["history", "publish", "--until", "2026-09-15"], in: repo)
        #expect(history.stdout.hasPrefix("publish (procedures/publish.yaml): 1 commit added 1 run, 1 succeeded (100.0%)"), "\(history.stdout)")
        let output = try ProcrunBinary.run(["report", "--format", "json", "--since", "2026-09-01", "--until", "2026-09-15"], in: repo)
        let procedures = try JSONParser.parse(output.stdout)["procedures"]?.array ?? []
        let publish = procedures.first { $0["name"]?.string == "publish" }
        #expect(publish?["period"]?["runs"]?.integer == 1)
        #expect(publish?["former_paths"]?.array?.compactMap(\.string) == ["procedures/release.yaml"])
    }

    @Test("dates of any year are compared as dates; a subject that would change the terminal is shown harmless")
    func datesAndSubjects() throws {
        let repo = try Repository()
        try repo.write("procedures/x.yaml", name: "x", runs: 2, id: "00000014")
        try repo.commit("evil \u{1B}]0;PWNED\u{07}\u{1B}[2J subject", on: "2026-09-01")
        let early = try ProcrunBinary.run(["history", "x", "--since", "1970-01-01"], in: repo.path)
        #expect(early.stdout.hasPrefix("x (procedures/x.yaml): 1 commit added 2 runs"), "\(early.stdout)")
        #expect(!early.stdout.contains("\u{1B}"))
        #expect(early.stdout.contains("evil  subject"), "\(early.stdout)")
        let none = try ProcrunBinary.run(["history", "x", "--until", "1971-01-01"], in: repo.path)
        #expect(none.stdout == "x (procedures/x.yaml): no commit in the period recorded a run\n")
    }

    @Test("--html writes the page; with another --format it is refused, not ignored")
    func htmlAndFormat() throws {
        let repo = try Repository()
        try repo.write("procedures/x.yaml", name: "x", runs: 1, id: "00000015")
        try repo.commit("1 run", on: "2026-09-01")
        try ProcrunBinary.expect(
            ["report", "--html", "page.html", "--format", "json"], in: repo.path, status: 2,
            stderr: "error: --html and --format json cannot be used together\n")
    }
}
