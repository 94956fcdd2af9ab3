import ProcrunKit
import Testing

/// Up-to-date checks (grammar.md, "Up-to-date checks"; issue 27, point 8): `sources`,
/// `generates` and `status` on a step or a procedure skip it, saying why, when nothing it is made
/// from changed (by content, never by time) and what it makes is there.
@Suite("up-to-date checks", .serialized)
struct UpToDateTests {
    /// A library whose `build` step concatenates `src/*.c` into `out.txt` and notes each run in `log.txt`.
    static func library() throws -> TemporaryFolder {
        try TemporaryFolder(files: [
            ("src/a.c", "int a;\n"), ("src/b.c", "int b;\n"), ("src/skip.c", "skipped\n"),
            ("build.yaml", """
            name: build
            steps:
              - id: compile
                action: shell
                parameters:
                  command: sh -c 'cat src/a.c src/b.c > out.txt; echo ran >> log.txt'
                sources: ["src/**/*.c", "!src/skip.c"]
                generates: out.txt

            """),
        ])
    }

    /// How many times the step ran.
    static func runs(in folder: TemporaryFolder) throws -> Int {
        folder.exists("log.txt") ? try folder.read("log.txt").split(separator: "\n").count : 0
    }

    static let ran = """
        ▶ build (build.yaml, 1 step)
          1/1 ✓ shell  compile  <duration>
        ✓ build succeeded in <duration>: 1 succeeded

        """
    static let skipped = """
        ▶ build (build.yaml, 1 step)
          1/1 - shell  compile  up to date: 2 sources unchanged, generates present
        ✓ build succeeded in <duration>: 0 succeeded, 1 skipped

        """

    @Test("run twice, the second run skips the step and says why; a touched source is still unchanged, an edited one or an excluded one's edit is told apart, a deleted output runs it again")
    func sourcesAndGenerates() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        try ProcrunBinary.expect(["build", "--no-learn"], in: folder.path, stdout: Self.ran, normalizing: [.durations])
        try ProcrunBinary.expect(["build", "--no-learn"], in: folder.path, stdout: Self.skipped, normalizing: [.durations])
        #expect(try Self.runs(in: folder) == 1)
        // Contents, not times: a touched file is unchanged.
        _ = try ProcrunBinary.runShell(["sh", "-c", "sleep 0.01; touch src/a.c"], in: folder.path)
        try ProcrunBinary.expect(["build", "--no-learn"], in: folder.path, stdout: Self.skipped, normalizing: [.durations])
        // An excluded file is no source.
        try folder.write("src/skip.c", "changed\n")
        try ProcrunBinary.expect(["build", "--no-learn"], in: folder.path, stdout: Self.skipped, normalizing: [.durations])
        #expect(try Self.runs(in: folder) == 1)
        try folder.write("src/a.c", "int a = 1;\n")
        try ProcrunBinary.expect(["build", "--no-learn"], in: folder.path, stdout: Self.ran, normalizing: [.durations])
        try ProcrunBinary.expect(["build", "--no-learn"], in: folder.path, stdout: Self.skipped, normalizing: [.durations])
        // A new source, in a folder below: `**` finds it.
        try folder.write("src/lib/c.c", "int c;\n")
        try ProcrunBinary.expect(["build", "--no-learn"], in: folder.path, stdout: Self.ran, normalizing: [.durations])
        _ = try ProcrunBinary.runShell(["rm", "out.txt"], in: folder.path)
        try ProcrunBinary.expect(["build", "--no-learn"], in: folder.path, stdout: Self.ran, normalizing: [.durations])
        #expect(try Self.runs(in: folder) == 4)
        // The fingerprints are procrun's own files, which git never sees.
        #expect(try folder.read(".procrun/.gitignore").contains("*"))
        #expect(try ProcrunBinary.runShell(["ls", ".procrun/fingerprints"], in: folder.path).split(separator: "\n").count == 1)
    }

    @Test("a changed command is not up to date; nor is a failed run, whose fingerprint is never stored")
    func definitionAndFailure() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        try ProcrunBinary.expect(["build", "--no-learn"], in: folder.path, stdout: Self.ran, normalizing: [.durations])
        let text = try folder.read("build.yaml")
        try folder.write("build.yaml", text.replacingOccurrences("echo ran", with: "echo ran again"))
        try ProcrunBinary.expect(["build", "--no-learn"], in: folder.path, stdout: Self.ran, normalizing: [.durations])
        try folder.write("build.yaml", text.replacingOccurrences("echo ran >> log.txt", with: "echo ran >> log.txt; exit 1"))
        _ = try ProcrunBinary.runShell(["rm", "-r", ".procrun"], in: folder.path)
        #expect(try ProcrunBinary.run(["build", "--no-learn"], in: folder.path).status == 1)
        #expect(try ProcrunBinary.run(["build", "--no-learn"], in: folder.path).status == 1)
        #expect(try Self.runs(in: folder) == 4)
    }

    @Test("a changed default shell or library env is not up to date: the commands would run differently")
    func settings() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        try folder.write("procrun.yaml", "env:\n  MODE: fast\n")
        try ProcrunBinary.expect(["build", "--no-learn"], in: folder.path, stdout: Self.ran, normalizing: [.durations])
        try ProcrunBinary.expect(["build", "--no-learn"], in: folder.path, stdout: Self.skipped, normalizing: [.durations])
        try folder.write("procrun.yaml", "env:\n  MODE: careful\n")
        try ProcrunBinary.expect(["build", "--no-learn"], in: folder.path, stdout: Self.ran, normalizing: [.durations])
        try folder.write("procrun.yaml", "env:\n  MODE: careful\ndefaults:\n  shell: bash -eu\n")
        try ProcrunBinary.expect(["build", "--no-learn"], in: folder.path, stdout: Self.ran, normalizing: [.durations])
        try ProcrunBinary.expect(["build", "--no-learn"], in: folder.path, stdout: Self.skipped, normalizing: [.durations])
        #expect(try Self.runs(in: folder) == 3)
    }

    @Test("--force runs an up-to-date step and still stores its fingerprint; a dry run says the step would be skipped")
    func force() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        try ProcrunBinary.expect(["build", "--no-learn"], in: folder.path, stdout: Self.ran, normalizing: [.durations])
        try ProcrunBinary.expect(["build", "--no-learn", "--force"], in: folder.path, stdout: Self.ran, normalizing: [.durations])
        try ProcrunBinary.expect(["build", "--no-learn"], in: folder.path, stdout: Self.skipped, normalizing: [.durations])
        try ProcrunBinary.expect(["build", "--no-learn", "--dry-run"], in: folder.path, stdout: """
            ▶ build (build.yaml, 1 step)
              1/1 - shell  compile  up to date: 2 sources unchanged, generates present
            ✓ build dry run, nothing ran: 0 would run, 1 skipped

            """, normalizing: [.durations])
        #expect(try Self.runs(in: folder) == 2)
    }

    @Test("the JSON report gives a skipped step's reason as up_to_date; a skipped step counts as skipped in the stats")
    func jsonReport() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        _ = try ProcrunBinary.run(["build"], in: folder.path)
        let output = try ProcrunBinary.run(["build", "--json"], in: folder.path)
        guard case .mapping(let report)? = Value(jsonText: output.stdout), case .list(let steps)? = report["steps"], case .mapping(let step)? = steps.first else {
            Issue.record("no step in \(output.stdout)")
            return
        }
        #expect(step["status"] == .string("skipped"))
        #expect(step["up_to_date"] == .string("2 sources unchanged, generates present"))
        #expect(try folder.statsBlock("build.yaml").contains("compile: {runs: 1, successes: 1, failures: 0, skips: 1,"))
    }

    @Test("--events-fd says why a step was skipped as up to date")
    func events() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        _ = try ProcrunBinary.run(["build", "--no-learn"], in: folder.path)
        let (result, events) = try StepEventTests.run(["run", "build", "--no-learn", "--quiet", "--events-fd", "3"], in: folder.path)
        #expect(result.exitCode == 0, "stderr: \(result.stderr.text)")
        WholeText.expect(events, equals: """
            {"event":"step_finished","step":1,"total":1,"id":"compile","action":"shell","status":"skipped","duration_ms":<ms>,"error":null,"up_to_date":"2 sources unchanged, generates present"}

            """, "events", normalizing: [.durationFields])
    }

    @Test("status commands: all exit 0, the step is skipped; one fails, it runs; they run where the step's command runs, with its env")
    func status() throws {
        let folder = try TemporaryFolder(files: [
            ("work/.keep", ""),
            ("setup.yaml", """
            name: setup
            steps:
              - id: install
                action: shell
                parameters:
                  command: sh -c 'touch "$MARK"; echo ran >> ../log.txt'
                  cwd: work
                  env: {MARK: installed}
                status: ['test -f "$MARK"', true]

            """),
        ])
        defer { folder.remove() }
        try ProcrunBinary.expect(["setup", "--no-learn"], in: folder.path, stdout: """
            ▶ setup (setup.yaml, 1 step)
              1/1 ✓ shell  install  <duration>
            ✓ setup succeeded in <duration>: 1 succeeded

            """, normalizing: [.durations])
        try ProcrunBinary.expect(["setup", "--no-learn"], in: folder.path, stdout: """
            ▶ setup (setup.yaml, 1 step)
              1/1 - shell  install  up to date: status passed
            ✓ setup succeeded in <duration>: 0 succeeded, 1 skipped

            """, normalizing: [.durations])
        #expect(folder.exists("work/installed"))
        #expect(try Self.runs(in: folder) == 1)
        // A dry run runs no status command: the step would run.
        let dry = try ProcrunBinary.run(["setup", "--no-learn", "--dry-run"], in: folder.path)
        #expect(dry.stdout.contains("1/1 ✓ shell  install  (dry run)"), "\(dry.stdout)")
    }

    @Test("a procedure's check skips it whole, after its needs, says why, and is not counted in its stats")
    func wholeProcedure() throws {
        let folder = try TemporaryFolder(files: [
            ("src/a.c", "int a;\n"),
            ("prepare.yaml", "name: prepare\nsteps:\n  - action: shell\n    parameters: {command: sh -c 'echo prepare >> log.txt'}\n"),
            ("package.yaml", """
            name: package
            needs: [prepare]
            sources: src/*.c
            generates: ["dist/*.tar"]
            steps:
              - action: shell
                parameters: {command: sh -c 'mkdir -p dist; tar cf dist/a.tar src; echo package >> log.txt'}

            """),
        ])
        defer { folder.remove() }
        #expect(try ProcrunBinary.run(["package"], in: folder.path).status == 0)
        try ProcrunBinary.expect(["package"], in: folder.path, stdout: """
            ▶ package (package.yaml, 1 step)
              needs ↳ prepare  calls prepare (prepare.yaml)
                  1/1 ✓ shell  #1  <duration>
              needs ✓ prepare  <duration>
            ✓ package up to date: 1 source unchanged, generates present

            """, normalizing: [.durations])
        #expect(try folder.read("log.txt") == "prepare\npackage\nprepare\n")
        #expect(try folder.statsBlock("package.yaml").contains("  execution_count: 1\n"))
        let json = try ProcrunBinary.run(["package", "--json"], in: folder.path)
        guard case .mapping(let report)? = Value(jsonText: json.stdout) else {
            Issue.record("no report in \(json.stdout)")
            return
        }
        #expect(report["up_to_date"] == .string("1 source unchanged, generates present"))
        #expect(report["steps"] == .list([]))
    }

    @Test("a need and a call step whose procedure is up to date succeed and say why")
    func calledUpToDate() throws {
        let folder = try TemporaryFolder(files: [
            ("src/a.c", "int a;\n"),
            ("package.yaml", """
            name: package
            sources: src/*.c
            generates: ["dist/*.tar"]
            steps:
              - action: shell
                parameters: {command: sh -c 'mkdir -p dist; tar cf dist/a.tar src'}

            """),
            ("release.yaml", "name: release\nneeds: [package]\nsteps:\n  - action: package\n"),
        ])
        defer { folder.remove() }
        #expect(try ProcrunBinary.run(["package"], in: folder.path).status == 0)
        try ProcrunBinary.expect(["release", "--no-learn"], in: folder.path, stdout: """
            ▶ release (release.yaml, 1 step)
              needs ↳ package  calls package (package.yaml)
              needs ✓ package  up to date: 1 source unchanged, generates present
              1/1 ↳ package  #1  calls package (package.yaml)
              1/1 ✓ package  #1  up to date: 1 source unchanged, generates present
            ✓ release succeeded in <duration>: 1 succeeded

            """, normalizing: [.durations])
        let json = try ProcrunBinary.run(["release", "--no-learn", "--json"], in: folder.path)
        guard case .mapping(let report)? = Value(jsonText: json.stdout), case .list(let steps)? = report["steps"], case .mapping(let call)? = steps.first else {
            Issue.record("no report in \(json.stdout)")
            return
        }
        #expect(call["status"] == "success")
        #expect(call["up_to_date"] == .string("1 source unchanged, generates present"))
    }

    @Test("check finds bad globs, 'generates' alone, an excluding 'generates' entry and names templates cannot read, before anything runs")
    func checked() throws {
        let folder = try TemporaryFolder(files: [
            ("bad.yaml", """
            name: bad
            generates: out.txt
            steps:
              - action: shell
                parameters: {command: echo}
                sources: ["src/[a.c", "a**b"]
                generates: ["!x", "{{ inputs.nope }}"]
                status: "test -f {{ nothing }}"

            """),
        ])
        defer { folder.remove() }
        try ProcrunBinary.expect(["check", "bad.yaml"], in: folder.path, status: 2, stderr: """
            bad.yaml:2:1: error: 'generates' needs 'sources' or 'status': it says what must exist after a run, not when to skip one; add 'sources' (the files it is made from) or 'status'
            generates: out.txt
            ^
            bad.yaml:6:15: error: invalid glob 'src/[a.c': a '[' has no closing ']'
                sources: ["src/[a.c", "a**b"]
                          ^
            bad.yaml:6:27: error: invalid glob 'a**b': '**' must be a whole part of the path ('src/**/*.c'), not inside a name
                sources: ["src/[a.c", "a**b"]
                                      ^
            bad.yaml:7:17: error: '!x': an entry of 'generates' cannot exclude ('!'); every entry must match a file, and only 'sources' takes '!glob'
                generates: ["!x", "{{ inputs.nope }}"]
                            ^
            bad.yaml:7:27: error: undefined name 'inputs.nope'
                generates: ["!x", "{{ inputs.nope }}"]
                                      ^
            bad.yaml:8:25: error: undefined name 'nothing'
                status: "test -f {{ nothing }}"
                                    ^
            6 problems found in 1 file

            """)
    }
}
