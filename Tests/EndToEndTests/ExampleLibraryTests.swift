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
        let output = try ProcrunBinary.run(["check"] + files, in: folder.path)
        #expect(output.status == 0, "stderr was:\n\(output.stderr)")
        #expect(output.stderr.isEmpty)
    }

    @Test(
        "each example procedure runs to success",
        arguments: [
            ["deploy_backend.yaml", "--set", "tag=v1.4.2"],
            ["hello.yaml", "--set", "name=Ada", "--set", "shout=true"],
            ["file_bug_report.yaml", "--set", "title=login times out", "--set", "severity=high"],
        ])
    func runs(arguments: [String]) throws {
        let folder = try copy()
        defer { folder.remove() }
        let output = try ProcrunBinary.run(arguments, in: folder.path)
        #expect(output.status == 0, "stdout was:\n\(output.stdout)\nstderr was:\n\(output.stderr)")
    }

    @Test("the bug report lands in the team's format")
    func bugReport() throws {
        let folder = try copy()
        defer { folder.remove() }
        let output = try ProcrunBinary.run(["file_bug_report.yaml", "--set", "title=Login times out"], in: folder.path)
        #expect(output.status == 0)
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
        let output = try ProcrunBinary.run(["deploy_full_stack.yaml"], in: folder.path)
        #expect(output.status == 0, "stderr was:\n\(output.stderr)")
        #expect(output.stderr.isEmpty)
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
        let found = try ProcrunBinary.run(["find", "deploy the backend service", "--library", folder.path])
        #expect(found.status == 0, "stderr was:\n\(found.stderr)")
        #expect(found.stdout.hasPrefix("1. deploy_backend "), "stdout was:\n\(found.stdout)")
        let none = try ProcrunBinary.run(["find", "bake a chocolate cake for the backend", "--library", folder.path])
        #expect(none.status == 1)
    }
}
