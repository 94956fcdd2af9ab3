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
        try ProcrunBinary.expect(["git-setup"], in: folder.path, environment: [searchPath], stdout: """
            <tmp>/.gitattributes: added **/*.yaml merge=procrun, **/*.yml merge=procrun, **/.*/** !merge, /procrun.yaml !merge
            <tmp>/.gitignore: added .procrun/
            git config merge.procrun.driver: procrun merge-driver %O %A %B %L %P %S %X %Y
            note: a hosting service's merge button does not run this driver; merge such branches locally and push

            """, normalizing: [.temporaryFolders])
        try ProcrunBinary.expect(["run", "--quiet", "p.yaml"], in: folder.path)
        try git(["add", "-A"], folder)
        try git(["commit", "-q", "-m", "base"], folder)
    }

    /// PATH with the built `procrun` first, as git finds the driver once procrun is installed.
    static let searchPath = ("PATH", FileSystem.directory(of: ProcrunBinary.path) + ":" + (FileSystem.environment("PATH") ?? "/usr/bin:/bin"))

    /// Runs git in `folder`, with the built `procrun` on PATH.
    @discardableResult
    static func git(_ arguments: [String], _ folder: TemporaryFolder, allowFailure: Bool = false) throws -> ProcessResult {
        var spec = ProcessSpec(arguments: ["git"] + arguments, workingDirectory: folder.path, timeout: .seconds(60))
        spec.extraEnvironment = [searchPath]
        let result = try ProcessRunner.run(spec)
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
        try ProcrunBinary.expect(["git-setup"], in: folder.path, environment: [Self.searchPath], stdout: """
            <tmp>/.gitattributes: already set up
            <tmp>/.gitignore: already set up
            git config merge.procrun.driver: procrun merge-driver %O %A %B %L %P %S %X %Y
            note: a hosting service's merge button does not run this driver; merge such branches locally and push

            """, normalizing: [.temporaryFolders])
        let attributes = try folder.read(".gitattributes")
        #expect(attributes == "**/*.yaml merge=procrun\n**/*.yml merge=procrun\n**/.*/** !merge\n/procrun.yaml !merge\n")
        #expect(try folder.read(".gitignore") == ".procrun/\n")
        let driver = try Self.git(["config", "--get", "merge.procrun.driver"], folder)
        #expect(driver.stdout.text == "procrun merge-driver %O %A %B %L %P %S %X %Y\n")
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
        WholeText.expect(try folder.read("p.yaml"), equals: """
            # THE procedure shared by two branches
            name: shared
            steps:
              - id: first
                action: log
                parameters: {message: one}
              - id: second
                action: log
                parameters: {message: two}
            stats:
              execution_count: 6
              successes: 6
              failures: 0
              success_rate: 1.000
              total_duration_ms: <ms>
              avg_duration_ms: <ms>
              last_executed: "<time>"  # run <run>
              steps:
                first: {runs: 6, successes: 6, failures: 0, skips: 0, total_duration_ms: <ms>}
                second: {runs: 6, successes: 6, failures: 0, skips: 0, total_duration_ms: <ms>}

            """, "p.yaml, merged", normalizing: [.durationFields, .timestamps, .runIDs])
        try ProcrunBinary.expect(["check", "p.yaml"], in: folder.path, stdout: "ok: p.yaml: 'shared', 2 steps\n")
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
        #expect(merge.stderr.text.contains("p.yaml: the stats blocks were added up; the rest of the file has conflicts to resolve"))
        let text = try folder.read("p.yaml")
        // The labels git writes itself (git 2.44 and later passes them; an older one names the branch in GITHEAD_*).
        #expect(text.contains("<<<<<<< HEAD\n"), "\(text)")
        #expect(text.contains(">>>>>>> left\n"))
        #expect(text.contains("message: left"))
        #expect(text.contains("message: right"))
        #expect(text.contains("  execution_count: 4\n"))
    }

    @Test("a YAML file that is not a procedure is merged as text, and the driver says so; markers have git's size")
    func notAProcedure() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.repository(folder)
        try folder.write(".gitattributes", try folder.read(".gitattributes") + "config.yaml conflict-marker-size=10\n")
        try folder.write("config.yaml", "colour: blue\n")
        try Self.git(["add", "-A"], folder)
        try Self.git(["commit", "-q", "-m", "config"], folder)
        try Self.git(["checkout", "-q", "-b", "left"], folder)
        try folder.write("config.yaml", "colour: red\n")
        try Self.git(["commit", "-q", "-am", "left"], folder)
        try Self.git(["checkout", "-q", "main"], folder)
        try folder.write("config.yaml", "colour: green\n")
        try Self.git(["commit", "-q", "-am", "main"], folder)

        let merge = try Self.git(["merge", "--no-edit", "left"], folder, allowFailure: true)
        #expect(merge.exitCode != 0)
        #expect(merge.stderr.text.contains("config.yaml: not a procedure procrun could read, so it was merged as plain text; it has conflicts to resolve"), "\(merge.stderr.text)")
        #expect(!merge.stderr.text.contains("stats"))
        #expect(try folder.read("config.yaml") == "<<<<<<<<<< HEAD\ncolour: green\n==========\ncolour: red\n>>>>>>>>>> left\n")
    }

    @Test("the driver uses the labels git 2.44 and later passes (%S %X %Y), and falls back when they are placeholders")
    func labels() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("base", "a: 1\n")
        func merge(_ labels: [String], environment: [(String, String)] = []) throws -> (status: Int32, text: String) {
            try folder.write("ours", "a: 2\n")
            try folder.write("theirs", "a: 3\n")
            let output = try ProcrunBinary.expect(["merge-driver", "base", "ours", "theirs", "7", "c.yaml"] + labels, in: folder.path, environment: environment, status: 1, stderr: "c.yaml: not a procedure procrun could read, so it was merged as plain text; it has conflicts to resolve\n")
            return (output.status, try folder.read("ours"))
        }
        #expect(try merge(["merged common ancestors", "main", "feature"]) == (1, "<<<<<<< main\na: 2\n=======\na: 3\n>>>>>>> feature\n"))
        let placeholders = try merge(["%S", "%X", "%Y"], environment: [("GITHEAD_0123abcd", "topic")])
        #expect(placeholders == (1, "<<<<<<< HEAD\na: 2\n=======\na: 3\n>>>>>>> topic\n"))
    }
}
