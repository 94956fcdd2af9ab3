import ProcrunKit
import Testing

/// procrun's own development tasks (`dev/`, issue 27's "Done when") are a real library: every file
/// checks, the list shows what a developer may run (internal helpers hidden, aliases shown), the
/// quick tasks run, and `test` plans its dependencies once each, with the words after `--`.
@Suite("procrun's development tasks", .serialized)
struct DevLibraryTests {
    static let repository = FileSystem.directory(of: FileSystem.directory(of: FileSystem.directory(of: ProcrunBinary.fixtures)))

    /// The parts of the repository the quick tasks read, copied to a fresh folder, so their runs
    /// leave the repository untouched.
    func copy() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        for part in ["dev", "procedures", "scripts", "schema", "Sources"] {
            let copied = try ProcessRunner.run(ProcessSpec(arguments: ["cp", "-R", Self.repository + "/" + part, folder.path + "/"]))
            #expect(copied.exitCode == 0)
        }
        return folder
    }

    @Test("every file in dev/ passes check")
    func checks() throws {
        try ProcrunBinary.expect(["check", "dev"], in: Self.repository, stdout: """
            ok: dev/procrun.yaml: library with 0 actions
            ok: dev/bench.yaml: 'bench', 1 step, calls 2 procedures
            ok: dev/build.yaml: 'build', 1 step, calls 1 procedure
            ok: dev/check-libraries.yaml: 'check-libraries', 1 step
            ok: dev/install.yaml: 'install', 3 steps, calls 2 procedures
            ok: dev/layers.yaml: 'layers', 1 step
            ok: dev/libyaml.yaml: 'libyaml', 1 step
            ok: dev/python-tools.yaml: 'python-tools', 1 step
            ok: dev/release-build.yaml: 'release-build', 2 steps, calls 1 procedure
            ok: dev/release-check.yaml: 'release-check', 4 steps, calls 7 procedures
            ok: dev/schema-check.yaml: 'schema-check', 1 step
            ok: dev/schema.yaml: 'schema', 1 step, calls 2 procedures
            ok: dev/test.yaml: 'test', 1 step, calls 4 procedures

            """)
    }

    @Test("the list names the tasks a developer runs, with their aliases; libyaml, python-tools and release-build are internal")
    func list() throws {
        let output = try ProcrunBinary.run(["list", "-l", "dev", "--json"], in: Self.repository)
        #expect(output.status == 0, "\(output.stderr)")
        for name in ["bench", "build", "check-libraries", "install", "layers", "release-check", "schema", "schema-check", "test"] {
            #expect(output.stdout.contains("\"name\":\"\(name)\""), "\(name) is not listed")
        }
        for name in ["libyaml", "python-tools", "release-build"] {
            #expect(!output.stdout.contains("\"name\":\"\(name)\""), "\(name) is listed")
        }
        #expect(output.stdout.contains("\"aliases\":[\"t\"]"))
        #expect(output.stdout.contains("\"aliases\":[\"b\"]"))
    }

    @Test("the quick tasks run: the layers, the schemas against procrun's own, every library checked")
    func quickTasks() throws {
        let folder = try copy()
        defer { folder.remove() }
        try ProcrunBinary.expect(["-l", "dev", "layers", "--no-learn", "--no-color"], in: folder.path, stdout: """
            ▶ layers (dev/layers.yaml, 1 step)
              1/1 ✓ shell  #1  <duration>
            ✓ layers succeeded in <duration>: 1 succeeded

            """, normalizing: [.durations])
        try ProcrunBinary.expect(["-l", "dev", "schema-check", "--set", "procrun=" + ProcrunBinary.path, "--no-learn", "--no-color"], in: folder.path, stdout: """
            ▶ schema-check (dev/schema-check.yaml, 1 step)
              1/1 ✓ shell  #1  <duration> (3 entries)
                  ✓ #1 (kind=procedure)  <duration>
                  ✓ #1 (kind=library)  <duration>
                  ✓ #1 (kind=show)  <duration>
            ✓ schema-check succeeded in <duration>: 1 succeeded

            """, normalizing: [.durations])
        try ProcrunBinary.expect(["-l", "dev", "check-libraries", "--set", "procrun=" + ProcrunBinary.path, "--no-learn", "--no-color"], in: folder.path, stdout: """
            ▶ check-libraries (dev/check-libraries.yaml, 1 step)
              1/1 ✓ shell  #1  <duration> (2 entries)
                  ✓ #1 (library=procedures)  <duration>
                  ✓ #1 (library=dev)  <duration>
            ✓ check-libraries succeeded in <duration>: 1 succeeded

            """, normalizing: [.durations])
    }

    @Test("build is skipped while Sources, Tests and Package.swift are unchanged and the binary is there; schema is skipped whole after it (a stub swift on PATH: no real build)")
    func upToDate() throws {
        let folder = try copy()
        defer { folder.remove() }
        try folder.write("Package.swift", "// the package\n")
        try folder.write("Tests/a.swift", "// a test\n")
        // The stub builds by copying the procrun under test where the debug build goes.
        try folder.write("bin/swift", "#!/bin/sh\nmkdir -p .build/debug && cp '\(ProcrunBinary.path)' .build/debug/procrun && echo \"$@\" >> swift.log\n")
        _ = try ProcrunBinary.runShell(["chmod", "+x", "bin/swift"], in: folder.path)
        // How many files are under `paths`: the sources the checks count.
        func files(_ paths: String) throws -> String {
            try ProcrunBinary.runShell(["sh", "-c", "find \(paths) -type f | wc -l | tr -d ' \\n'"], in: folder.path)
        }
        let path = [("PATH", folder.path + "/bin:" + (FileSystem.environment("PATH") ?? "/usr/bin:/bin"))]
        #expect(try ProcrunBinary.run(["-l", "dev", "schema", "--no-learn"], in: folder.path, environment: path).status == 0)
        try ProcrunBinary.expect(["-l", "dev", "schema", "--no-learn", "--no-color"], in: folder.path, environment: path, stdout: """
            ▶ schema (dev/schema.yaml, 1 step)
              needs ↳ build  calls build (dev/build.yaml)
                  needs ↳ libyaml  calls libyaml (dev/libyaml.yaml)
                      1/1 ✓ shell  #1  <duration>
                  needs ✓ libyaml  <duration>
                  1/1 - shell  #1  up to date: \(try files("Sources Tests Package.swift")) sources unchanged, generates present
              needs ✓ build  <duration>
            ✓ schema up to date: \(try files("Sources")) sources unchanged, generates present

            """, normalizing: [.durations])
        #expect(try folder.read("swift.log") == "build --build-tests\n")
        try folder.write("Tests/a.swift", "// another test\n")
        #expect(try ProcrunBinary.run(["-l", "dev", "build", "--no-learn"], in: folder.path, environment: path).status == 0)
        #expect(try folder.read("swift.log") == "build --build-tests\nbuild --build-tests\n")
    }

    @Test("release-check refuses a work tree with changes before anything runs (its precondition), the tests it needs included")
    func releaseCheckDirty() throws {
        let folder = try copy()
        defer { folder.remove() }
        // A fresh repository whose files are all untracked: never clean, so nothing of release-check runs.
        let initialized = try ProcessRunner.run(ProcessSpec(arguments: ["git", "-C", folder.path, "init", "-q"]))
        #expect(initialized.exitCode == 0)
        try ProcrunBinary.expect(["-l", "dev", "release-check", "--no-learn", "--no-color"], in: folder.path, status: 1, stdout: """
            ▶ release-check (dev/release-check.yaml, 4 steps)
            ✗ release-check failed in <duration>: 0 succeeded, 4 not run
              error: dev/release-check.yaml:5:5: precondition not met: the work tree has changes (or is no git work tree); commit or stash them: a release is made from a clean tree

            """, normalizing: [.durations])
    }

    @Test("test runs build (and libyaml before it), python-tools and layers first, once each, and passes the words after -- to swift test")
    func testPlan() throws {
        let output = try ProcrunBinary.run(["-l", "dev", "test", "--dry-run", "--no-learn", "--no-color", "--", "--filter", "Shell Safety"], in: Self.repository)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("$ swift test --skip-build --filter 'Shell Safety'\n"), "\(output.stdout)")
        let needs = output.stdout.split(separator: "\n").filter { $0.contains("needs ✓") }.map { $0.trimmingPrefix(while: { $0 == " " }) }
        // Independent needs run side by side and are printed as each ends: their order is not fixed,
        // but each runs once, and build's own need comes before it.
        #expect(needs.sorted() == ["needs ✓ build  (dry run)", "needs ✓ layers  (dry run)", "needs ✓ libyaml  (dry run)", "needs ✓ python-tools  (dry run)"])
        #expect((needs.firstIndex(of: "needs ✓ libyaml  (dry run)") ?? 9) < (needs.firstIndex(of: "needs ✓ build  (dry run)") ?? 0))
    }
}
