import ProcrunKit
import Testing

/// Where commands run (grammar.md, "Working folder"): a step's `cwd`, else the procedure's `cwd`,
/// else `procrun.yaml`'s `defaults.cwd`, else the procedure file's folder; every `cwd` relative to
/// the file that writes it, and the two new ones checked before anything runs.
@Suite("working folder", .serialized)
struct WorkingFolderTests {
    /// A repository with its procedures in `procedures/` (whose `procrun.yaml` holds `config`) and
    /// its code in `web/`.
    func repository(config: String) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write(".git/HEAD", "ref: refs/heads/main\n")
        try folder.write("web/index.html", "<p>\n")
        try folder.write("procedures/sub/.keep", "")
        try folder.write("procedures/procrun.yaml", config)
        return folder
    }

    @Test("defaults.cwd moves every command; the procedure's cwd wins over it, a step's cwd over both, each from its own file")
    func precedence() throws {
        let folder = try repository(config: "defaults: {cwd: ..}\nactions:\n  mark: {command: touch action-ran}\n")
        defer { folder.remove() }
        try folder.write("procedures/build.yaml", """
            name: build
            steps:
              - action: shell
                parameters: {command: touch default-ran}
              - action: shell
                parameters: {command: touch step-ran, cwd: sub}
              - action: wait_for
                parameters: {command: test -f default-ran, timeout: 5s}
              - action: mark
              - action: site

            """)
        try folder.write("procedures/site.yaml", """
            name: site
            cwd: ../web
            steps:
              - action: shell
                parameters: {command: test -f index.html}
              - action: shell
                parameters: {command: touch site-ran}

            """)
        try ProcrunBinary.expect(["run", "procedures/build.yaml", "--no-learn"], in: folder.path, stdout: """
            ▶ build (procedures/build.yaml, 5 steps)
              1/5 ✓ shell     #1  <duration>
              2/5 ✓ shell     #2  <duration>
              3/5 ✓ wait_for  #3  <duration>
              4/5 ✓ mark      #4  <duration>
              5/5 ↳ site      #5  calls site (procedures/site.yaml)
                  1/2 ✓ shell  #1  <duration>
                  2/2 ✓ shell  #2  <duration>
              5/5 ✓ site      #5  <duration>
            ✓ build succeeded in <duration>: 6 succeeded

            """, normalizing: [.durations])
        // defaults.cwd is taken from procrun.yaml's folder; the step's cwd from the procedure's;
        // the library action stays in the library's folder; the callee follows its own cwd.
        #expect(folder.exists("default-ran"))
        #expect(folder.exists("procedures/sub/step-ran"))
        #expect(folder.exists("procedures/action-ran"))
        #expect(folder.exists("web/site-ran"))
    }

    @Test("a called procedure without cwd runs in its own folder, not in its caller's cwd")
    func calleeKeepsItsFolder() throws {
        let folder = try repository(config: "")
        defer { folder.remove() }
        try folder.write("procedures/outer.yaml", "name: outer\ncwd: ..\nsteps:\n  - action: shell\n    parameters: {command: touch outer-ran}\n  - action: inner\n")
        try folder.write("procedures/sub/inner.yaml", "name: inner\nsteps:\n  - action: shell\n    parameters: {command: touch inner-ran}\n")
        let output = try ProcrunBinary.run(["run", "procedures/outer.yaml", "--no-learn"], in: folder.path)
        #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
        #expect(folder.exists("outer-ran"))
        #expect(folder.exists("procedures/sub/inner-ran"))
    }

    @Test("a cwd or defaults.cwd that is no folder is an error at its position, and nothing runs")
    func checkedBeforeTheRun() throws {
        let folder = try repository(config: "")
        defer { folder.remove() }
        try folder.write("procedures/lost.yaml", "name: lost\ncwd: ../nowhere\nsteps:\n  - action: shell\n    parameters: {command: touch ran-marker}\n")
        try ProcrunBinary.expect(["check", "procedures/lost.yaml"], in: folder.path, status: 2, stderr: """
            procedures/lost.yaml:2:6: error: the folder '../nowhere' of 'cwd' does not exist (looked for procedures/../nowhere); a relative path is taken from the folder of the file that sets it
            cwd: ../nowhere
                 ^
            1 problem found in 1 file

            """)
        try ProcrunBinary.expect(["run", "procedures/lost.yaml"], in: folder.path, status: 2, stderr: """
            procedures/lost.yaml:2:6: error: the folder '../nowhere' of 'cwd' does not exist (looked for procedures/../nowhere); a relative path is taken from the folder of the file that sets it
            cwd: ../nowhere
                 ^

            """)
        try folder.write("procedures/file.yaml", "name: file\ncwd: procrun.yaml\nsteps:\n  - action: shell\n    parameters: {command: touch ran-marker}\n")
        try ProcrunBinary.expect(["check", "procedures/file.yaml"], in: folder.path, status: 2, stderr: """
            procedures/file.yaml:2:6: error: 'cwd' must name a folder, and 'procrun.yaml' is not one
            cwd: procrun.yaml
                 ^
            1 problem found in 1 file

            """)
        try folder.write("procedures/procrun.yaml", "defaults:\n  cwd: ../build\n")
        try folder.write("procedures/fine.yaml", "name: fine\nsteps:\n  - action: shell\n    parameters: {command: touch ran-marker}\n")
        try ProcrunBinary.expect(["run", "procedures/fine.yaml"], in: folder.path, status: 2, stderr: """
            procedures/procrun.yaml:2:8: error: the folder '../build' of 'defaults.cwd' does not exist (looked for procedures/../build); a relative path is taken from the folder of the file that sets it
              cwd: ../build
                   ^

            """)
        #expect(!folder.exists("ran-marker") && !folder.exists("procedures/ran-marker"))
    }
}
