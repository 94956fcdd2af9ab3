import ProcrunKit
import Testing

/// `procrun git-setup` and `procrun merge-driver` in a real git repository.
@Suite("learning: git merge driver", .serialized)
struct GitMergeTests {
    static let procedure = """
        # a procedure shared by two branches
        name: shared
        steps:
          - id: first
            action: log
            parameters: {message: one}
          - id: second
            action: log
            parameters: {message: two}

        """

    /// A repository with `p.yaml` committed on `main` (after one run) and the driver installed.
    static func repository(_ folder: TemporaryFolder) throws {
        try folder.write("p.yaml", procedure)
        try git(["init", "-q", "-b", "main"], folder)
        try git(["config", "user.email", "test@example.com"], folder)
        try git(["config", "user.name", "Test"], folder)
        let setup = try ProcrunBinary.run(["git-setup"], in: folder.path)
        #expect(setup.status == 0, "stderr: \(setup.stderr)")
        _ = try ProcrunBinary.run(["run", "--quiet", "p.yaml"], in: folder.path)
        try git(["add", "-A"], folder)
        try git(["commit", "-q", "-m", "base"], folder)
    }

    @discardableResult
    static func git(_ arguments: [String], _ folder: TemporaryFolder, allowFailure: Bool = false) throws -> ProcessResult {
        let result = try ProcessRunner.run(ProcessSpec(arguments: ["git"] + arguments, workingDirectory: folder.path, timeout: .seconds(60)))
        if !allowFailure {
            #expect(result.exitCode == 0, "git \(arguments.joined(separator: " ")): \(result.stderr.text)")
        }
        return result
    }

    static func runs(_ count: Int, _ folder: TemporaryFolder) throws {
        for _ in 0..<count { _ = try ProcrunBinary.run(["run", "--quiet", "p.yaml"], in: folder.path) }
    }

    @Test("git-setup is idempotent")
    func setupIdempotent() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.repository(folder)
        let again = try ProcrunBinary.run(["git-setup"], in: folder.path)
        #expect(again.status == 0)
        let attributes = try folder.read(".gitattributes")
        #expect(attributes == "*.yaml merge=procrun\n*.yml merge=procrun\n")
        let driver = try Self.git(["config", "--get", "merge.procrun.driver"], folder)
        #expect(driver.stdout.text.hasSuffix(" merge-driver %O %A %B %L %P\n"))
        #expect(again.stdout.contains("merge button"))
    }

    @Test("merging two branches sums their runs exactly")
    func countersSum() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.repository(folder)
        try Self.git(["checkout", "-q", "-b", "left"], folder)
        try Self.runs(2, folder)
        try Self.git(["commit", "-q", "-am", "left runs"], folder)
        try Self.git(["checkout", "-q", "main"], folder)
        try Self.git(["checkout", "-q", "-b", "right"], folder)
        try Self.runs(3, folder)
        // An authored change on one side, away from the stats, merges as git would merge it.
        let edited = try folder.read("p.yaml").replacingAll("# a procedure shared", with: "# THE procedure shared")
        try folder.write("p.yaml", edited)
        try Self.git(["commit", "-q", "-am", "right runs"], folder)

        let merge = try Self.git(["merge", "-q", "--no-edit", "left"], folder, allowFailure: true)
        #expect(merge.exitCode == 0, "\(merge.stdout.text)\(merge.stderr.text)")
        let stats = try StatsDocument(path: folder.path + "/p.yaml").stats
        #expect(stats.executionCount == 6)
        #expect(stats.successes == 6)
        #expect(stats[step: "first"]?.runs == 6)
        #expect(stats[step: "second"]?.successes == 6)
        #expect(try folder.read("p.yaml").hasPrefix("# THE procedure shared"))
        let check = try ProcrunBinary.run(["check", "p.yaml"], in: folder.path)
        #expect(check.status == 0)
    }

    @Test("a conflict in the authored steps is still reported; the stats are merged")
    func authoredConflict() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.repository(folder)
        try Self.git(["checkout", "-q", "-b", "left"], folder)
        try folder.write("p.yaml", try folder.read("p.yaml").replacingAll("message: two", with: "message: left"))
        try Self.runs(1, folder)
        try Self.git(["commit", "-q", "-am", "left"], folder)
        try Self.git(["checkout", "-q", "main"], folder)
        try Self.git(["checkout", "-q", "-b", "right"], folder)
        try folder.write("p.yaml", try folder.read("p.yaml").replacingAll("message: two", with: "message: right"))
        try Self.runs(2, folder)
        try Self.git(["commit", "-q", "-am", "right"], folder)

        let merge = try Self.git(["merge", "--no-edit", "left"], folder, allowFailure: true)
        #expect(merge.exitCode != 0)
        #expect(merge.stdout.text.contains("CONFLICT"), "\(merge.stdout.text)")
        let text = try folder.read("p.yaml")
        #expect(text.contains("<<<<<<< ours"))
        #expect(text.contains("message: left"))
        #expect(text.contains("message: right"))
        #expect(text.contains("  execution_count: 4\n"))
    }
}
