import ProcrunKit
import Testing

/// `find` as a library grows: near-duplicates, merged-away files and new words do not push the
/// right procedure out of the list.
@Suite("find in a growing library", .serialized)
struct FindGrowthTests {
    /// A copy of the example library.
    static func examples() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        for name in ["procrun", "hello", "file_bug_report", "deploy_backend", "deploy_frontend", "deploy_full_stack"] {
            _ = try folder.copy(AgentFixture.repository + "/procedures/\(name).yaml")
        }
        return folder
    }

    @Test("recording the README's example again under a new name keeps deploy_backend in the list")
    func rerecorded() throws {
        let folder = try Self.examples()
        defer { folder.remove() }
        let record = try ProcrunBinary.run(
            ["record", "deploy_api", "--description", "Deploy the backend service", "--tags", "deploy,backend"], in: folder.path,
            input: "echo built\n:done\n")
        #expect(record.status == 0, "\(record.stderr)")
        let find = try ProcrunBinary.run(["find", "deploy the backend service"], in: folder.path)
        #expect(find.status == 0)
        let names = FindTests.names(find.stdout)
        #expect(names.prefix(2) == ["deploy_api", "deploy_backend"], "\(find.stdout)")
    }

    @Test("after merge, the words of the superseded file no longer count: find 'compile calc' finds the kept one")
    func afterMerge() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("procrun.yaml", "")
        _ = try folder.write("build_calc.yaml", "name: build_calc\ndescription: Build the calculator.\ntags: [calc]\nsteps:\n  - action: shell\n    parameters: {command: make calc}\n")
        _ = try folder.write(
            "compile_calc_old.yaml", "name: compile_calc_old\ndescription: Compile calc the old way.\nsteps:\n  - action: shell\n    parameters: {command: cc -o calc calc.c}\n")
        _ = try folder.write("hello.yaml", "name: hello\ndescription: Say hello.\nsteps:\n  - action: log\n    parameters: {message: hi}\n")
        let merge = try ProcrunBinary.run(["merge", "build_calc", "compile_calc_old"], in: folder.path)
        #expect(merge.status == 0, "\(merge.stderr)")
        let find = try ProcrunBinary.run(["find", "compile calc"], in: folder.path)
        #expect(find.status == 0, "\(find.stdout)")
        #expect(FindTests.names(find.stdout) == ["build_calc"])
    }

    @Test("near-duplicates are listed once, under the best of them, and leave room for other matches")
    func duplicatesGrouped() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("procrun.yaml", "")
        let steps = "steps:\n  - action: shell\n    parameters: {command: make backup}\n  - action: shell\n    parameters: {command: rsync -a dump/ backups/}\n"
        for (name, runs) in [("backup_db", 9), ("backup_db_copy", 0), ("backup_db_again", 2)] {
            let stats = runs > 0 ? "stats:\n  execution_count: \(runs)\n  successes: \(runs)\n  failures: 0\n" : ""
            _ = try folder.write("\(name).yaml", "name: \(name)\ndescription: Back up the database.\n" + steps + stats)
        }
        _ = try folder.write("restore_db.yaml", "name: restore_db\ndescription: Restore the database from a backup.\nsteps:\n  - action: shell\n    parameters: {command: pg_restore dump}\n")
        let find = try ProcrunBinary.run(["find", "back up the database", "--limit", "2"], in: folder.path)
        #expect(FindTests.names(find.stdout) == ["backup_db", "restore_db"], "\(find.stdout)")
        #expect(find.stdout.contains("   near-duplicates: backup_db_again, backup_db_copy (see procrun similar)\n"), "\(find.stdout)")
        let json = try ProcrunBinary.run(["find", "back up the database", "--json"], in: folder.path)
        #expect(json.stdout.contains(#""duplicates":["backup_db_again","backup_db_copy"]"#), "\(json.stdout)")
    }
}
