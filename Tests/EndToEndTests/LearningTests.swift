import Glibc
import ProcrunKit
import Testing

/// After `procrun run`, only the file's `stats` block differs, byte for byte; the writer is safe
/// under concurrency and when killed.
@Suite("learning: stats written after a run", .serialized)
struct LearningTests {
    static let corpus = LearningCorpus.files.keys.sorted()

    /// The block's range in a file's bytes, and its figures.
    static func block(_ bytes: [UInt8]) throws -> (range: Range<Int>, stats: ProcedureStats) {
        let document = try StatsDocument(file: SourceFile(path: "t.yaml", bytes: bytes))
        return (document.block.range, document.stats)
    }

    @Test("after a run only the stats block differs", arguments: corpus)
    func onlyTheBlockChanges(name: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let old = try #require(LearningCorpus.files[name])
        let path = folder.path + "/p.yaml"
        try FileSystem.write(old, to: path)
        let before = try Self.block(old)

        try ProcrunBinary.expect(["run", "--quiet", "p.yaml"], in: folder.path)
        let new = try FileSystem.read(path)
        let after = try Self.block(new)

        var expectedPrefix = Array(old[..<before.range.lowerBound])
        if before.range.isEmpty, before.range.lowerBound == old.count, old.last != UInt8(ascii: "\n") {
            expectedPrefix += old.contains(UInt8(ascii: "\r")) ? [13, 10] : [10]
        }
        #expect(Array(new[..<after.range.lowerBound]) == expectedPrefix, "the bytes before the block changed")
        #expect(Array(new[after.range.upperBound...]) == Array(old[before.range.upperBound...]), "the bytes after the block changed")
        #expect(after.stats.executionCount == before.stats.executionCount + 1)
        #expect(after.stats.successes == before.stats.successes + 1)

        let text = String(decoding: new[after.range], as: UTF8.self)
        #expect(text.drop { $0 == " " }.hasPrefix("stats:"))
        if old.contains(UInt8(ascii: "\r")) {
            #expect(!text.replacingAll("\r\n", with: "").contains("\n"), "a line of the block does not end with CRLF")
        }
    }

    @Test("a second run changes only the counters that moved")
    func stableFormat() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("p.yaml", "name: p\n" + LearningCorpus.steps)
        _ = try ProcrunBinary.expect(["run", "--quiet", "p.yaml"], in: folder.path)
        let first = try folder.read("p.yaml")
        _ = try ProcrunBinary.expect(["run", "--quiet", "p.yaml"], in: folder.path)
        let second = try folder.read("p.yaml")
        let a = first.split(separator: "\n", omittingEmptySubsequences: false)
        let b = second.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(a.count == b.count)
        let changed = zip(a, b).filter { $0 != $1 }.map { String($0.1.split(separator: ":").first ?? "").trimmingCharacters() }
        let keys = try StatsDocument(path: folder.path + "/p.yaml").stepKeys
        #expect(Set(changed).isSubset(of: Set(["execution_count", "successes", "total_duration_ms", "avg_duration_ms", "last_executed"] + keys)))
        WholeText.expect(try folder.statsBlock("p.yaml"), equals: """
            stats:
              execution_count: 2
              successes: 2
              failures: 0
              success_rate: 1.000
              total_duration_ms: <ms>
              avg_duration_ms: <ms>
              last_executed: "<time>"  # run <run>
              steps:
                greet: {runs: 2, successes: 2, failures: 0, skips: 0, total_duration_ms: <ms>}
                log#105d304b: {runs: 2, successes: 2, failures: 0, skips: 0, total_duration_ms: <ms>}

            """, "the stats block after two runs", normalizing: [.durationFields, .timestamps, .runIDs])
    }

    @Test("a failing run is counted as a failure, with the step's error")
    func failureCounted() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("p.yaml", "name: p\nsteps:\n  - id: boom\n    action: fail\n    parameters: {message: \"it broke\\nsecond line\"}\n")
        try ProcrunBinary.expect(["run", "--quiet", "p.yaml"], in: folder.path, status: 1, stderr: """
            p.yaml: step 1 (boom) failed: it broke
            second line

            """)
        let stats = try StatsDocument(path: folder.path + "/p.yaml").stats
        #expect(stats.executionCount == 1)
        #expect(stats.failures == 1)
        #expect(stats.successes == 0)
        #expect(stats[step: "boom"]?.failures == 1)
        #expect(stats[step: "boom"]?.lastError == "it broke")
    }

    @Test("--dry-run and --no-learn leave the file untouched")
    func noLearning() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let text = "name: p\n" + LearningCorpus.steps
        try folder.write("p.yaml", text)
        _ = try ProcrunBinary.expect(["run", "--dry-run", "p.yaml"], in: folder.path, stdout: """
            ▶ p (p.yaml, 2 steps)
              1/2 ✓ log  greet  (dry run)
                  hello
              2/2 ✓ log  #2     (dry run)
                  second
            ✓ p dry run, nothing ran: 2 would run

            """)
        _ = try ProcrunBinary.expect(["run", "--no-learn", "p.yaml"], in: folder.path, stdout: """
            ▶ p (p.yaml, 2 steps)
              1/2 ✓ log  greet  <duration>
                  hello
              2/2 ✓ log  #2     <duration>
                  second
            ✓ p succeeded in <duration>: 2 succeeded

            """, normalizing: [.durations])
        #expect(try folder.read("p.yaml") == text)
    }

    @Test("a read-only file gives a warning; the run's result and exit code stand")
    func readOnly() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let text = "name: p\n" + LearningCorpus.steps
        let path = try folder.write("p.yaml", text)
        chmod(path, 0o444)
        try ProcrunBinary.expect(["run", "p.yaml"], in: folder.path, stdout: """
            ▶ p (p.yaml, 2 steps)
              1/2 ✓ log  greet  <duration>
                  hello
              2/2 ✓ log  #2     <duration>
                  second
            ✓ p succeeded in <duration>: 2 succeeded

            """, stderr: "p.yaml: warning: the stats of this run could not be saved: cannot save '<tmp>/p.yaml': the file is read-only\n", normalizing: [.durations, .temporaryFolders])
        #expect(try folder.read("p.yaml") == text)
    }

    @Test("a symbolic link updates its target and stays a link; the mode is kept")
    func symlinkAndMode() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let target = try folder.write("real/p.yaml", "name: p\n" + LearningCorpus.steps)
        chmod(target, 0o640)
        symlink("real/p.yaml", folder.path + "/link.yaml")
        try ProcrunBinary.expect(["run", "--quiet", "link.yaml"], in: folder.path)
        var info = stat()
        lstat(folder.path + "/link.yaml", &info)
        #expect(info.st_mode & S_IFMT == S_IFLNK)
        stat(target, &info)
        #expect(info.st_mode & 0o777 == 0o640)
        #expect(try StatsDocument(path: target).stats.executionCount == 1)
    }

    @Test("an edit made during a long run is kept: the writer reads the file again under its lock")
    func editDuringRun() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("p.yaml", "name: p\nsteps:\n  - id: nap\n    action: sleep\n    parameters: {duration: 800ms}\n")
        let script = "\"$0\" run --quiet p.yaml & pid=$!; sleep 0.3; printf '# edited meanwhile\\n' >> p.yaml; wait $pid"
        let result = try ProcessRunner.run(
            ProcessSpec(arguments: ["sh", "-c", script, ProcrunBinary.path], workingDirectory: folder.path, timeout: .seconds(60)))
        #expect(result.exitCode == 0, "\(result.stderr.text)")
        let text = try folder.read("p.yaml")
        WholeText.expect(text, equals: """
            name: p
            steps:
              - id: nap
                action: sleep
                parameters: {duration: 800ms}
            # edited meanwhile
            stats:
              execution_count: 1
              successes: 1
              failures: 0
              success_rate: 1.000
              total_duration_ms: <ms>
              avg_duration_ms: <ms>
              last_executed: "<time>"  # run <run>
              steps:
                nap: {runs: 1, successes: 1, failures: 0, skips: 0, total_duration_ms: <ms>}

            """, "p.yaml, edited during the run", normalizing: [.durationFields, .timestamps, .runIDs])
        #expect(try StatsDocument(path: folder.path + "/p.yaml").stats.executionCount == 1)
    }

    @Test("eight concurrent runs on one file lose no update")
    func concurrentRuns() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("p.yaml", "name: p\nsteps:\n  - id: nap\n    action: sleep\n    parameters: {duration: 50ms}\n")
        let script = "for i in 1 2 3 4 5 6 7 8; do \"$0\" run --quiet p.yaml & done; wait"
        var spec = ProcessSpec(arguments: ["sh", "-c", script, ProcrunBinary.path], workingDirectory: folder.path, timeout: .seconds(120))
        spec.extraEnvironment = ProcrunBinary.slowWrites(milliseconds: 2)
        let result = try ProcessRunner.run(spec)
        #expect(result.exitCode == 0, "\(result.stderr.text)")
        let stats = try StatsDocument(path: folder.path + "/p.yaml").stats
        #expect(stats.executionCount == 8)
        #expect(stats.successes == 8)
        #expect(stats[step: "nap"]?.runs == 8)
    }

    @Test("a writer killed at any moment leaves the old or the new file, and no lock that blocks")
    func killedWriter() throws {
        // Without the library that slows the writes, a kill would rarely land inside one.
        #expect(FileSystem.exists(ProcrunBinary.slowWrites(milliseconds: 30)[0].1))
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("p.yaml", "# keep me\nname: p\n" + LearningCorpus.steps)
        var count = 0
        var generator = SystemRandomNumberGenerator()
        for slot in 0..<12 {
            // A random moment in each of twelve slots spanning start-up, the slowed write and after it.
            let delay = Double(slot * 35 + Int.random(in: 0..<35, using: &generator)) / 1000
            let script = "\"$0\" run --quiet p.yaml & pid=$!; sleep \(delay); kill -9 $pid 2>/dev/null; wait $pid; exit 0"
            var spec = ProcessSpec(arguments: ["sh", "-c", script, ProcrunBinary.path], workingDirectory: folder.path, timeout: .seconds(60))
            spec.extraEnvironment = ProcrunBinary.slowWrites(milliseconds: 30)
            _ = try ProcessRunner.run(spec)
            let bytes = try FileSystem.read(path)
            let stats = try StatsDocument(file: SourceFile(path: path, bytes: bytes)).stats
            #expect(stats.executionCount == count || stats.executionCount == count + 1, "torn or lost: \(stats.executionCount)")
            #expect(bytes.starts(with: Array("# keep me\nname: p\n".utf8)))
            count = stats.executionCount
        }
        try ProcrunBinary.expect(["run", "--quiet", "p.yaml"], in: folder.path)
        #expect(try StatsDocument(path: path).stats.executionCount == count + 1)
        // Nor any temporary file: the procedure's, the run records' (.procrun/runs/p/) or .procrun/.gitignore's.
        let found = try ProcessRunner.run(ProcessSpec(arguments: ["find", folder.path, "-name", "*.procrun-tmp.*"]))
        #expect(found.stdout.text.isEmpty, "killed writers' temporary files are left:\n\(found.stdout.text)")
    }
}

extension String {
    /// Every occurrence of `target` replaced by `replacement`.
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
