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
        try ProcrunBinary.expect(
            ["record", "deploy_api", "--description", "Deploy the backend service", "--tags", "deploy,backend"], in: folder.path,
            input: "echo built\n:done\n", stdout: """
            recording 'deploy_api' in .: type commands to run; :done saves, :abort quits, :help lists more
            [1] $ echo built
            built
            ✓ exit 0 in <duration>
            [2] $ :done
            saved deploy_api.yaml: 1 step

            """, normalizing: [.durations])
        try ProcrunBinary.expect(["find", "deploy the backend service"], in: folder.path, stdout: """
            1. deploy_api         score 3.71  <record>  deploy_api.yaml
               Deploy the backend service
            2. deploy_backend     score 1.59  <record>  deploy_backend.yaml
               Test, build and push the backend image, roll it out, and check that it is healthy.
            3. deploy_frontend    score 1.44  <record>  deploy_frontend.yaml
               Build the frontend image against a backend, roll it out, and check that it is healthy.
            4. deploy_full_stack  score 1.42  <record>  deploy_full_stack.yaml
               Release the backend, then the frontend built against it, then check both together.

            """, normalizing: [.recordedRuns])
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
        try ProcrunBinary.expect(["merge", "build_calc", "compile_calc_old"], in: folder.path, stdout: """
            marked compile_calc_old.yaml:
              + superseded_by: build_calc
              + superseded_reason: 'merged into build_calc by procrun merge (17% similar); build_calc: never run; this one: never run'
            the marked procedures stay on disk and still run; find and similar leave them out (review with your version control's diff)

            """)
        try ProcrunBinary.expect(["find", "compile calc"], in: folder.path, stdout: """
            1. build_calc  score 1.21  never run  build_calc.yaml
               Build the calculator.

            """)
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
        try ProcrunBinary.expect(["find", "back up the database", "--limit", "2"], in: folder.path, stdout: """
            1. backup_db   score 0.53  success 100% of 9 runs  backup_db.yaml
               Back up the database.
               near-duplicates: backup_db_again, backup_db_copy (see procrun similar)
            2. restore_db  score 0.28  never run  restore_db.yaml
               Restore the database from a backup.

            """)
        try ProcrunBinary.expect(["find", "back up the database", "--json"], in: folder.path, stdout: """
            {"query":"back up the database","searched":4,"matches":[{"name":"backup_db","file":"backup_db.yaml",\
            "description":"Back up the database.","score":0.53,"relevance":0.53,"success_rate":1.00,"runs":9,\
            "duplicates":["backup_db_again","backup_db_copy"],"matched":["back up","database"]},{"name":"restore_db",\
            "file":"restore_db.yaml","description":"Restore the database from a backup.","score":0.28,"relevance":0.28,\
            "success_rate":null,"runs":0,"duplicates":[],"matched":["back up","database"]}]}

            """)
    }
}
