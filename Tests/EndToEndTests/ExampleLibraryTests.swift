import ProcrunKit
import Testing

/// The example library in `procedures/` is real: every file checks, and every procedure runs here.
@Suite("the example library", .serialized)
struct ExampleLibraryTests {
    static let library = FileSystem.directory(of: FileSystem.directory(of: FileSystem.directory(of: ProcrunBinary.fixtures))) + "/procedures"

    /// A copy of the library in a fresh folder, so runs leave the repository untouched.
    func copy() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        let copied = try ProcessRunner.run(ProcessSpec(arguments: ["cp", "-R", Self.library + "/.", folder.path]))
        #expect(copied.exitCode == 0)
        return folder
    }

    @Test("every file in procedures/ passes check, procrun.yaml included")
    func checks() throws {
        let folder = try copy()
        defer { folder.remove() }
        let files = try FileSystem.contents(of: folder.path).filter { $0.hasSuffix(".yaml") }
        #expect(files.contains("deploy_backend.yaml"))
        try ProcrunBinary.expect(["check"] + files, in: folder.path, stdout: """
            ok: deploy_backend.yaml: 'deploy_backend', 6 steps
            ok: deploy_frontend.yaml: 'deploy_frontend', 3 steps
            ok: deploy_full_stack.yaml: 'deploy_full_stack', 4 steps, calls 2 procedures
            ok: file_bug_report.yaml: 'file_bug_report', 4 steps
            ok: hello.yaml: 'hello', 5 steps
            ok: procrun.yaml: library with 5 actions

            """)
    }

    /// What a run of file_bug_report prints (the title becomes the report's file name).
    static let bugReportRun = """
        ▶ file_bug_report (file_bug_report.yaml, 4 steps)
          1/4 ✓ shell       kernel  <duration>
          2/4 ✓ set         slug    <duration>
          3/4 ✓ write_file  write   <duration>
          4/4 ✓ log         #4      <duration>
              bug report written to <tmp>/.state/bugs/login-times-out.md
        ✓ file_bug_report succeeded in <duration>: 4 succeeded

        """

    /// Each example procedure's arguments, and what a run of it prints.
    static let examples: [([String], String)] = [
        (
            ["deploy_backend.yaml", "--set", "tag=v1.4.2"],
            """
            ▶ deploy_backend (deploy_backend.yaml, 6 steps)
              1/6 ✓ run_tests       test    <duration>
              2/6 ✓ build_image     build   <duration>
              3/6 ✓ push_image      push    <duration>
              4/6 ✓ apply_manifest  apply   <duration>
              5/6 ✓ check_health    verify  <duration>
              6/6 ✓ log             #6      <duration>
                  backend v1.4.2 is live in staging (sha256:f1eb0fa320cfdfeb)
            ✓ deploy_backend succeeded in <duration>: 6 succeeded

            """
        ),
        (
            ["hello.yaml", "--set", "name=Ada", "--set", "shout=true"],
            """
            ▶ hello (hello.yaml, 5 steps)
              1/5 ✓ shell   greet  <duration>
              2/5 ✓ log     #2     <duration>
                  HELLO, ADA!
              3/5 ✓ set     count  <duration>
              4/5 ✓ assert  #4     <duration>
              5/5 ✓ log     #5     <duration>
                  greeted Ada (3 letters) in <ms> ms
            ✓ hello succeeded in <duration>: 5 succeeded

            """
        ),
        (["file_bug_report.yaml", "--set", "title=login times out", "--set", "severity=high"], ExampleLibraryTests.bugReportRun),
    ]

    @Test("each example procedure runs to success", arguments: examples)
    func runs(arguments: [String], printed: String) throws {
        let folder = try copy()
        defer { folder.remove() }
        let stepTime = OutputNormalization.replacing("in [0-9]+ ms", with: "in <ms> ms", "the time hello's greet step took")
        try ProcrunBinary.expect(arguments, in: folder.path, stdout: printed, normalizing: [.durations, .temporaryFolders, stepTime])
    }

    @Test("the bug report lands in the team's format")
    func bugReport() throws {
        let folder = try copy()
        defer { folder.remove() }
        try ProcrunBinary.expect(
            ["file_bug_report.yaml", "--set", "title=Login times out"], in: folder.path, stdout: Self.bugReportRun, normalizing: [.durations, .temporaryFolders])
        let report = try folder.read(".state/bugs/login-times-out.md")
        #expect(report.hasPrefix("# Login times out\n\nSeverity: MEDIUM\n"))
    }
}

extension ExampleLibraryTests {
    @Test("a composed run records itself and each procedure it called, each in its own file")
    func nestedStats() throws {
        let folder = try copy()
        defer { folder.remove() }
        let files = ["deploy_full_stack.yaml", "deploy_backend.yaml", "deploy_frontend.yaml"]
        // The copy may already hold stats (running the README's example records one run).
        let before = try files.map { try StatsDocument(path: folder.path + "/" + $0) }
        try ProcrunBinary.expect(["deploy_full_stack.yaml"], in: folder.path, stdout: """
            ▶ deploy_full_stack (deploy_full_stack.yaml, 4 steps)
              1/4 ↳ replay_procedure  backend   calls deploy_backend (deploy_backend.yaml)
                  1/6 ✓ run_tests       test    <duration>
                  2/6 ✓ build_image     build   <duration>
                  3/6 ✓ push_image      push    <duration>
                  4/6 ✓ apply_manifest  apply   <duration>
                  5/6 ✓ check_health    verify  <duration>
                  6/6 ✓ log             #6      <duration>
                      backend latest is live in staging (sha256:5414cc964474b962)
              1/4 ✓ replay_procedure  backend   <duration>
              2/4 ↳ deploy_frontend   frontend  calls deploy_frontend (deploy_frontend.yaml)
                  1/3 ✓ build_image     build   <duration>
                  2/3 ✓ apply_manifest  apply   <duration>
                  3/3 ✓ check_health    verify  <duration>
              2/4 ✓ deploy_frontend   frontend  <duration>
              3/4 ✓ shell             smoke     <duration>
              4/4 ✓ log               #4        <duration>
                  stack latest is live: backend sha256:5414cc964474b962, frontend sha256:df2555262873c130
            ✓ deploy_full_stack succeeded in <duration>: 11 succeeded

            """, normalizing: [.durations])
        for (file, old) in zip(files, before) {
            let new = try StatsDocument(path: folder.path + "/" + file)
            #expect(new.stats.executionCount == old.stats.executionCount + 1, "\(file)")
            #expect(new.stats.successes == old.stats.successes + 1, "\(file)")
            // Only the stats block changed: every byte before it is the file as it was.
            let start = old.block.range.lowerBound
            #expect(Array(new.file.bytes.prefix(start)) == Array(old.file.bytes.prefix(start)), "\(file)")
        }
    }
}

extension ExampleLibraryTests {
    @Test("find answers the README's task with deploy_backend, and an unrelated one with nothing")
    func find() throws {
        let folder = try copy()
        defer { folder.remove() }
        try ProcrunBinary.expect(["find", "deploy the backend service", "--library", folder.path], stdout: """
            1. deploy_backend     score 1.97  <record>  <tmp>/deploy_backend.yaml
               Test, build and push the backend image, roll it out, and check that it is healthy.
            2. deploy_frontend    score 1.80  <record>  <tmp>/deploy_frontend.yaml
               Build the frontend image against a backend, roll it out, and check that it is healthy.
            3. deploy_full_stack  score 1.77  <record>  <tmp>/deploy_full_stack.yaml
               Release the backend, then the frontend built against it, then check both together.

            """, normalizing: [.temporaryFolders, .recordedRuns])
        try ProcrunBinary.expect(["find", "bake a chocolate cake for the backend", "--library", folder.path], status: 1, stdout: """
            no procedure matches 'bake a chocolate cake for the backend' well enough (5 searched)
            nearest: deploy_backend (lacks 'bake', 'chocolate', 'cake'), deploy_frontend (lacks 'bake', 'chocolate', 'cake'), deploy_full_stack (lacks 'bake', 'chocolate', 'cake')
            no procedure covers 'bake', 'chocolate', 'cake'; record one with procrun record NAME --description "bake a chocolate cake for the backend"

            """)
    }
}
